// The log seam: the core never prints; it writes to a sink the program gives it. The app shows
// the sink's ring buffer in a staff log window; the server writes lines to standard error.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace machiba::platform {

enum class LogLevel { Debug, Info, Warning, Error };

char const* to_string(LogLevel level);

class LogSink {
public:
    virtual ~LogSink() = default;
    virtual void write(LogLevel level, std::string_view category, std::string_view message) = 0;
};

// A sink that drops everything: for code paths that have nothing to log to.
class NullLog final : public LogSink {
public:
    void write(LogLevel, std::string_view, std::string_view) override {}
};

struct LogEntry {
    LogLevel level;
    std::string category;
    std::string message;
};

// Keeps the last entries in memory, for the in-app log window and for tests.
class RingLog final : public LogSink {
public:
    explicit RingLog(std::size_t capacity = 500) : m_capacity(capacity) {}
    void write(LogLevel level, std::string_view category, std::string_view message) override;
    std::deque<LogEntry> const& entries() const { return m_entries; }
    void clear() { m_entries.clear(); }

private:
    std::size_t m_capacity;
    std::deque<LogEntry> m_entries;
};

} // namespace machiba::platform
