// The real clock of the server, behind the core's Clock seam.
#pragma once

#include "shared/platform/clock.hpp"

#include <chrono>

namespace machiba::server {

class SystemClock final : public platform::Clock {
public:
    std::int64_t now_unix_ms() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

} // namespace machiba::server
