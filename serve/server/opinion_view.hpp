// How a stored opinion is shown: to residents (published ones, personal information masked), to
// staff (as sent, with where personal information was found), and in a CSV export.
#pragma once

#include "serve/server/storage.hpp"
#include "shared/campaign/campaign.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::server {

// "/name" as a JSON pointer to a member of the body, escaped.
std::string member_pointer(std::string_view name);

// "2026-12-03T21:00:00+09:00"
std::string japan_iso(std::int64_t unix_ms);

nlohmann::json public_opinion_json(StoredOpinion const& opinion,
    campaign::Campaign const& campaign);
nlohmann::json staff_opinion_json(StoredOpinion const& opinion,
    campaign::Campaign const* campaign);

// One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break, with
// quotes doubled. A field that a spreadsheet would run as a formula (=, +, -, @ first) gets a
// leading apostrophe, so that a resident's text can never become a formula on a staff laptop.
std::string csv_field(std::string_view text);

// The export file: UTF-8 with a byte order mark (so that Excel reads Japanese correctly), CRLF
// line ends, a header row, then one row per opinion in the order given.
std::string opinions_csv(campaign::Campaign const& campaign,
    std::vector<StoredOpinion> const& opinions);

} // namespace machiba::server
