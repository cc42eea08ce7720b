// The translation catalogs: every user-visible string, in Japanese and English, looked up by key
// ("home.title" is key "title" of assets/i18n/<language>/home.json).
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace machiba::platform {
class LogSink;
}

namespace machiba::app {

class Strings {
public:
    // Reads the bundle the site build made: {"ja": {"area.key": text}, "en": {...}}. Returns an
    // error message (empty when fine).
    std::string load(std::string_view bundle_json);

    // "ja" or "en"; anything else falls back to Japanese.
    void set_language(std::string_view language);
    std::string const& language() const { return m_language; }
    static std::vector<std::string> const& languages();

    // The first supported language in a browser's list ("en-US,ja" gives "en").
    static std::string pick_language(std::string_view preferred);

    // The text for key in the current language, else in the other one, else the key itself
    // (and a log line, once per key), so a missing string shows up rather than vanishing.
    std::string const& get(std::string_view key) const;

    // A count with its thousands grouped, as both languages write it: 20000 -> "20,000".
    static std::string count(long long value);

    // get() with {name} placeholders replaced: format("home.count", {{"n", "3"}}).
    std::string format(std::string_view key,
        std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;

    // Every string of every language: the font atlas bakes their characters.
    std::string all_text() const;

    void set_log(platform::LogSink* log) { m_log = log; }

private:
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> m_catalogs;
    std::string m_language = "ja";
    platform::LogSink* m_log = nullptr;
    mutable std::set<std::string, std::less<>> m_missing;
};

} // namespace machiba::app
