// Mouse, pen and touch from the page's pointer events, turned into ImGui input. A mouse works as
// on a desktop. A finger scrolls what it drags (with momentum after it lets go) and taps what it
// touches without dragging; a drag never clicks and never selects.
#pragma once

#include "wasm/platform/bridge.hpp"

#include <array>
#include <cstddef>
#include <imgui.h>

struct ImGuiWindow;

namespace machiba::app {

class PointerInput {
public:
    // Positions arrive in CSS px; scale turns them into ImGui's device pixels.
    void set_scale(float scale) { m_scale = scale; }

    // Feeds one event; event_ms is the event's own time stamp (the page's event.timeStamp), so
    // that a flick's speed does not depend on how late the page got round to the event. Returns
    // true when it was a tap (or a mouse release) at this point, so the caller can check what
    // lies under it.
    bool event(int phase, int kind, double x, double y, int button, double event_ms);

    // Applies drag scrolling and momentum for this frame; call between ImGui frames. Returns
    // true while momentum continues (the caller keeps drawing).
    bool update(double now_ms);

private:
    struct Sample {
        double time_ms = 0;
        float y = 0;
    };

    void scroll_by(float delta);
    float release_velocity(double up_ms) const;

    float m_scale = 1;

    // The current touch.
    bool m_touching = false;
    bool m_dragging = false;
    ImVec2 m_start;
    ImVec2 m_last;
    double m_last_ms = 0;
    float m_pending_scroll = 0;
    std::array<Sample, 16> m_samples{};
    size_t m_sample_count = 0; // samples taken since the finger went down
    ImGuiWindow* m_target = nullptr;

    // Momentum after release, in device px per ms; m_momentum_ms is the frame clock's time of the
    // last coasting step (-1 before the first).
    float m_velocity = 0;
    double m_momentum_ms = 0;
    bool m_coasting = false;
};

} // namespace machiba::app
