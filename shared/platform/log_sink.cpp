// The ring-buffer log sink and the names of the levels.
#include "shared/platform/log_sink.hpp"

namespace machiba::platform {

char const* to_string(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "unknown";
}

void RingLog::write(LogLevel level, std::string_view category, std::string_view message)
{
    if (m_capacity == 0)
        return;
    while (m_entries.size() >= m_capacity)
        m_entries.pop_front();
    m_entries.push_back({level, std::string(category), std::string(message)});
}

} // namespace machiba::platform
