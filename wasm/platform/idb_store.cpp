// The IndexedDB store: a memory copy in front of bridge.js's batched writes.
#include "wasm/platform/idb_store.hpp"

#include "wasm/platform/bridge.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace machiba::platform {

IdbStore& IdbStore::instance()
{
    static IdbStore store;
    return store;
}

void IdbStore::open(std::function<void()> on_ready)
{
    m_on_ready = std::move(on_ready);
    machiba_js_store_open();
}

void IdbStore::loaded(char const* json)
{
    // 1. An empty answer means IndexedDB refused (private browsing, quota): work in memory.
    auto parsed = nlohmann::json::parse(json ? json : "", nullptr, false);
    m_persistent = !parsed.is_discarded() && parsed.is_object();

    // 2. Keep what was written before loading finished: it is newer than what was stored.
    if (m_persistent) {
        for (auto const& [key, value] : parsed.items()) {
            if (value.is_string() && !m_memory.get(key))
                m_memory.set(key, value.get<std::string>());
        }
    }

    if (!m_persistent)
        m_pending = 0;
    m_ready = true;
    if (m_on_ready)
        m_on_ready();
}

void IdbStore::committed(int count)
{
    m_pending = count > m_pending ? 0 : m_pending - count;
}

std::optional<std::string> IdbStore::get(std::string_view key) const
{
    return m_memory.get(key);
}

void IdbStore::set(std::string_view key, std::string_view value)
{
    if (m_memory.get(key) == value)
        return;
    m_memory.set(key, value);
    if (!m_ready || m_persistent)
        ++m_pending;
    machiba_js_store_put(std::string(key).c_str(), std::string(value).c_str());
}

void IdbStore::erase(std::string_view key)
{
    if (!m_memory.get(key))
        return;
    m_memory.erase(key);
    if (!m_ready || m_persistent)
        ++m_pending;
    machiba_js_store_delete(std::string(key).c_str());
}

std::vector<std::string> IdbStore::keys(std::string_view prefix) const
{
    return m_memory.keys(prefix);
}

} // namespace machiba::platform

MACHIBA_EXPORT void machiba_store_loaded(char const* json)
{
    machiba::platform::IdbStore::instance().loaded(json);
}

MACHIBA_EXPORT void machiba_store_committed(int count)
{
    machiba::platform::IdbStore::instance().committed(count);
}

MACHIBA_EXPORT int machiba_store_pending()
{
    return machiba::platform::IdbStore::instance().pending_writes();
}
