// One resident's opinion as the analysis sees it: an id from the source, the free text, and the
// optional attributes that staff filter by.
#pragma once

#include <string>

namespace machiba::analysis {

struct Opinion {
    std::string id;
    std::string text;
    std::string age_band; // e.g. "10代", "30-39"; empty when unknown
    std::string district; // e.g. "大井"; empty when unknown
    std::string campaign; // e.g. "disaster-drills"; empty when unknown
};

} // namespace machiba::analysis
