// Text that a campaign carries in both of the app's languages, Japanese and English.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace machiba::campaign {

struct LocalizedText {
    std::string ja;
    std::string en;

    // The text in language ("ja" or "en"); Japanese when the other is empty, because every
    // campaign is written in Japanese first.
    std::string const& in(std::string_view language) const;
    bool empty() const { return ja.empty() && en.empty(); }
    bool operator==(LocalizedText const&) const = default;
};

nlohmann::json to_json(LocalizedText const& text);

} // namespace machiba::campaign
