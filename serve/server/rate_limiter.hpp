// Per-client rate limits (token buckets). Clients are told apart by a keyed hash of their
// address made with a key that lives only in memory: the address itself is never kept.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace machiba::server {

class RateLimiter {
public:
    // per_minute tokens refill each minute, up to burst; per_minute 0 switches the limit off.
    RateLimiter(double per_minute, double burst);

    // True when the client may go ahead now (and a token is spent); false when it must wait.
    bool allow(std::string const& client_key, std::int64_t now_ms);
    // Seconds until the client has a token again (for Retry-After).
    int retry_after_seconds(std::string const& client_key, std::int64_t now_ms);

private:
    struct Bucket {
        double tokens;
        std::int64_t updated_ms;
    };

    void refill(Bucket& bucket, std::int64_t now_ms) const;
    void forget_idle(std::int64_t now_ms);

    double m_per_ms;
    double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::int64_t m_last_sweep_ms = 0;
};

} // namespace machiba::server
