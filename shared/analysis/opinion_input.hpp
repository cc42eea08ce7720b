// Reading opinions from a file's text: JSONL (one object a line) or CSV with a header (RFC 4180),
// UTF-8 with or without a byte-order mark. Shared by `machiba analyze` and the staff screen's
// analysis worker, so that a file reads the same on the command line and in the browser.
#pragma once

#include "shared/analysis/opinion.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace machiba::analysis {

struct OpinionFields {
    std::string text = "text";
    std::string id = "id";
    bool id_given = false; // when true, every record must have the id field
};

struct OpinionInput {
    std::vector<Opinion> opinions;
    std::vector<nlohmann::json> ids; // as written in the file: a JSON string or number
};

struct OpinionInputError {
    std::size_t line; // 1-based; 0 when the error is about the text as a whole
    std::string message;
};

enum class OpinionFormat { automatic, jsonl, csv };

// The format a file's name says (.csv, .jsonl, .ndjson, .json); otherwise automatic.
OpinionFormat format_for_name(std::string_view file_name);

// Attribute columns and fields staff files tend to use (first match wins): age_band, age, 年代;
// district, area, 地区; campaign, campaign_id, テーマ. automatic: JSONL when the first
// non-blank character is '{', else CSV.
std::variant<OpinionInput, OpinionInputError> read_opinions(std::string_view text,
                                                            OpinionFormat format,
                                                            OpinionFields const& fields = {});

} // namespace machiba::analysis
