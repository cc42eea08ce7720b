// Reading opinions from JSONL or CSV text (see opinion_input.hpp).
#include "shared/analysis/opinion_input.hpp"

#include "shared/text/utf8.hpp"

#include <algorithm>
#include <optional>

namespace machiba::analysis {

namespace {

// Attribute columns staff files tend to use, first match wins.
constexpr char const* age_band_names[] = {"age_band", "age", "年代"};
constexpr char const* district_names[] = {"district", "area", "地区"};
constexpr char const* campaign_names[] = {"campaign", "campaign_id", "テーマ"};

// A JSON value as an id: strings as they are, numbers as written; anything else is refused.
std::optional<nlohmann::json> id_value(nlohmann::json const& value)
{
    if (value.is_string() || value.is_number_integer() || value.is_number_unsigned())
        return value;
    return std::nullopt;
}

// --- JSONL -------------------------------------------------------------------------------------

std::optional<OpinionInputError> read_jsonl(std::string_view text, OpinionFields const& fields,
                                            OpinionInput& input)
{
    std::size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        std::size_t const end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;

        // 1. One JSON object a line.
        auto const json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || !json.is_object())
            return OpinionInputError{line_number, "not a JSON object"};

        // 2. The text is required; the id too when its field was named.
        auto const text_field = json.find(fields.text);
        if (text_field == json.end() || !text_field->is_string())
            return OpinionInputError{line_number, "missing text field \"" + fields.text + "\""};
        Opinion opinion;
        opinion.text = text_field->get<std::string>();
        nlohmann::json id = std::to_string(input.opinions.size() + 1);
        auto const id_field = json.find(fields.id);
        if (id_field != json.end()) {
            auto value = id_value(*id_field);
            if (!value)
                return OpinionInputError{line_number, "id field \"" + fields.id
                                                   + "\" must be a string or an integer"};
            id = *value;
        } else if (fields.id_given) {
            return OpinionInputError{line_number, "missing id field \"" + fields.id + "\""};
        }
        opinion.id = id.is_string() ? id.get<std::string>() : id.dump();

        // 3. Optional attributes, when they are strings.
        auto attribute = [&](auto const& names) {
            for (char const* name : names) {
                auto const found = json.find(name);
                if (found != json.end() && found->is_string())
                    return found->template get<std::string>();
            }
            return std::string();
        };
        opinion.age_band = attribute(age_band_names);
        opinion.district = attribute(district_names);
        opinion.campaign = attribute(campaign_names);
        input.opinions.push_back(std::move(opinion));
        input.ids.push_back(std::move(id));
    }
    return std::nullopt;
}

// --- CSV (RFC 4180) ----------------------------------------------------------------------------

// Reads one record starting at `position`; fields may be quoted, with "" for a quote and line
// breaks inside. Counts the lines it crosses.
std::optional<OpinionInputError> read_record(std::string_view text, std::size_t& position,
                                      std::size_t& line, std::vector<std::string>& fields)
{
    fields.assign(1, std::string());
    std::size_t const start_line = line;
    bool quoted = false;
    bool after_quote = false;
    bool field_start = true;
    while (position < text.size()) {
        char const c = text[position++];
        if (quoted) {
            if (c == '"') {
                if (position < text.size() && text[position] == '"') {
                    fields.back().push_back('"');
                    ++position;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n')
                    ++line;
                fields.back().push_back(c);
            }
            continue;
        }
        if (c == ',') {
            fields.emplace_back();
            field_start = true;
            after_quote = false;
            continue;
        }
        if (c == '\r' && position < text.size() && text[position] == '\n')
            continue;
        if (c == '\n') {
            ++line;
            return std::nullopt;
        }
        if (c == '"' && field_start) {
            quoted = true;
            field_start = false;
            continue;
        }
        if (after_quote)
            return OpinionInputError{line, "text after a closing quote"};
        field_start = false;
        fields.back().push_back(c);
    }
    if (quoted)
        return OpinionInputError{start_line, "a quoted field is never closed"};
    return std::nullopt;
}

std::optional<OpinionInputError> read_csv(std::string_view text, OpinionFields const& fields,
                                          OpinionInput& input)
{
    // 1. The header names the columns.
    std::size_t position = 0;
    std::size_t line = 1;
    std::vector<std::string> header;
    if (auto error = read_record(text, position, line, header))
        return error;
    auto column = [&](std::string const& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name)
                return i;
        }
        return std::nullopt;
    };
    auto const text_column = column(fields.text);
    if (!text_column)
        return OpinionInputError{1, "missing text column \"" + fields.text + "\" in the header"};
    auto const id_column = column(fields.id);
    if (!id_column && fields.id_given)
        return OpinionInputError{1, "missing id column \"" + fields.id + "\" in the header"};
    auto first_column = [&](auto const& names) -> std::optional<std::size_t> {
        for (char const* name : names) {
            if (auto found = column(name))
                return found;
        }
        return std::nullopt;
    };
    auto const age_column = first_column(age_band_names);
    auto const district_column = first_column(district_names);
    auto const campaign_column = first_column(campaign_names);

    // 2. One opinion a record; blank lines are skipped.
    std::vector<std::string> record;
    while (position < text.size()) {
        std::size_t const record_line = line;
        if (auto error = read_record(text, position, line, record))
            return error;
        if (record.size() == 1 && record[0].empty())
            continue;
        if (record.size() != header.size())
            return OpinionInputError{record_line, "expected " + std::to_string(header.size())
                                               + " fields, found " + std::to_string(record.size())};
        Opinion opinion;
        opinion.text = record[*text_column];
        opinion.id = id_column ? record[*id_column] : std::to_string(input.opinions.size() + 1);
        if (age_column)
            opinion.age_band = record[*age_column];
        if (district_column)
            opinion.district = record[*district_column];
        if (campaign_column)
            opinion.campaign = record[*campaign_column];
        input.ids.push_back(opinion.id);
        input.opinions.push_back(std::move(opinion));
    }
    return std::nullopt;
}

// The line of a byte offset, 1-based.
std::size_t line_of(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        line += text[i] == '\n';
    return line;
}

} // namespace

OpinionFormat format_for_name(std::string_view file_name)
{
    auto const ends_with = [&](std::string_view suffix) {
        if (file_name.size() < suffix.size())
            return false;
        auto const tail = file_name.substr(file_name.size() - suffix.size());
        return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        });
    };
    if (ends_with(".csv"))
        return OpinionFormat::csv;
    if (ends_with(".jsonl") || ends_with(".ndjson") || ends_with(".json"))
        return OpinionFormat::jsonl;
    return OpinionFormat::automatic;
}

std::variant<OpinionInput, OpinionInputError> read_opinions(std::string_view text,
                                                            OpinionFormat format,
                                                            OpinionFields const& fields)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (auto const invalid = text::validate_utf8(text))
        return OpinionInputError{line_of(text, invalid->offset), invalid->message()};
    if (format == OpinionFormat::automatic) {
        std::size_t const first = text.find_first_not_of(" \t\r\n");
        format = first != std::string_view::npos && text[first] == '{' ? OpinionFormat::jsonl
                                                                       : OpinionFormat::csv;
    }
    OpinionInput input;
    auto const error = format == OpinionFormat::csv ? read_csv(text, fields, input)
                                                    : read_jsonl(text, fields, input);
    if (error)
        return *error;
    return input;
}

} // namespace machiba::analysis
