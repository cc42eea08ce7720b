// Campaign: JSON reading with a problem for every mistake, JSON writing, and the period rules.
#include "shared/campaign/campaign.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/campaign/campaign_limits.hpp"
#include "shared/text/utf8.hpp"

#include <set>
#include <variant>

namespace machiba::campaign {

namespace {

using nlohmann::json;

// Collects problems while walking a document; each check names the pointer it is about.
class Reader {
public:
    explicit Reader(ValidationProblems& problems) : m_problems(problems) {}

    void report(std::string pointer, std::string code, std::string message)
    {
        m_problems.push_back({std::move(pointer), std::move(code), std::move(message)});
    }

    json const* member(json const& object, std::string const& pointer, char const* key,
        bool required)
    {
        auto found = object.find(key);
        if (found == object.end() || found->is_null()) {
            if (required)
                report(pointer + "/" + key, "required", std::string(key) + " is required.");
            return nullptr;
        }
        return &*found;
    }

    std::optional<std::string> string(json const& object, std::string const& pointer,
        char const* key, bool required, std::size_t max_length)
    {
        json const* value = member(object, pointer, key, required);
        if (!value)
            return std::nullopt;
        std::string where = pointer + "/" + key;
        if (!value->is_string()) {
            report(where, "wrong_type", std::string(key) + " must be a string.");
            return std::nullopt;
        }
        auto const& text = value->get_ref<std::string const&>();
        if (!text::is_valid_utf8(text)) {
            report(where, "invalid_utf8", std::string(key) + " is not valid UTF-8.");
            return std::nullopt;
        }
        if (text::count_code_points(text) > max_length) {
            report(where, "too_long",
                std::string(key) + " is longer than " + std::to_string(max_length) +
                    " characters.");
            return std::nullopt;
        }
        if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
            report(where, "required", std::string(key) + " must not be empty.");
            return std::nullopt;
        }
        return text;
    }

    // {"ja": ..., "en": ...}; both languages are required when the field is.
    LocalizedText localized(json const& object, std::string const& pointer, char const* key,
        bool required, std::size_t max_length)
    {
        LocalizedText result;
        json const* value = member(object, pointer, key, required);
        if (!value)
            return result;
        std::string where = pointer + "/" + key;
        if (!value->is_object()) {
            report(where, "wrong_type",
                std::string(key) + " must be an object with \"ja\" and \"en\" texts.");
            return result;
        }
        for (auto const& [language, unused] : value->items()) {
            if (language != "ja" && language != "en")
                report(where + "/" + pointer_token(language), "unknown_language",
                    "Only \"ja\" and \"en\" are allowed here.");
        }
        result.ja = string(*value, where, "ja", required, max_length).value_or("");
        result.en = string(*value, where, "en", required, max_length).value_or("");
        return result;
    }

    std::optional<std::string> id(json const& object, std::string const& pointer)
    {
        auto text = string(object, pointer, "id", true, max_id_length);
        if (text && !is_valid_id(*text)) {
            report(pointer + "/id", "invalid_id",
                "id may hold only a-z, 0-9, \"-\" and \"_\".");
            return std::nullopt;
        }
        return text;
    }

    std::optional<bool> boolean(json const& object, std::string const& pointer, char const* key)
    {
        json const* value = member(object, pointer, key, false);
        if (!value)
            return std::nullopt;
        if (!value->is_boolean()) {
            report(pointer + "/" + key, "wrong_type", std::string(key) + " must be true or false.");
            return std::nullopt;
        }
        return value->get<bool>();
    }

    std::optional<std::int64_t> count(json const& object, std::string const& pointer,
        char const* key, std::int64_t lowest, std::int64_t highest)
    {
        json const* value = member(object, pointer, key, false);
        if (!value)
            return std::nullopt;
        if (!value->is_number_integer() || value->get<std::int64_t>() < lowest ||
            value->get<std::int64_t>() > highest) {
            report(pointer + "/" + key, "out_of_range",
                std::string(key) + " must be a whole number from " + std::to_string(lowest) +
                    " to " + std::to_string(highest) + ".");
            return std::nullopt;
        }
        return value->get<std::int64_t>();
    }

    std::optional<std::int64_t> time(json const& object, std::string const& pointer,
        char const* key)
    {
        auto text = string(object, pointer, key, true, 64);
        if (!text)
            return std::nullopt;
        auto parsed = calendar::parse_iso8601(*text);
        if (auto const* error = std::get_if<calendar::CalendarError>(&parsed)) {
            report(pointer + "/" + key, "invalid_time",
                std::string(key) + " must be a date-time like 2026-12-03T09:00:00+09:00 (" +
                    error->message + ").");
            return std::nullopt;
        }
        return std::get<std::int64_t>(parsed);
    }

    void unknown_members(json const& object, std::string const& pointer,
        std::initializer_list<char const*> known)
    {
        for (auto const& [key, unused] : object.items()) {
            bool is_known = false;
            for (char const* name : known)
                is_known = is_known || key == name;
            if (!is_known)
                report(pointer + "/" + pointer_token(key), "unknown_field",
                    "\"" + text::sanitize_utf8(key) + "\" is not a field here.");
        }
    }

private:
    ValidationProblems& m_problems;
};

bool is_allowed_image_source(std::string_view source)
{
    // Images come from this site or inline; the page's security policy blocks every other
    // origin, so an address elsewhere would only show a broken image.
    for (std::string_view prefix :
        {"data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,"}) {
        if (source.rfind(prefix, 0) == 0)
            return true;
    }
    if (source.empty() || source.front() == '/' || source.find("..") != std::string_view::npos ||
        source.find(':') != std::string_view::npos || source.find('\\') != std::string_view::npos)
        return false;
    return true;
}

std::optional<Slide> read_slide(Reader& reader, json const& value, std::string const& pointer)
{
    if (!value.is_object()) {
        reader.report(pointer, "wrong_type", "A slide must be an object.");
        return std::nullopt;
    }
    reader.unknown_members(value, pointer, {"title", "body", "image"});
    Slide slide;
    slide.title = reader.localized(value, pointer, "title", true, max_title_length);
    slide.body = reader.localized(value, pointer, "body", false, max_long_text_length);
    if (json const* image = reader.member(value, pointer, "image", false)) {
        std::string where = pointer + "/image";
        if (!image->is_object()) {
            reader.report(where, "wrong_type", "image must be an object with source and alt.");
        } else {
            reader.unknown_members(*image, where, {"source", "alt"});
            SlideImage result;
            auto source = reader.string(*image, where, "source", true, max_image_source_length);
            if (source && !is_allowed_image_source(*source))
                reader.report(where + "/source", "image_source_not_allowed",
                    "An image must be a file of this site (a relative path) or a data:image URL.");
            result.source = source.value_or("");
            // A picture without words leaves out every resident who cannot see it.
            result.alternative_text = reader.localized(*image, where, "alt", true,
                max_summary_length);
            slide.image = std::move(result);
        }
    }
    return slide;
}

std::optional<Question> read_question(Reader& reader, json const& value,
    std::string const& pointer)
{
    if (!value.is_object()) {
        reader.report(pointer, "wrong_type", "A question must be an object.");
        return std::nullopt;
    }
    reader.unknown_members(value, pointer, {"id", "type", "required", "prompt", "help",
        "max_length", "choices", "max_selections", "low_label", "high_label"});

    Question question;
    question.id = reader.id(value, pointer).value_or("");
    auto type_name = reader.string(value, pointer, "type", true, 16);
    if (type_name) {
        auto type = parse_question_type(*type_name);
        if (!type)
            reader.report(pointer + "/type", "unknown_type",
                "type must be text, single, multiple or rating.");
        else
            question.type = *type;
    }
    question.required = reader.boolean(value, pointer, "required").value_or(false);
    question.prompt = reader.localized(value, pointer, "prompt", true, max_summary_length);
    question.help = reader.localized(value, pointer, "help", false, max_summary_length);

    // 1. Text: a length limit of its own, within the format's.
    if (question.type == QuestionType::text) {
        question.max_length = static_cast<std::size_t>(
            reader.count(value, pointer, "max_length", 1, max_text_answer_length)
                .value_or(default_text_answer_length));
    }

    // 2. Choices: at least two, ids unique within the question.
    bool has_choices = question.type == QuestionType::single ||
        question.type == QuestionType::multiple;
    json const* choices = reader.member(value, pointer, "choices", has_choices);
    if (choices && !has_choices) {
        reader.report(pointer + "/choices", "not_allowed",
            "Only single and multiple choice questions have choices.");
    } else if (choices && (!choices->is_array() || choices->size() < 2 ||
                              choices->size() > max_choices)) {
        reader.report(pointer + "/choices", "wrong_count",
            "choices must be a list of 2 to " + std::to_string(max_choices) + " choices.");
    } else if (choices) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < choices->size(); ++i) {
            std::string where = pointer + "/choices/" + std::to_string(i);
            json const& item = (*choices)[i];
            if (!item.is_object()) {
                reader.report(where, "wrong_type", "A choice must be an object with id and label.");
                continue;
            }
            reader.unknown_members(item, where, {"id", "label"});
            Choice choice;
            choice.id = reader.id(item, where).value_or("");
            choice.label = reader.localized(item, where, "label", true, max_summary_length);
            if (!choice.id.empty() && !seen.insert(choice.id).second)
                reader.report(where + "/id", "duplicate_id",
                    "Another choice of this question already has the id " + choice.id + ".");
            question.choices.push_back(std::move(choice));
        }
    }
    if (question.type == QuestionType::multiple) {
        question.max_selections = static_cast<std::size_t>(
            reader.count(value, pointer, "max_selections", 1, max_choices).value_or(0));
    }

    // 3. Rating: optional words for both ends of the scale.
    if (question.type == QuestionType::rating) {
        question.low_label = reader.localized(value, pointer, "low_label", false,
            max_summary_length);
        question.high_label = reader.localized(value, pointer, "high_label", false,
            max_summary_length);
    }
    return question;
}

} // namespace

std::string_view status_name(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::draft: return "draft";
    case CampaignStatus::published: return "published";
    case CampaignStatus::closed: return "closed";
    case CampaignStatus::archived: return "archived";
    }
    return "draft";
}

std::optional<CampaignStatus> parse_status(std::string_view name)
{
    for (auto status : {CampaignStatus::draft, CampaignStatus::published, CampaignStatus::closed,
             CampaignStatus::archived}) {
        if (status_name(status) == name)
            return status;
    }
    return std::nullopt;
}

std::string_view question_type_name(QuestionType type)
{
    switch (type) {
    case QuestionType::text: return "text";
    case QuestionType::single: return "single";
    case QuestionType::multiple: return "multiple";
    case QuestionType::rating: return "rating";
    }
    return "text";
}

std::optional<QuestionType> parse_question_type(std::string_view name)
{
    for (auto type : {QuestionType::text, QuestionType::single, QuestionType::multiple,
             QuestionType::rating}) {
        if (question_type_name(type) == name)
            return type;
    }
    return std::nullopt;
}

bool is_valid_id(std::string_view id)
{
    if (id.empty() || id.size() > max_id_length)
        return false;
    for (char c : id) {
        bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed)
            return false;
    }
    return true;
}

Choice const* Question::find_choice(std::string_view choice_id) const
{
    for (auto const& choice : choices) {
        if (choice.id == choice_id)
            return &choice;
    }
    return nullptr;
}

Question const* Campaign::find_question(std::string_view question_id) const
{
    for (auto const& question : questions) {
        if (question.id == question_id)
            return &question;
    }
    return nullptr;
}

bool Campaign::accepts_opinions(std::int64_t now_unix_ms) const
{
    return status == CampaignStatus::published && now_unix_ms >= starts_at &&
        now_unix_ms < ends_at;
}

bool Campaign::is_public() const
{
    return status == CampaignStatus::published || status == CampaignStatus::closed;
}

CampaignParse parse_campaign(nlohmann::json const& document)
{
    CampaignParse result;
    Reader reader(result.problems);
    if (!document.is_object()) {
        reader.report("", "wrong_type", "A campaign must be a JSON object.");
        return result;
    }
    reader.unknown_members(document, "", {"id", "status", "title", "summary", "background",
        "outcome", "period", "public_opinions", "slides", "questions"});

    // 1. Identity, status and texts.
    Campaign campaign;
    campaign.id = reader.id(document, "").value_or("");
    if (auto name = reader.string(document, "", "status", true, 16)) {
        if (auto status = parse_status(*name))
            campaign.status = *status;
        else
            reader.report("/status", "unknown_status",
                "status must be draft, published, closed or archived.");
    }
    campaign.title = reader.localized(document, "", "title", true, max_title_length);
    campaign.summary = reader.localized(document, "", "summary", true, max_summary_length);
    campaign.background = reader.localized(document, "", "background", false,
        max_long_text_length);
    campaign.outcome = reader.localized(document, "", "outcome", false, max_long_text_length);
    campaign.public_opinions = reader.boolean(document, "", "public_opinions").value_or(true);

    // 2. The period, in Japan time unless a zone is written; the end comes after the start.
    if (json const* period = reader.member(document, "", "period", true)) {
        if (!period->is_object()) {
            reader.report("/period", "wrong_type", "period must be an object with start and end.");
        } else {
            reader.unknown_members(*period, "/period", {"start", "end"});
            auto start = reader.time(*period, "/period", "start");
            auto end = reader.time(*period, "/period", "end");
            if (start && end && *end <= *start)
                reader.report("/period/end", "end_before_start",
                    "The period must end after it starts.");
            campaign.starts_at = start.value_or(0);
            campaign.ends_at = end.value_or(0);
        }
    }

    // 3. Slides, then questions with ids unique within the campaign.
    if (json const* slides = reader.member(document, "", "slides", false)) {
        if (!slides->is_array() || slides->size() > max_slides) {
            reader.report("/slides", "wrong_count",
                "slides must be a list of at most " + std::to_string(max_slides) + " slides.");
        } else {
            for (std::size_t i = 0; i < slides->size(); ++i) {
                if (auto slide = read_slide(reader, (*slides)[i], "/slides/" + std::to_string(i)))
                    campaign.slides.push_back(std::move(*slide));
            }
        }
    }
    if (json const* questions = reader.member(document, "", "questions", true)) {
        if (!questions->is_array() || questions->empty() || questions->size() > max_questions) {
            reader.report("/questions", "wrong_count",
                "questions must be a list of 1 to " + std::to_string(max_questions) +
                    " questions.");
        } else {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < questions->size(); ++i) {
                std::string where = "/questions/" + std::to_string(i);
                auto question = read_question(reader, (*questions)[i], where);
                if (!question)
                    continue;
                if (!question->id.empty() && !seen.insert(question->id).second)
                    reader.report(where + "/id", "duplicate_id",
                        "Another question already has the id " + question->id + ".");
                campaign.questions.push_back(std::move(*question));
            }
        }
    }

    if (result.problems.empty())
        result.campaign = std::move(campaign);
    return result;
}

nlohmann::json to_json(Campaign const& campaign)
{
    json document = {
        {"id", campaign.id},
        {"status", status_name(campaign.status)},
        {"title", to_json(campaign.title)},
        {"summary", to_json(campaign.summary)},
        {"background", to_json(campaign.background)},
        {"period",
            {{"start", calendar::JapanTime::from_unix_ms(campaign.starts_at).iso()},
                {"end", calendar::JapanTime::from_unix_ms(campaign.ends_at).iso()}}},
        {"public_opinions", campaign.public_opinions},
    };
    if (!campaign.outcome.empty())
        document["outcome"] = to_json(campaign.outcome);

    json slides = json::array();
    for (auto const& slide : campaign.slides) {
        json item = {{"title", to_json(slide.title)}, {"body", to_json(slide.body)}};
        if (slide.image)
            item["image"] = {{"source", slide.image->source},
                {"alt", to_json(slide.image->alternative_text)}};
        slides.push_back(std::move(item));
    }
    document["slides"] = std::move(slides);

    json questions = json::array();
    for (auto const& question : campaign.questions) {
        json item = {{"id", question.id}, {"type", question_type_name(question.type)},
            {"required", question.required}, {"prompt", to_json(question.prompt)}};
        if (!question.help.empty())
            item["help"] = to_json(question.help);
        if (question.type == QuestionType::text)
            item["max_length"] = question.max_length;
        if (!question.choices.empty()) {
            json choices = json::array();
            for (auto const& choice : question.choices)
                choices.push_back({{"id", choice.id}, {"label", to_json(choice.label)}});
            item["choices"] = std::move(choices);
        }
        if (question.type == QuestionType::multiple && question.max_selections > 0)
            item["max_selections"] = question.max_selections;
        if (!question.low_label.empty())
            item["low_label"] = to_json(question.low_label);
        if (!question.high_label.empty())
            item["high_label"] = to_json(question.high_label);
        questions.push_back(std::move(item));
    }
    document["questions"] = std::move(questions);
    return document;
}

} // namespace machiba::campaign
