// RateLimiter: token buckets with a periodic sweep of the ones that are full again.
#include "serve/server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace machiba::server {

RateLimiter::RateLimiter(double per_minute, double burst)
    : m_per_ms(per_minute / 60000.0)
    , m_burst(std::max(1.0, burst))
{
}

void RateLimiter::refill(Bucket& bucket, std::int64_t now_ms) const
{
    double elapsed = static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.updated_ms));
    bucket.tokens = std::min(m_burst, bucket.tokens + elapsed * m_per_ms);
    bucket.updated_ms = now_ms;
}

void RateLimiter::forget_idle(std::int64_t now_ms)
{
    // A bucket that has refilled completely says nothing a new bucket would not: drop it, so
    // memory follows the clients of the last minutes, not of all time.
    if (now_ms - m_last_sweep_ms < 60000)
        return;
    m_last_sweep_ms = now_ms;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(it->second, now_ms);
        it = it->second.tokens >= m_burst ? m_buckets.erase(it) : std::next(it);
    }
}

bool RateLimiter::allow(std::string const& client_key, std::int64_t now_ms)
{
    if (m_per_ms <= 0)
        return true;
    std::lock_guard lock(m_mutex);
    forget_idle(now_ms);
    auto [found, inserted] = m_buckets.try_emplace(client_key, Bucket {m_burst, now_ms});
    Bucket& bucket = found->second;
    refill(bucket, now_ms);
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

int RateLimiter::retry_after_seconds(std::string const& client_key, std::int64_t now_ms)
{
    if (m_per_ms <= 0)
        return 0;
    std::lock_guard lock(m_mutex);
    auto found = m_buckets.find(client_key);
    if (found == m_buckets.end())
        return 0;
    refill(found->second, now_ms);
    double missing = std::max(0.0, 1.0 - found->second.tokens);
    return static_cast<int>(std::ceil(missing / m_per_ms / 1000.0));
}

} // namespace machiba::server
