// Loads the sample content of assets/campaigns/*.json into a new, empty database: each file
// with a "campaign" is one campaign, with its sample opinions marked as samples.
#pragma once

#include "serve/server/storage.hpp"
#include "shared/campaign/demographics.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace machiba::server {

struct SeedReport {
    int campaigns = 0;
    int opinions = 0;
    std::vector<std::string> errors; // "file: pointer: message", one per problem found
};

SeedReport seed_campaigns(Storage& storage, std::filesystem::path const& campaigns_folder,
    campaign::Demographics const& demographics);

} // namespace machiba::server
