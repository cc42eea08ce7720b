// The key-value store on IndexedDB: everything is read into memory at start, reads are served
// from that copy, and each write goes to IndexedDB in the background (batched per event-loop turn).
#pragma once

#include "shared/platform/key_value_store.hpp"

#include <functional>

namespace machiba::platform {

class IdbStore final : public KeyValueStore {
public:
    // Starts loading; ready() turns true when the contents are in memory (or IndexedDB refused,
    // in which case the store keeps working in memory only and says so in persistent()).
    void open(std::function<void()> on_ready);
    bool ready() const { return m_ready; }
    bool persistent() const { return m_persistent; }
    int pending_writes() const { return m_pending; }

    std::optional<std::string> get(std::string_view key) const override;
    void set(std::string_view key, std::string_view value) override;
    void erase(std::string_view key) override;
    std::vector<std::string> keys(std::string_view prefix) const override;

    // Called through the bridge by bridge.js.
    void loaded(char const* json);
    void committed(int count);

    static IdbStore& instance();

private:
    MemoryStore m_memory;
    std::function<void()> m_on_ready;
    bool m_ready = false;
    bool m_persistent = false;
    int m_pending = 0;
};

} // namespace machiba::platform
