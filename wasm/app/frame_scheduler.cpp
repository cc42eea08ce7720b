// The frame scheduler: a requestAnimationFrame loop that stops itself when nothing is left to draw.
#include "wasm/app/frame_scheduler.hpp"

#include <algorithm>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

namespace machiba::app {

void FrameScheduler::request(int frames)
{
    m_frames_left = std::max(m_frames_left, frames);
    if (m_looping)
        return;
    m_looping = true;
    emscripten_request_animation_frame_loop(&FrameScheduler::tick, this);
}

void FrameScheduler::request_after(double milliseconds)
{
    double due = emscripten_get_now() + milliseconds;
    if (m_timer != 0 && m_timer_due <= due)
        return;
    if (m_timer != 0)
        emscripten_clear_timeout(m_timer);
    m_timer_due = due;
    m_timer = emscripten_set_timeout(&FrameScheduler::timer_fired, milliseconds, this);
}

void FrameScheduler::timer_fired(void* self)
{
    auto* scheduler = static_cast<FrameScheduler*>(self);
    scheduler->m_timer = 0;
    scheduler->request(1);
}

int FrameScheduler::tick(double time, void* self)
{
    auto* scheduler = static_cast<FrameScheduler*>(self);
    if (scheduler->m_frames_left <= 0) {
        scheduler->m_looping = false;
        return false;
    }

    // The draw may ask for more frames; count this one first so that it can.
    --scheduler->m_frames_left;
    ++scheduler->m_frame_count;
    scheduler->m_draw(time);
    return true;
}

} // namespace machiba::app
