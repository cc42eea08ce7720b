// The optional facts a resident may add to an opinion: the ward's districts and age bands. They
// are data (assets/campaigns/demographics.json), loaded by the app and the server alike.
#pragma once

#include "shared/campaign/localized_text.hpp"
#include "shared/campaign/validation_problem.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::campaign {

struct DemographicOption {
    std::string id;
    LocalizedText label;
};

struct Demographics {
    std::vector<DemographicOption> districts;
    std::vector<DemographicOption> age_bands;

    bool has_district(std::string_view id) const;
    bool has_age_band(std::string_view id) const;
};

struct DemographicsParse {
    std::optional<Demographics> demographics;
    ValidationProblems problems;
};

DemographicsParse parse_demographics(nlohmann::json const& document);
nlohmann::json to_json(Demographics const& demographics);

} // namespace machiba::campaign
