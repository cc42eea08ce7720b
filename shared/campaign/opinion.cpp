// Opinion: validation of answers against their questions, and JSON writing.
#include "shared/campaign/opinion.hpp"

#include "shared/campaign/campaign_limits.hpp"
#include "shared/text/utf8.hpp"

#include <set>

namespace machiba::campaign {

namespace {

using nlohmann::json;

bool is_blank(std::string const& text)
{
    // ASCII spaces and the ideographic space U+3000, which Japanese keyboards type.
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
            ++i;
        } else if (text.compare(i, 3, "\xE3\x80\x80") == 0) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

// Reads one answer; returns nothing (and reports why) when it does not fit its question, or
// when it is empty (then only a required question reports it).
std::optional<AnswerValue> read_answer(Question const& question, json const& value,
    std::string const& pointer, ValidationProblems& problems)
{
    auto report = [&](std::string code, std::string message) {
        problems.push_back({pointer, std::move(code), std::move(message)});
    };

    switch (question.type) {
    case QuestionType::text: {
        if (!value.is_string()) {
            report("wrong_type", "The answer to " + question.id + " must be text.");
            return std::nullopt;
        }
        auto const& text = value.get_ref<std::string const&>();
        if (!text::is_valid_utf8(text)) {
            report("invalid_utf8", "The answer to " + question.id + " is not valid UTF-8.");
            return std::nullopt;
        }
        if (is_blank(text))
            return std::nullopt;
        std::size_t length = text::count_code_points(text);
        if (length > question.max_length) {
            report("too_long", "The answer to " + question.id + " has " +
                    std::to_string(length) + " characters; at most " +
                    std::to_string(question.max_length) + " are allowed.");
            return std::nullopt;
        }
        return AnswerValue(text);
    }
    case QuestionType::single: {
        if (!value.is_string()) {
            report("wrong_type", "The answer to " + question.id + " must be one choice id.");
            return std::nullopt;
        }
        auto const& choice = value.get_ref<std::string const&>();
        if (!question.find_choice(choice)) {
            report("unknown_choice", question.id + " has no choice \"" +
                    text::sanitize_utf8(choice) + "\".");
            return std::nullopt;
        }
        return AnswerValue(choice);
    }
    case QuestionType::multiple: {
        if (!value.is_array()) {
            report("wrong_type", "The answer to " + question.id + " must be a list of choice ids.");
            return std::nullopt;
        }
        std::vector<std::string> chosen;
        std::set<std::string> seen;
        bool ok = true;
        for (std::size_t i = 0; i < value.size(); ++i) {
            std::string where = pointer + "/" + std::to_string(i);
            if (!value[i].is_string()) {
                problems.push_back({where, "wrong_type", "A choice must be given by its id."});
                ok = false;
                continue;
            }
            auto const& choice = value[i].get_ref<std::string const&>();
            if (!question.find_choice(choice)) {
                problems.push_back({where, "unknown_choice", question.id + " has no choice \"" +
                        text::sanitize_utf8(choice) + "\"."});
                ok = false;
            } else if (!seen.insert(choice).second) {
                problems.push_back({where, "duplicate_choice", "\"" + choice +
                        "\" is chosen twice."});
                ok = false;
            } else {
                chosen.push_back(choice);
            }
        }
        if (ok && question.max_selections > 0 && chosen.size() > question.max_selections) {
            report("too_many_choices", "Choose at most " +
                    std::to_string(question.max_selections) + " for " + question.id + ".");
            return std::nullopt;
        }
        if (!ok || chosen.empty())
            return std::nullopt;
        return AnswerValue(std::move(chosen));
    }
    case QuestionType::rating: {
        if (!value.is_number_integer() || value.get<std::int64_t>() < rating_lowest ||
            value.get<std::int64_t>() > rating_highest) {
            report("out_of_range", "The answer to " + question.id +
                                       " must be a whole number from " +
                                       std::to_string(rating_lowest) + " to " +
                                       std::to_string(rating_highest) + ".");
            return std::nullopt;
        }
        return AnswerValue(value.get<std::int64_t>());
    }
    }
    return std::nullopt;
}

std::optional<std::string> read_option(json const& body, char const* key, bool (*known)(
    Demographics const&, std::string_view), Demographics const& demographics,
    ValidationProblems& problems)
{
    auto found = body.find(key);
    if (found == body.end() || found->is_null())
        return std::nullopt;
    std::string pointer = std::string("/") + key;
    if (!found->is_string()) {
        problems.push_back({pointer, "wrong_type", std::string(key) + " must be a string id."});
        return std::nullopt;
    }
    auto const& id = found->get_ref<std::string const&>();
    if (!known(demographics, id)) {
        problems.push_back({pointer, std::string("unknown_") + key,
            "\"" + text::sanitize_utf8(id) + "\" is not a known " + key + "."});
        return std::nullopt;
    }
    return id;
}

} // namespace

OpinionParse parse_opinion(nlohmann::json const& body, Campaign const& campaign,
    Demographics const& demographics)
{
    OpinionParse result;
    auto& problems = result.problems;
    if (!body.is_object()) {
        problems.push_back({"", "wrong_type", "An opinion must be a JSON object."});
        return result;
    }
    for (auto const& [key, unused] : body.items()) {
        if (key != "answers" && key != "age_band" && key != "district")
            problems.push_back({"/" + pointer_token(key), "unknown_field",
                "\"" + text::sanitize_utf8(key) + "\" is not a field of an opinion."});
    }

    // 1. The answers: each names a question of this campaign and fits it.
    Opinion opinion;
    auto answers = body.find("answers");
    if (answers == body.end() || !answers->is_object()) {
        problems.push_back({"/answers", answers == body.end() ? "required" : "wrong_type",
            "answers must be an object keyed by question id."});
    } else {
        for (auto const& [question_id, value] : answers->items()) {
            std::string pointer = "/answers/" + pointer_token(question_id);
            auto const* question = campaign.find_question(question_id);
            if (!question) {
                problems.push_back({pointer, "unknown_question",
                    "This campaign has no question \"" + text::sanitize_utf8(question_id) +
                        "\"."});
                continue;
            }
            if (value.is_null())
                continue;
            if (auto answer = read_answer(*question, value, pointer, problems))
                opinion.answers.emplace(question_id, std::move(*answer));
        }
    }

    // 2. Every required question has an answer (reported only when its answer was not
    // already reported as wrong).
    for (auto const& question : campaign.questions) {
        if (!question.required || opinion.answers.count(question.id))
            continue;
        std::string pointer = "/answers/" + pointer_token(question.id);
        bool reported = false;
        for (auto const& problem : problems)
            reported = reported || problem.pointer.rfind(pointer, 0) == 0;
        if (!reported)
            problems.push_back({pointer, "required", "Please answer " + question.id + "."});
    }

    // 3. The optional facts about the resident.
    opinion.age_band = read_option(body, "age_band",
        [](Demographics const& known, std::string_view id) { return known.has_age_band(id); },
        demographics, problems);
    opinion.district = read_option(body, "district",
        [](Demographics const& known, std::string_view id) { return known.has_district(id); },
        demographics, problems);

    if (problems.empty())
        result.opinion = std::move(opinion);
    return result;
}

nlohmann::json to_json(AnswerValue const& answer)
{
    return std::visit([](auto const& value) { return json(value); }, answer);
}

nlohmann::json to_json(Opinion const& opinion)
{
    json answers = json::object();
    for (auto const& [question_id, answer] : opinion.answers)
        answers[question_id] = to_json(answer);
    json document = {{"answers", std::move(answers)}};
    document["age_band"] = opinion.age_band ? json(*opinion.age_band) : json(nullptr);
    document["district"] = opinion.district ? json(*opinion.district) : json(nullptr);
    return document;
}

bool is_valid_idempotency_key(std::string_view key)
{
    if (key.size() < min_idempotency_key_length || key.size() > max_idempotency_key_length)
        return false;
    for (char c : key) {
        bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed)
            return false;
    }
    return true;
}

} // namespace machiba::campaign
