// Pointer input: mouse events pass straight to ImGui; touches become taps or scrolling.
#include "wasm/app/pointer_input.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui_internal.h>

namespace machiba::app {

namespace {

float const drag_threshold_css = 8; // a finger moving less than this is still a tap
float const stop_velocity = 0.02f; // device px per ms below which momentum ends
float const momentum_half_life = 120; // ms

ImGuiWindow* scrollable_window(ImGuiWindow* window)
{
    while (window && window->ScrollMax.y <= 0 && window->ParentWindow)
        window = window->ParentWindow;
    return window;
}

} // namespace

bool PointerInput::event(int phase, int kind, double x, double y, int button, double now_ms)
{
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 position(static_cast<float>(x) * m_scale, static_cast<float>(y) * m_scale);

    // 1. Mouse and pen: as ImGui expects them.
    if (kind != bridge::PointerTouch) {
        io.AddMouseSourceEvent(
            kind == bridge::PointerPen ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
        if (phase == bridge::PointerCancel) {
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            return false;
        }
        io.AddMousePosEvent(position.x, position.y);
        int imgui_button = button == 2 ? 1 : button == 1 ? 2 : 0;
        if (phase == bridge::PointerDown)
            io.AddMouseButtonEvent(imgui_button, true);
        if (phase == bridge::PointerUp) {
            io.AddMouseButtonEvent(imgui_button, false);
            return true;
        }
        return false;
    }

    // 2. Touch down: stop any momentum and show what is under the finger, but do not press yet:
    //    this may become a drag.
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (phase == bridge::PointerDown) {
        m_touching = true;
        m_dragging = false;
        m_coasting = false;
        m_velocity = 0;
        m_pending_scroll = 0;
        m_target = nullptr;
        m_start = m_last = position;
        m_last_ms = now_ms;
        io.AddMousePosEvent(position.x, position.y);
        return false;
    }
    if (!m_touching)
        return false;

    // 3. Move: past the threshold it is a drag, which scrolls and never clicks.
    if (phase == bridge::PointerMove) {
        float dx = position.x - m_start.x;
        float dy = position.y - m_start.y;
        if (!m_dragging && std::sqrt(dx * dx + dy * dy) > drag_threshold_css * m_scale) {
            m_dragging = true;
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        }
        if (m_dragging) {
            float delta = position.y - m_last.y;
            double elapsed = std::max(1.0, now_ms - m_last_ms);
            float instant = static_cast<float>(delta / elapsed);
            m_velocity = 0.7f * instant + 0.3f * m_velocity;
            m_pending_scroll += delta;
        }
        m_last = position;
        m_last_ms = now_ms;
        return false;
    }

    // 4. Up: a tap presses and releases where the finger was; a drag may coast on.
    m_touching = false;
    if (phase == bridge::PointerCancel) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        return false;
    }
    if (!m_dragging) {
        io.AddMousePosEvent(position.x, position.y);
        io.AddMouseButtonEvent(0, true);
        io.AddMouseButtonEvent(0, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        return true;
    }
    bool recent = now_ms - m_last_ms < 80;
    m_coasting = recent && std::fabs(m_velocity) > stop_velocity;
    m_momentum_ms = now_ms;
    return false;
}

void PointerInput::scroll_by(float delta)
{
    if (!m_target) {
        // The window under the finger when the drag began (ImGui found it from the last frame).
        ImGuiContext& context = *ImGui::GetCurrentContext();
        ImGuiWindow* hovered = context.HoveredWindow;
        if (!hovered) {
            for (int i = context.Windows.Size - 1; i >= 0 && !hovered; --i) {
                ImGuiWindow* window = context.Windows[i];
                if (window->Active && !window->Hidden && window->Rect().Contains(m_start))
                    hovered = window;
            }
        }
        m_target = scrollable_window(hovered);
    }
    if (!m_target)
        return;
    float scroll = m_target->Scroll.y - delta;
    scroll = std::fmax(0.0f, std::fmin(scroll, m_target->ScrollMax.y));
    if (scroll == m_target->Scroll.y)
        m_coasting = false;
    ImGui::SetScrollY(m_target, scroll);
}

bool PointerInput::update(double now_ms)
{
    // 1. What the finger dragged since the last frame.
    if (m_pending_scroll != 0) {
        scroll_by(m_pending_scroll);
        m_pending_scroll = 0;
    }

    // 2. Coasting: the velocity halves every half-life.
    if (!m_coasting)
        return false;
    double elapsed = now_ms - m_momentum_ms;
    m_momentum_ms = now_ms;
    if (elapsed <= 0)
        return true;
    scroll_by(static_cast<float>(m_velocity * elapsed));
    m_velocity *= static_cast<float>(std::pow(0.5, elapsed / momentum_half_life));
    if (std::fabs(m_velocity) < stop_velocity)
        m_coasting = false;
    return m_coasting;
}

} // namespace machiba::app
