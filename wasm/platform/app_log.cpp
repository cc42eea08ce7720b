// The app's log sink.
#include "wasm/platform/app_log.hpp"

#include "wasm/platform/bridge.hpp"

#include <string>

namespace machiba::platform {

void AppLog::write(LogLevel level, std::string_view category, std::string_view message)
{
    m_ring.write(level, category, message);
    if (level < m_console_level)
        return;

    std::string line = "machiba [";
    line += category;
    line += "] ";
    line += message;
    machiba_js_console(static_cast<int>(level), line.c_str());
}

} // namespace machiba::platform
