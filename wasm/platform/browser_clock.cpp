// Date.now() through Emscripten.
#include "wasm/platform/browser_clock.hpp"

#include <emscripten/html5.h>

namespace machiba::platform {

std::int64_t BrowserClock::now_unix_ms() const
{
    return static_cast<std::int64_t>(emscripten_date_now());
}

} // namespace machiba::platform
