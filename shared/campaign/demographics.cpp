// Demographics: reading the districts and age bands from their asset file.
#include "shared/campaign/demographics.hpp"

#include "shared/campaign/campaign.hpp"

namespace machiba::campaign {

namespace {

bool contains(std::vector<DemographicOption> const& options, std::string_view id)
{
    for (auto const& option : options) {
        if (option.id == id)
            return true;
    }
    return false;
}

std::vector<DemographicOption> read_options(nlohmann::json const& document, char const* key,
    ValidationProblems& problems)
{
    std::vector<DemographicOption> options;
    auto found = document.find(key);
    if (found == document.end() || !found->is_array() || found->empty()) {
        problems.push_back({std::string("/") + key, "required",
            std::string(key) + " must be a non-empty list."});
        return options;
    }
    for (std::size_t i = 0; i < found->size(); ++i) {
        auto const& item = (*found)[i];
        std::string where = std::string("/") + key + "/" + std::to_string(i);
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
            !is_valid_id(item["id"].get<std::string>())) {
            problems.push_back({where + "/id", "invalid_id", "Each option needs a valid id."});
            continue;
        }
        auto label = item.find("label");
        if (label == item.end() || !label->is_object() || !label->contains("ja") ||
            !label->contains("en") || !(*label)["ja"].is_string() || !(*label)["en"].is_string()) {
            problems.push_back({where + "/label", "required",
                "Each option needs a label with \"ja\" and \"en\"."});
            continue;
        }
        options.push_back({item["id"].get<std::string>(),
            {(*label)["ja"].get<std::string>(), (*label)["en"].get<std::string>()}});
    }
    return options;
}

} // namespace

bool Demographics::has_district(std::string_view id) const
{
    return contains(districts, id);
}

bool Demographics::has_age_band(std::string_view id) const
{
    return contains(age_bands, id);
}

DemographicsParse parse_demographics(nlohmann::json const& document)
{
    DemographicsParse result;
    if (!document.is_object()) {
        result.problems.push_back({"", "wrong_type", "The demographics file must be an object."});
        return result;
    }
    Demographics demographics;
    demographics.districts = read_options(document, "districts", result.problems);
    demographics.age_bands = read_options(document, "age_bands", result.problems);
    if (result.problems.empty())
        result.demographics = std::move(demographics);
    return result;
}

nlohmann::json to_json(Demographics const& demographics)
{
    auto list = [](std::vector<DemographicOption> const& options) {
        auto items = nlohmann::json::array();
        for (auto const& option : options)
            items.push_back({{"id", option.id}, {"label", to_json(option.label)}});
        return items;
    };
    return {{"districts", list(demographics.districts)},
        {"age_bands", list(demographics.age_bands)}};
}

} // namespace machiba::campaign
