// The app's log: a ring buffer that the staff log window shows, echoed to the browser console.
#pragma once

#include "shared/platform/log_sink.hpp"

namespace machiba::platform {

class AppLog final : public LogSink {
public:
    void write(LogLevel level, std::string_view category, std::string_view message) override;
    RingLog const& ring() const { return m_ring; }
    void clear() { m_ring.clear(); }

    // Debug lines go to the ring only; the console gets info and above.
    void set_console_level(LogLevel level) { m_console_level = level; }

private:
    RingLog m_ring{1000};
    LogLevel m_console_level = LogLevel::Info;
};

} // namespace machiba::platform
