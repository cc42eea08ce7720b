// Draws frames only when something changed: input, an animation, a finished request, a timer. An
// idle page draws nothing, so a phone's battery is not spent on a still picture.
#pragma once

#include <functional>

namespace machiba::app {

class FrameScheduler {
public:
    explicit FrameScheduler(std::function<void(double)> draw)
        : m_draw(std::move(draw))
    {
    }

    // Draw at least this many more frames (ImGui settles hover, layout and input queues over a
    // few frames after an event).
    void request(int frames = 2);

    // Draw one frame after this many milliseconds (a caret blink, a clock on screen). Only the
    // earliest pending timer is kept.
    void request_after(double milliseconds);

    // Ask for the next frame too: an animation in progress calls this every frame.
    void keep_animating() { request(1); }

    int frame_count() const { return m_frame_count; }

private:
    static int tick(double time, void* self); // an EM_BOOL: keep looping
    static void timer_fired(void* self);

    std::function<void(double)> m_draw;
    int m_frames_left = 0;
    bool m_looping = false;
    int m_frame_count = 0;
    long m_timer = 0;
    double m_timer_due = 0;
};

} // namespace machiba::app
