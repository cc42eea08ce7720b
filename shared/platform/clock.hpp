// The clock seam: the core asks the platform what time it is, so tests can fix the time.
#pragma once

#include <cstdint>

namespace machiba::platform {

class Clock {
public:
    virtual ~Clock() = default;

    // Milliseconds since 1970-01-01T00:00:00Z. Japan time is derived by the calendar module.
    virtual std::int64_t now_unix_ms() const = 0;
};

// A clock that always answers the time it was given: for tests and for "check as of a date".
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_ms) : m_unix_ms(unix_ms) {}
    std::int64_t now_unix_ms() const override { return m_unix_ms; }
    void set(std::int64_t unix_ms) { m_unix_ms = unix_ms; }

private:
    std::int64_t m_unix_ms;
};

} // namespace machiba::platform
