// Opinion views: masking for residents, flags for staff, CSV for spreadsheets.
#include "serve/server/opinion_view.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/text/personal_info.hpp"

namespace machiba::server {

namespace {

using nlohmann::json;

json parse_answers(std::string const& text)
{
    auto answers = json::parse(text, nullptr, false);
    return answers.is_object() ? answers : json::object();
}

bool is_text_question(campaign::Campaign const* campaign, std::string const& question_id)
{
    if (!campaign)
        return true; // a question removed since: treat its answer as free text, to be safe
    auto const* question = campaign->find_question(question_id);
    return !question || question->type == campaign::QuestionType::text;
}

json optional_text(std::optional<std::string> const& text)
{
    return text ? json(*text) : json(nullptr);
}

// A cell for one answer: text as written, choices joined by ";", ratings as numbers.
std::string answer_cell(json const& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<std::int64_t>());
    if (value.is_array()) {
        std::string joined;
        for (auto const& item : value) {
            if (!joined.empty())
                joined += ';';
            joined += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return joined;
    }
    return {};
}

} // namespace

std::string member_pointer(std::string_view name)
{
    std::string pointer(1, '/');
    pointer.append(campaign::pointer_token(name));
    return pointer;
}

std::string japan_iso(std::int64_t unix_ms)
{
    return calendar::JapanTime::from_unix_ms(unix_ms).iso();
}

json public_opinion_json(StoredOpinion const& opinion, campaign::Campaign const& campaign)
{
    json answers = parse_answers(opinion.answers);
    for (auto& [question_id, value] : answers.items()) {
        if (value.is_string() && is_text_question(&campaign, question_id))
            value = text::mask_personal_info(value.get<std::string>());
    }
    json reply = nullptr;
    if (opinion.reply)
        reply = {{"text", *opinion.reply}, {"at", japan_iso(opinion.reply_at.value_or(0))}};
    return {{"id", opinion.id}, {"answers", std::move(answers)},
        {"age_band", optional_text(opinion.age_band)},
        {"district", optional_text(opinion.district)},
        {"received_at", japan_iso(opinion.received_at)}, {"likes", opinion.likes},
        {"is_sample", opinion.is_sample}, {"reply", std::move(reply)}};
}

json staff_opinion_json(StoredOpinion const& opinion, campaign::Campaign const* campaign)
{
    json answers = parse_answers(opinion.answers);
    json personal_info = json::array();
    for (auto const& [question_id, value] : answers.items()) {
        if (!value.is_string() || !is_text_question(campaign, question_id))
            continue;
        for (auto const& match : text::find_personal_info(value.get_ref<std::string const&>())) {
            personal_info.push_back(
                {{"pointer", "/answers/" + campaign::pointer_token(question_id)},
                    {"kind", text::personal_info_kind_name(match.kind)}});
        }
    }
    json reply = nullptr;
    if (opinion.reply) {
        reply = {{"text", *opinion.reply}, {"at", japan_iso(opinion.reply_at.value_or(0))},
            {"by", opinion.reply_by.value_or("")}};
    }
    return {{"id", opinion.id}, {"campaign_id", opinion.campaign_id},
        {"answers", std::move(answers)}, {"age_band", optional_text(opinion.age_band)},
        {"district", optional_text(opinion.district)},
        {"received_at", japan_iso(opinion.received_at)},
        {"status", opinion_status_name(opinion.status)}, {"likes", opinion.likes},
        {"is_sample", opinion.is_sample}, {"reply", std::move(reply)},
        {"personal_info", std::move(personal_info)}};
}

std::string csv_field(std::string_view text)
{
    std::string field;
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                             text.front() == '@' || text.front() == '\t' || text.front() == '\r'))
        field += '\'';
    field += text;
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string quoted = "\"";
    for (char c : field) {
        quoted += c;
        if (c == '"')
            quoted += '"';
    }
    quoted += '"';
    return quoted;
}

std::string opinions_csv(campaign::Campaign const& campaign,
    std::vector<StoredOpinion> const& opinions)
{
    std::string csv = "\xEF\xBB\xBF";
    auto row = [&csv](std::vector<std::string> const& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0)
                csv += ',';
            csv += csv_field(cells[i]);
        }
        csv += "\r\n";
    };

    // 1. The header: fixed columns, then one per question by its id.
    std::vector<std::string> header = {"id", "received_at", "status", "is_sample", "age_band",
        "district", "likes", "reply"};
    for (auto const& question : campaign.questions)
        header.push_back(question.id);
    row(header);

    // 2. One row per opinion.
    for (auto const& opinion : opinions) {
        json answers = parse_answers(opinion.answers);
        std::vector<std::string> cells = {std::to_string(opinion.id),
            japan_iso(opinion.received_at), opinion_status_name(opinion.status),
            opinion.is_sample ? "true" : "false", opinion.age_band.value_or(""),
            opinion.district.value_or(""), std::to_string(opinion.likes),
            opinion.reply.value_or("")};
        for (auto const& question : campaign.questions) {
            auto found = answers.find(question.id);
            cells.push_back(found == answers.end() ? std::string() : answer_cell(*found));
        }
        row(cells);
    }
    return csv;
}

} // namespace machiba::server
