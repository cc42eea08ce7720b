// LocalizedText: choosing a language, and writing it as {"ja": ..., "en": ...}.
#include "shared/campaign/localized_text.hpp"

namespace machiba::campaign {

std::string const& LocalizedText::in(std::string_view language) const
{
    if (language == "en" && !en.empty())
        return en;
    return ja.empty() ? en : ja;
}

nlohmann::json to_json(LocalizedText const& text)
{
    return {{"ja", text.ja}, {"en", text.en}};
}

} // namespace machiba::campaign
