// The translation catalogs.
#include "wasm/app/strings.hpp"

#include "shared/platform/log_sink.hpp"

#include <nlohmann/json.hpp>

namespace machiba::app {

std::vector<std::string> const& Strings::languages()
{
    static std::vector<std::string> const list{"ja", "en"};
    return list;
}

std::string Strings::load(std::string_view bundle_json)
{
    auto parsed = nlohmann::json::parse(bundle_json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return "the translation bundle is not a JSON object";

    for (auto const& language : languages()) {
        if (!parsed.contains(language) || !parsed[language].is_object())
            return "the translation bundle lacks /" + language;
        auto& catalog = m_catalogs[language];
        for (auto const& [key, text] : parsed[language].items()) {
            if (text.is_string())
                catalog[key] = text.get<std::string>();
        }
    }
    return {};
}

void Strings::set_language(std::string_view language)
{
    m_language = language == "en" ? "en" : "ja";
}

std::string Strings::pick_language(std::string_view preferred)
{
    // 1. Walk the browser's list in order; the first Japanese or English entry wins.
    while (!preferred.empty()) {
        auto comma = preferred.find(',');
        auto entry = preferred.substr(0, comma);
        if (entry.starts_with("ja"))
            return "ja";
        if (entry.starts_with("en"))
            return "en";
        preferred =
            comma == std::string_view::npos ? std::string_view{} : preferred.substr(comma + 1);
    }

    // 2. Neither: this is a Japanese ward's app.
    return "ja";
}

std::string const& Strings::get(std::string_view key) const
{
    for (auto const& language : {m_language, std::string(m_language == "ja" ? "en" : "ja")}) {
        auto catalog = m_catalogs.find(language);
        if (catalog == m_catalogs.end())
            continue;
        auto found = catalog->second.find(key);
        if (found != catalog->second.end())
            return found->second;
    }

    auto [it, inserted] = m_missing.emplace(key);
    if (inserted && m_log)
        m_log->write(platform::LogLevel::Error, "i18n", "missing string " + std::string(key));
    return *it;
}

std::string Strings::format(std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) const
{
    std::string text = get(key);
    for (auto const& [name, value] : values) {
        std::string placeholder = "{" + std::string(name) + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

std::string Strings::all_text() const
{
    std::string text;
    for (auto const& [language, catalog] : m_catalogs) {
        for (auto const& [key, value] : catalog)
            text += value;
    }
    return text;
}

std::string Strings::count(long long value)
{
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return value < 0 ? "-" + grouped : grouped;
}

} // namespace machiba::app
