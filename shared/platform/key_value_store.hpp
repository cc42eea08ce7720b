// The key-value store seam: IndexedDB in the app, memory in tests. Values are UTF-8 strings
// (usually JSON). Reads are synchronous from a copy loaded at start; writes are flushed by the
// platform in the background, so a caller never waits on storage.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::platform {

class KeyValueStore {
public:
    virtual ~KeyValueStore() = default;

    virtual std::optional<std::string> get(std::string_view key) const = 0;
    virtual void set(std::string_view key, std::string_view value) = 0;
    virtual void erase(std::string_view key) = 0;

    // Keys that start with prefix, in order. Screens keep their data under their own prefix
    // ("health/", "rules/sdgs-fund/") so that one of them can be wiped without touching the rest.
    virtual std::vector<std::string> keys(std::string_view prefix) const = 0;

    void erase_prefix(std::string_view prefix)
    {
        for (auto const& key : keys(prefix))
            erase(key);
    }
};

// A store held in memory: the tests' store, and the app's fallback when IndexedDB is refused
// (private browsing in some browsers).
class MemoryStore final : public KeyValueStore {
public:
    std::optional<std::string> get(std::string_view key) const override
    {
        auto it = m_values.find(std::string(key));
        if (it == m_values.end())
            return std::nullopt;
        return it->second;
    }
    void set(std::string_view key, std::string_view value) override
    {
        m_values[std::string(key)] = std::string(value);
    }
    void erase(std::string_view key) override { m_values.erase(std::string(key)); }
    std::vector<std::string> keys(std::string_view prefix) const override
    {
        std::vector<std::string> result;
        for (auto it = m_values.lower_bound(std::string(prefix));
             it != m_values.end() && it->first.starts_with(prefix); ++it)
            result.push_back(it->first);
        return result;
    }
    std::map<std::string, std::string, std::less<>> const& values() const { return m_values; }

private:
    std::map<std::string, std::string, std::less<>> m_values;
};

} // namespace machiba::platform
