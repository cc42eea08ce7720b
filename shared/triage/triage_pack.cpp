// Reading and cross-checking the youth health room's content pack.
#include "shared/triage/triage_pack.hpp"

#include <algorithm>

namespace machiba::triage {

namespace {

using Json = nlohmann::json;

// Collects the first error while reading one document, so each reader stays a list of steps.
class Reader {
public:
    explicit Reader(std::string document)
        : m_document(std::move(document))
    {
    }

    bool failed() const { return m_error.has_value(); }
    TriageError const& error() const { return *m_error; }

    void fail(std::string const& pointer, std::string const& what)
    {
        if (!m_error)
            m_error = TriageError{"triage.bad_pack", m_document + "#" + pointer + ": " + what,
                m_document + "#" + pointer};
    }

    std::string string(Json const& object, char const* key, std::string const& pointer,
        bool required = true)
    {
        if (!object.is_object() || !object.contains(key)) {
            if (required)
                fail(pointer + "/" + key, "missing");
            return {};
        }
        if (!object.at(key).is_string()) {
            fail(pointer + "/" + key, "must be a string");
            return {};
        }
        return object.at(key).get<std::string>();
    }

    Text text(Json const& object, char const* key, std::string const& pointer, bool required = true)
    {
        if (!object.is_object() || !object.contains(key)) {
            if (required)
                fail(pointer + "/" + key, "missing");
            return {};
        }
        auto const& value = object.at(key);
        std::string const where = pointer + "/" + key;
        return {string(value, "ja", where), string(value, "en", where)};
    }

    std::vector<std::string> ids(Json const& object, char const* key, std::string const& pointer)
    {
        std::vector<std::string> out;
        if (!object.is_object() || !object.contains(key))
            return out;
        auto const& list = object.at(key);
        if (!list.is_array()) {
            fail(pointer + "/" + key, "must be an array of ids");
            return out;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string())
                fail(pointer + "/" + key + "/" + std::to_string(i), "must be a string id");
            else
                out.push_back(list[i].get<std::string>());
        }
        return out;
    }

    template <typename T>
    std::optional<T> calendar_value(calendar::CalendarResult<T> result)
    {
        if (auto* error = std::get_if<calendar::CalendarError>(&result)) {
            fail(error->pointer, error->message);
            return std::nullopt;
        }
        return std::move(std::get<T>(result));
    }

private:
    std::string m_document;
    std::optional<TriageError> m_error;
};

Card read_card(Reader& reader, Json const& entry, std::string const& pointer)
{
    Card card;
    card.title = reader.text(entry, "title", pointer);
    card.body = reader.text(entry, "body", pointer);
    card.resources = reader.ids(entry, "resources", pointer);
    card.only_when_open = reader.ids(entry, "only_when_open", pointer);
    return card;
}

} // namespace

std::variant<TriagePack, TriageError> TriagePack::from_json(PackDocuments const& documents)
{
    TriagePack pack;

    // 1. The lexicon and the holiday rules.
    auto lexicon = Lexicon::from_json(documents.lexicon);
    if (auto* error = std::get_if<TriageError>(&lexicon))
        return *error;
    pack.m_lexicon = std::move(std::get<Lexicon>(lexicon));
    auto holidays = calendar::HolidayCalendar::from_json(documents.holidays);
    if (auto* error = std::get_if<calendar::CalendarError>(&holidays))
        return TriageError{"triage.bad_pack", "japan_holidays.json#" + error->message,
            "japan_holidays.json#" + error->pointer};
    pack.m_holidays = std::move(std::get<calendar::HolidayCalendar>(holidays));

    // 2. Resources.
    {
        Reader reader("resources.json");
        auto const& list = documents.resources.is_object()
            ? documents.resources.value("resources", Json())
            : Json();
        if (!list.is_array() || list.empty())
            reader.fail("/resources", "must be a non-empty array");
        for (std::size_t i = 0; !reader.failed() && i < list.size(); ++i) {
            std::string const pointer = "/resources/" + std::to_string(i);
            auto const& entry = list[i];
            Resource resource;
            resource.id = reader.string(entry, "id", pointer);
            resource.name = reader.text(entry, "name", pointer);
            resource.channel = reader.string(entry, "channel", pointer);
            resource.tel = reader.string(entry, "tel", pointer, false);
            resource.tel_display = reader.string(entry, "tel_display", pointer, false);
            if (resource.tel_display.empty())
                resource.tel_display = resource.tel;
            resource.url = reader.string(entry, "url", pointer, false);
            resource.hours_text = reader.text(entry, "hours_text", pointer);
            resource.ages = reader.text(entry, "ages", pointer);
            resource.note = reader.text(entry, "note", pointer, false);
            resource.source = reader.string(entry, "source", pointer);
            resource.checked = reader.string(entry, "checked", pointer);
            resource.verified = entry.is_object() && entry.value("verified", false);
            static constexpr char const* channels[] = {"phone", "line", "chat", "in_person", "web"};
            if (!reader.failed()
                && std::find(std::begin(channels), std::end(channels), resource.channel)
                    == std::end(channels))
                reader.fail(pointer + "/channel", "must be phone, line, chat, in_person or web");
            if (!reader.failed() && entry.contains("hours") && !entry["hours"].is_null())
                resource.hours = reader.calendar_value(
                    calendar::OpeningHours::from_json(entry["hours"], pointer + "/hours"));
            if (!reader.failed() && entry.contains("event"))
                resource.event = reader.calendar_value(
                    calendar::MonthlyEvent::from_json(entry["event"], pointer + "/event"));
            if (!reader.failed() && pack.resource(resource.id))
                reader.fail(pointer + "/id", "'" + resource.id + "' is used twice");
            pack.m_resources.push_back(std::move(resource));
        }
        if (reader.failed())
            return reader.error();
    }

    // 3. Cards, topics, follow-ups and articles.
    Reader reader("content.json");
    auto const& content = documents.content;
    auto const& routes = content.is_object() ? content.value("routes", Json()) : Json();
    for (int r = 0; r < 5 && !reader.failed(); ++r) {
        auto const name = std::string(route_name(static_cast<Route>(r)));
        if (!routes.is_object() || !routes.contains(name)) {
            reader.fail("/routes/" + name, "missing");
            break;
        }
        pack.m_cards[static_cast<std::size_t>(r)] =
            read_card(reader, routes[name], "/routes/" + name);
        pack.m_route_labels[static_cast<std::size_t>(r)] =
            reader.text(routes[name], "label", "/routes/" + name);
    }
    if (!reader.failed())
        pack.m_crisis_card = read_card(reader, content.value("crisis_card", Json()),
            "/crisis_card");

    auto const& articles = content.is_object() ? content.value("articles", Json::array()) : Json();
    for (std::size_t i = 0; !reader.failed() && i < articles.size(); ++i) {
        std::string const pointer = "/articles/" + std::to_string(i);
        Article article;
        article.id = reader.string(articles[i], "id", pointer);
        auto const topic = parse_topic(reader.string(articles[i], "topic", pointer));
        if (!topic)
            reader.fail(pointer + "/topic", "must be mind, body or sex");
        article.topic = topic.value_or(Topic::mind);
        article.title = reader.text(articles[i], "title", pointer);
        article.body = reader.text(articles[i], "body", pointer);
        article.source = reader.string(articles[i], "source", pointer);
        article.checked = reader.string(articles[i], "checked", pointer);
        pack.m_articles.push_back(std::move(article));
    }

    auto const& topics = content.is_object() ? content.value("topics", Json()) : Json();
    for (int t = 0; t < 3 && !reader.failed(); ++t) {
        auto const name = std::string(topic_name(static_cast<Topic>(t)));
        std::string const pointer = "/topics/" + name;
        if (!topics.is_object() || !topics.contains(name)) {
            reader.fail(pointer, "missing");
            break;
        }
        pack.m_topic_labels[static_cast<std::size_t>(t)] =
            reader.text(topics[name], "label", pointer);
        pack.m_topic_articles[static_cast<std::size_t>(t)] =
            reader.ids(topics[name], "articles", pointer);
    }

    auto const& follow_ups = content.is_object() ? content.value("follow_ups", Json::array())
                                                 : Json();
    for (std::size_t i = 0; !reader.failed() && i < follow_ups.size(); ++i) {
        std::string const pointer = "/follow_ups/" + std::to_string(i);
        FollowUp follow_up;
        follow_up.id = reader.string(follow_ups[i], "id", pointer);
        follow_up.question = reader.text(follow_ups[i], "question", pointer);
        auto const& options = follow_ups[i].value("options", Json());
        if (!options.is_array() || options.size() < 2)
            reader.fail(pointer + "/options", "needs at least two options");
        for (std::size_t k = 0; !reader.failed() && k < options.size(); ++k) {
            std::string const where = pointer + "/options/" + std::to_string(k);
            FollowUpOption option;
            option.id = reader.string(options[k], "id", where);
            option.label = reader.text(options[k], "label", where);
            auto const route = parse_route(reader.string(options[k], "route", where));
            if (!route && !reader.failed())
                reader.fail(where + "/route", "must be a route name");
            option.route = route.value_or(Route::consult);
            option.advice = reader.text(options[k], "advice", where);
            option.articles = reader.ids(options[k], "articles", where);
            follow_up.options.push_back(std::move(option));
        }
        pack.m_follow_ups.push_back(std::move(follow_up));
    }
    if (reader.failed())
        return reader.error();

    // 4. Every id named anywhere must exist.
    auto const missing = [&](std::string const& what, std::string const& id,
                             std::string const& where) -> std::optional<TriageError> {
        return TriageError{"triage.unknown_id", where + ": no " + what + " with id '" + id + "'",
            where};
    };
    auto const check_card = [&](Card const& card, std::string const& where)
        -> std::optional<TriageError> {
        for (auto const& id : card.resources) {
            if (!pack.resource(id))
                return missing("resource", id, where);
        }
        for (auto const& id : card.only_when_open) {
            if (!pack.resource(id))
                return missing("resource", id, where);
        }
        return std::nullopt;
    };
    for (int r = 0; r < 5; ++r) {
        if (auto e = check_card(pack.m_cards[static_cast<std::size_t>(r)],
                "content.json#/routes/" + std::string(route_name(static_cast<Route>(r)))))
            return *e;
    }
    if (auto e = check_card(pack.m_crisis_card, "content.json#/crisis_card"))
        return *e;
    auto const& signals = pack.m_lexicon.signals();
    for (std::size_t i = 0; i < signals.size(); ++i) {
        auto const& signal = signals[i];
        std::string const where = "lexicon.json#/signals/" + std::to_string(i);
        for (std::size_t k = 0; k < signal.resources.size(); ++k) {
            if (!pack.resource(signal.resources[k]))
                return *missing("resource", signal.resources[k],
                    where + "/resources/" + std::to_string(k));
        }
        for (std::size_t k = 0; k < signal.articles.size(); ++k) {
            if (!pack.article(signal.articles[k]))
                return *missing("article", signal.articles[k],
                    where + "/articles/" + std::to_string(k));
        }
        if (!signal.follow_up.empty() && !pack.follow_up(signal.follow_up))
            return *missing("follow-up", signal.follow_up, where + "/follow_up");
    }
    for (int t = 0; t < 3; ++t) {
        for (auto const& id : pack.m_topic_articles[static_cast<std::size_t>(t)]) {
            if (!pack.article(id))
                return *missing("article", id, "content.json#/topics");
        }
    }
    for (auto const& follow_up : pack.m_follow_ups) {
        for (auto const& option : follow_up.options) {
            for (auto const& id : option.articles) {
                if (!pack.article(id))
                    return *missing("article", id, "content.json#follow-up " + follow_up.id);
            }
        }
    }
    // 5. The learned second opinion, trained here so that every caller gets the same model.
    if (!documents.examples.empty()) {
        auto settings = RouteModelSettings::from_json(documents.route_model);
        if (auto* error = std::get_if<TriageError>(&settings))
            return *error;
        auto examples = parse_examples(documents.examples);
        if (auto* error = std::get_if<TriageError>(&examples))
            return *error;
        pack.m_route_model_settings = std::get<RouteModelSettings>(settings);
        pack.m_route_model = RouteModel::train(std::get<std::vector<LabelledExample>>(examples),
            pack.m_route_model_settings);
    }

    return pack;
}

Resource const* TriagePack::resource(std::string const& id) const
{
    for (auto const& resource : m_resources) {
        if (resource.id == id)
            return &resource;
    }
    return nullptr;
}

FollowUp const* TriagePack::follow_up(std::string const& id) const
{
    for (auto const& follow_up : m_follow_ups) {
        if (follow_up.id == id)
            return &follow_up;
    }
    return nullptr;
}

Article const* TriagePack::article(std::string const& id) const
{
    for (auto const& article : m_articles) {
        if (article.id == id)
            return &article;
    }
    return nullptr;
}

} // namespace machiba::triage
