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
float const momentum_half_life = 250; // ms: a flick coasts about as far as in a phone's own lists
double const velocity_window_ms = 80; // the moves that count for a flick's speed

ImGuiWindow* scrollable_window(ImGuiWindow* window)
{
    while (window && window->ScrollMax.y <= 0 && window->ParentWindow)
        window = window->ParentWindow;
    return window;
}

} // namespace

bool PointerInput::event(int phase, int kind, double x, double y, int button, double event_ms)
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
        m_last_ms = event_ms;
        m_sample_count = 0;
        m_samples[m_sample_count++] = {event_ms, position.y};
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
        if (m_dragging)
            m_pending_scroll += position.y - m_last.y;
        m_samples[m_sample_count++ % m_samples.size()] = {event_ms, position.y};
        m_last = position;
        m_last_ms = event_ms;
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
    m_velocity = release_velocity(event_ms);
    m_coasting = std::fabs(m_velocity) > stop_velocity;
    m_momentum_ms = -1; // the next frame starts the coast, on the frame clock
    return false;
}

float PointerInput::release_velocity(double up_ms) const
{
    // The finger's speed over its last moves: from the oldest sample within the window to the
    // newest. A finger that rested before lifting (no move lately, or none that went anywhere)
    // lets go without a fling.
    if (m_sample_count < 2 || up_ms - m_last_ms > velocity_window_ms)
        return 0;
    size_t count = std::min(m_sample_count, m_samples.size());
    Sample const& newest = m_samples[(m_sample_count - 1) % m_samples.size()];
    Sample const* oldest = &newest;
    for (size_t back = 2; back <= count; ++back) {
        Sample const& sample = m_samples[(m_sample_count - back) % m_samples.size()];
        if (newest.time_ms - sample.time_ms > velocity_window_ms)
            break;
        oldest = &sample;
    }
    double elapsed = newest.time_ms - oldest->time_ms;
    if (elapsed <= 0)
        return 0;
    return static_cast<float>((newest.y - oldest->y) / elapsed);
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
    double elapsed = m_momentum_ms < 0 ? 16 : now_ms - m_momentum_ms;
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
