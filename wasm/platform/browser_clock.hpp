// The browser's clock: the time of day from Date.now(); Japan time is the calendar module's job.
#pragma once

#include "shared/platform/clock.hpp"

namespace machiba::platform {

class BrowserClock final : public Clock {
public:
    std::int64_t now_unix_ms() const override;
};

} // namespace machiba::platform
