// Mouse, pen and touch from the page's pointer events, turned into ImGui input. A mouse works as
// on a desktop. A finger scrolls what it drags (with momentum after it lets go) and taps what it
// touches without dragging; a drag never clicks and never selects.
#pragma once

#include "wasm/platform/bridge.hpp"

#include <imgui.h>

struct ImGuiWindow;

namespace machiba::app {

class PointerInput {
public:
    // Positions arrive in CSS px; scale turns them into ImGui's device pixels.
    void set_scale(float scale) { m_scale = scale; }

    // Feeds one event. Returns true when it was a tap (or a mouse release) at this point, so the
    // caller can check what lies under it.
    bool event(int phase, int kind, double x, double y, int button, double now_ms);

    // Applies drag scrolling and momentum for this frame; call between ImGui frames. Returns
    // true while momentum continues (the caller keeps drawing).
    bool update(double now_ms);

private:
    void scroll_by(float delta);

    float m_scale = 1;

    // The current touch.
    bool m_touching = false;
    bool m_dragging = false;
    ImVec2 m_start;
    ImVec2 m_last;
    double m_last_ms = 0;
    float m_pending_scroll = 0;
    ImGuiWindow* m_target = nullptr;

    // Momentum after release, in device px per ms.
    float m_velocity = 0;
    double m_momentum_ms = 0;
    bool m_coasting = false;
};

} // namespace machiba::app
