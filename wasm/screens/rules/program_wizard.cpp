// ProgramWizard: fetches a pack, asks the questions the core says are still worth asking, keeps
// the answers under "rules/<pack>/" in the store, and shows and copies the explained result.
//
// Sections: 1. loading and storage, 2. the flow (answer, back, forget), 3. drawing the intro and
// the questions, 4. the result as lines (drawn on screen and copied as plain text).
#include "wasm/screens/rules/program_wizard.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/platform/clock.hpp"
#include "shared/platform/key_value_store.hpp"
#include "shared/platform/log_sink.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/router.hpp"
#include "wasm/app/strings.hpp"
#include "wasm/ui/kit.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace machiba::screens {

namespace {

using nlohmann::json;

// One line of the result: drawn with the kit, and written into the plain-text copy.
struct ResultLine {
    enum class Kind { heading, text, muted, link } kind;
    std::string id;
    std::string text;
    std::string url;
};

// Whole numbers with thousands separators; two decimals when there is a fraction.
std::string group_digits(double number)
{
    auto whole = static_cast<long long>(std::floor(std::fabs(number)));
    auto text = std::to_string(whole);
    std::string grouped;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && (text.size() - i) % 3 == 0)
            grouped += ',';
        grouped += text[i];
    }
    auto fraction = std::fabs(number) - static_cast<double>(whole);
    if (fraction > 0.005) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "%.2f", fraction);
        grouped += buffer + 1;
    }
    return number < 0 ? "-" + grouped : grouped;
}

// What a person may type for a number: full-width digits, thousands separators, a yen sign or
// "円", spaces. Returns plain ASCII digits (with a sign and a point), or empty when it is not one.
std::string plain_number(std::string const& typed)
{
    std::string out;
    for (std::size_t i = 0; i < typed.size();) {
        auto byte = static_cast<unsigned char>(typed[i]);
        // Full-width digits U+FF10..U+FF19 are EF BC 90..99; full-width comma EF BC 8C, full-width
        // full stop EF BC 8E; "円" is E5 86 86; the yen sign U+00A5 is C2 A5, U+FFE5 is EF BF A5.
        if (byte == 0xEF && i + 2 < typed.size()) {
            auto second = static_cast<unsigned char>(typed[i + 1]);
            auto third = static_cast<unsigned char>(typed[i + 2]);
            if (second == 0xBC && third >= 0x90 && third <= 0x99)
                out += static_cast<char>('0' + (third - 0x90));
            else if (second == 0xBC && third == 0x8E)
                out += '.';
            else if (!(second == 0xBC && third == 0x8C) && !(second == 0xBF && third == 0xA5))
                return {};
            i += 3;
            continue;
        }
        if (byte == 0xE5 && typed.compare(i, 3, "\xE5\x86\x86") == 0) {
            i += 3;
            continue;
        }
        if (byte == 0xC2 && i + 1 < typed.size()
            && static_cast<unsigned char>(typed[i + 1]) == 0xA5) {
            i += 2;
            continue;
        }
        if (byte == 0xE3 && typed.compare(i, 3, "\xE3\x80\x80") == 0) { // ideographic space
            i += 3;
            continue;
        }
        char c = typed[i];
        if ((c >= '0' && c <= '9') || c == '.' || (c == '-' && out.empty()))
            out += c;
        else if (c != ',' && c != ' ' && c != '\\')
            return {};
        ++i;
    }
    return out == "-" || out == "." ? std::string() : out;
}

// A date typed as 2026-04-01, 2026/4/1 or 2026.4.1 (full-width digits too), as YYYY-MM-DD.
std::string plain_date(std::string const& typed)
{
    std::string digits_and_marks;
    for (std::size_t i = 0; i < typed.size();) {
        auto byte = static_cast<unsigned char>(typed[i]);
        if (byte == 0xEF && i + 2 < typed.size()
            && static_cast<unsigned char>(typed[i + 1]) == 0xBC) {
            auto third = static_cast<unsigned char>(typed[i + 2]);
            if (third >= 0x90 && third <= 0x99)
                digits_and_marks += static_cast<char>('0' + (third - 0x90));
            else
                digits_and_marks += '-';
            i += 3;
            continue;
        }
        if (byte >= 0x80) { // 年, 月, 日 and other marks separate the parts
            std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            digits_and_marks += '-';
            i += length;
            continue;
        }
        char c = typed[i];
        digits_and_marks += (c >= '0' && c <= '9') ? c : '-';
        ++i;
    }

    std::vector<int> parts;
    std::string current;
    for (char c : digits_and_marks + "-") {
        if (c >= '0' && c <= '9') {
            current += c;
        } else if (!current.empty()) {
            if (current.size() > 4)
                return {};
            parts.push_back(std::stoi(current));
            current.clear();
        }
    }
    if (parts.size() != 3)
        return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    return rules::is_iso_date(buffer) ? std::string(buffer) : std::string();
}

std::string json_string(json const& object, char const* key)
{
    if (!object.is_object())
        return {};
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A {"ja": ..., "en": ...} object of a pack's next steps, in one language.
std::string local_member(json const& object, char const* key, std::string const& language)
{
    if (!object.is_object())
        return {};
    auto found = object.find(key);
    if (found == object.end())
        return {};
    if (found->is_string())
        return found->get<std::string>();
    auto text = json_string(*found, language.c_str());
    return text.empty() ? json_string(*found, language == "ja" ? "en" : "ja") : text;
}

} // namespace

// ---- 1. Loading and storage
// ----------------------------------------------------------------------

ProgramWizard::ProgramWizard(app::AppContext& app, std::string pack_id, std::string title_key)
    : m_pack_id(std::move(pack_id)), m_title_key(std::move(title_key))
{
    auto today = calendar::JapanTime::from_unix_ms(app.clock.now_unix_ms());
    m_date = today.date.iso();
    fetch_pack(app);
}

std::string ProgramWizard::title(app::AppContext& app) const
{
    // The catalog's short title fits the top bar of a phone; the pack's full title heads the intro.
    return app.t(m_title_key);
}

void ProgramWizard::fetch_pack(app::AppContext& app)
{
    m_phase = Phase::loading;
    m_inbox = std::make_shared<Inbox>();
    auto inbox = m_inbox;
    auto& frames = app.frames;
    platform::HttpRequest request;
    request.url = "/assets/programs/" + m_pack_id + ".json";
    app.http.send(std::move(request), [inbox, &frames](platform::HttpResponse response) {
        inbox->response = std::move(response);
        inbox->arrived = true;
        frames.request();
    });

    // Figures the pack cannot know (the ward's yearly wage floor), set by ward staff in a file
    // beside the packs when they have them.
    platform::HttpRequest staff;
    staff.url = "/assets/programs/staff/" + m_pack_id + ".json";
    app.http.send(std::move(staff), [inbox, &frames](platform::HttpResponse response) {
        inbox->staff_response = std::move(response);
        inbox->staff_arrived = true;
        frames.request();
    });
}

void ProgramWizard::take_staff_values(app::AppContext& app, platform::HttpResponse const& response)
{
    // A missing file is the usual case: nothing set. A broken one is logged and ignored.
    m_overrides = json::object();
    if (!response.ok())
        return;
    auto document = json::parse(response.body, nullptr, false);
    if (!document.is_object() || !document.contains("parameters")
        || !document["parameters"].is_object()) {
        app.log.write(platform::LogLevel::Warning, "rules",
            m_pack_id + ": staff values need {\"parameters\": {...}}; ignored");
        return;
    }
    for (auto const& item : document["parameters"].items()) {
        if (item.value().is_number() || item.value().is_string())
            m_overrides[item.key()] = item.value();
    }
}

void ProgramWizard::take_pack(app::AppContext& app, std::string const& body, bool from_network)
{
    // 1. Parse and check the whole pack; a broken pack is reported, never half-used.
    auto document = json::parse(body, nullptr, false);
    if (document.is_discarded()) {
        m_phase = Phase::failed;
        m_failure = "the pack is not JSON";
        app.log.write(platform::LogLevel::Error, "rules", m_pack_id + ": " + m_failure);
        return;
    }
    auto load = rules::ProgramPack::load(document);
    if (!load.pack) {
        m_phase = Phase::failed;
        auto const& first = load.errors.front();
        m_failure = first.message + " (" + first.pointer + ")";
        app.log.write(platform::LogLevel::Error, "rules", m_pack_id + ": " + m_failure);
        return;
    }
    m_pack = std::move(load.pack);

    // 2. Keep a copy so that the check works offline next time.
    if (from_network)
        app.store.set("rules/" + m_pack_id + "/pack", body);

    // 3. Staff-set values must name parameters of this pack; drop any that do not (logged).
    for (auto it = m_overrides.begin(); it != m_overrides.end();) {
        if (!m_pack->find_parameter(it.key())) {
            app.log.write(platform::LogLevel::Warning, "rules",
                m_pack_id + ": staff value for unknown parameter '" + it.key() + "' ignored");
            it = m_overrides.erase(it);
        } else {
            ++it;
        }
    }

    restore_answers(app);
    recheck(app);
}

void ProgramWizard::restore_answers(app::AppContext& app)
{
    auto stored = app.store.get(store_key());
    if (!stored)
        return;
    auto saved = json::parse(*stored, nullptr, false);
    if (!saved.is_object() || !saved.contains("answers") || !saved["answers"].is_object())
        return;

    // Answers the pack no longer accepts (a question removed or changed) are dropped one by one.
    for (auto const& item : saved["answers"].items()) {
        json single = json::object();
        single[item.key()] = item.value();
        if (m_pack->check_answers(single).empty())
            m_answers[item.key()] = item.value();
    }
    if (saved.contains("history") && saved["history"].is_array()) {
        for (auto const& id : saved["history"]) {
            if (id.is_string() && m_answers.contains(id.get<std::string>()))
                m_history.push_back(id.get<std::string>());
        }
    }
    m_resumed = !m_answers.empty();
}

void ProgramWizard::save_answers(app::AppContext& app)
{
    json saved = {{"answers", m_answers}, {"history", m_history}, {"date", m_date}};
    app.store.set(store_key(), saved.dump());
}

void ProgramWizard::forget_answers(app::AppContext& app)
{
    app.store.erase(store_key());
    m_answers = json::object();
    m_history.clear();
    m_resumed = false;
    m_forgotten = true;
    m_copied = false;
    recheck(app);
    m_phase = Phase::intro;
    app.frames.request();
}

// ---- 2. The flow
// ---------------------------------------------------------------------------------

void ProgramWizard::recheck(app::AppContext& app)
{
    m_check = rules::ProgramCheck::run(*m_pack, m_answers, m_date, m_overrides);
    if (!m_check->errors().empty()) {
        // Stored answers the pack refuses as a whole: start again rather than show a wrong result.
        auto const& first = m_check->errors().front();
        app.log.write(platform::LogLevel::Warning, "rules",
            m_pack_id + ": answers refused: " + first.message + " (" + first.pointer + ")");
        m_answers = json::object();
        m_history.clear();
        m_check = rules::ProgramCheck::run(*m_pack, m_answers, m_date, m_overrides);
    }

    // 1. The next question is the first of the pack's order still worth asking.
    m_question = nullptr;
    if (!m_check->questions_to_ask().empty())
        m_question = m_pack->find_question(m_check->questions_to_ask().front());

    // 2. Nothing asked yet: the intro. Else a question, or the result when none is left.
    if (m_answers.empty() && m_history.empty() && m_phase != Phase::asking)
        m_phase = Phase::intro;
    else
        m_phase = m_question ? Phase::asking : Phase::result;
    prepare_draft();
}

void ProgramWizard::prepare_draft()
{
    m_draft_text.clear();
    m_draft_choice = -1;
    m_draft_error_key.clear();
    m_option_labels.clear();
}

bool ProgramWizard::draft_answer(json& answer, std::string& error_key) const
{
    auto const& question = *m_question;
    switch (question.type) {
    case rules::QuestionType::choice:
    case rules::QuestionType::yes_no: {
        int options = question.type == rules::QuestionType::yes_no
            ? 2
            : static_cast<int>(question.options.size());
        if (m_draft_choice < 0) {
            error_key = "rules.error_choose";
            return false;
        }
        if (m_draft_choice >= options) { // "I don't know"
            answer = nullptr;
            return true;
        }
        if (question.type == rules::QuestionType::yes_no)
            answer = m_draft_choice == 0;
        else
            answer = question.options[static_cast<std::size_t>(m_draft_choice)].value;
        return true;
    }
    case rules::QuestionType::number:
    case rules::QuestionType::money: {
        auto digits = plain_number(m_draft_text);
        if (digits.empty()) {
            error_key = question.type == rules::QuestionType::money ? "rules.error_money"
                                                                     : "rules.error_number";
            return false;
        }
        double number = std::strtod(digits.c_str(), nullptr);
        if (number == std::floor(number) && std::fabs(number) < 9e15)
            answer = static_cast<std::int64_t>(number);
        else
            answer = number;
        break;
    }
    case rules::QuestionType::date: {
        auto date = plain_date(m_draft_text);
        if (date.empty()) {
            error_key = "rules.error_date";
            return false;
        }
        answer = date;
        break;
    }
    }

    // The pack's own limits (zero or more yen, a minimum, a maximum).
    json single = json::object();
    single[question.id] = answer;
    if (!m_pack->check_answers(single).empty()) {
        error_key = question.type == rules::QuestionType::money ? "rules.error_money"
                                                                 : "rules.error_range";
        return false;
    }
    return true;
}

void ProgramWizard::answer(app::AppContext& app, json value)
{
    m_answers[m_question->id] = std::move(value);
    m_history.push_back(m_question->id);
    m_forgotten = false;
    m_resumed = false;
    save_answers(app);
    recheck(app);
    ImGui::SetScrollY(0);
    app.frames.request();
}

void ProgramWizard::go_back(app::AppContext& app)
{
    if (m_history.empty()) {
        m_phase = Phase::intro;
        return;
    }

    // Undo the last answer and show it again as the draft, so a small change is quick.
    auto id = m_history.back();
    m_history.pop_back();
    json previous = m_answers.contains(id) ? m_answers[id] : json();
    m_answers.erase(id);
    m_copied = false;
    save_answers(app);
    m_phase = Phase::asking;
    m_check = rules::ProgramCheck::run(*m_pack, m_answers, m_date, m_overrides);
    m_question = m_pack->find_question(id);
    prepare_draft();

    auto const& question = *m_question;
    if (question.type == rules::QuestionType::yes_no) {
        m_draft_choice = previous.is_boolean() ? (previous.get<bool>() ? 0 : 1) : 2;
    } else if (question.type == rules::QuestionType::choice) {
        m_draft_choice = static_cast<int>(question.options.size());
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            if (previous.is_string() && question.options[i].value == previous.get<std::string>())
                m_draft_choice = static_cast<int>(i);
        }
    } else if (previous.is_number()) {
        m_draft_text = previous.dump();
    } else if (previous.is_string()) {
        m_draft_text = previous.get<std::string>();
    }
    ImGui::SetScrollY(0);
    app.frames.request();
}

std::string ProgramWizard::answer_text(
    app::AppContext& app, rules::Question const& question, json const& value) const
{
    auto const& language = app.strings.language();
    if (value.is_null())
        return app.t("rules.dont_know");
    switch (question.type) {
    case rules::QuestionType::yes_no:
        return app.t(value.is_boolean() && value.get<bool>() ? "rules.yes" : "rules.no");
    case rules::QuestionType::choice:
        for (auto const& option : question.options) {
            if (value.is_string() && option.value == value.get<std::string>())
                return option.label.in(language);
        }
        return value.dump();
    case rules::QuestionType::money:
        return app.strings.format("rules.unit_yen", {{"n", group_digits(value.get<double>())}});
    case rules::QuestionType::number:
        return group_digits(value.get<double>());
    case rules::QuestionType::date:
        return value.get<std::string>();
    }
    return value.dump();
}

// ---- 3. Drawing: intro and questions
// -------------------------------------------------------------

void ProgramWizard::draw(app::AppContext& app, ui::Kit& ui)
{
    // 1. A pack that arrived since the last frame; the cached copy when the network failed.
    if (m_phase == Phase::loading && m_inbox && m_inbox->arrived && m_inbox->staff_arrived) {
        auto response = std::move(m_inbox->response);
        take_staff_values(app, m_inbox->staff_response);
        m_inbox.reset();
        if (response.ok()) {
            take_pack(app, response.body, true);
        } else if (auto cached = app.store.get("rules/" + m_pack_id + "/pack")) {
            take_pack(app, *cached, false);
        } else {
            m_phase = Phase::failed;
            m_failure = response.error_message.empty() ? "HTTP " + std::to_string(response.status)
                                                       : response.error_message;
            app.log.write(platform::LogLevel::Warning, "rules",
                m_pack_id + ": cannot fetch the pack: " + m_failure);
        }
    }

    // 2. The phase's own screen.
    switch (m_phase) {
    case Phase::loading:
        ui.muted(app.t("rules.loading"));
        return;
    case Phase::failed:
        ui.heading("rules.failed", app.t("rules.load_failed"));
        ui.muted(m_failure);
        ui.gap(16);
        if (ui.big_button("rules.retry", app.t("rules.retry")))
            fetch_pack(app);
        return;
    case Phase::intro:
        draw_intro(app, ui);
        return;
    case Phase::asking:
        draw_question(app, ui);
        return;
    case Phase::result:
        draw_result(app, ui);
        return;
    }
}

void ProgramWizard::draw_intro(app::AppContext& app, ui::Kit& ui)
{
    auto const& language = app.strings.language();
    ui.heading("rules.intro.title", m_pack->title().in(language));
    ui.text(m_pack->description().in(language));
    ui.gap(12);

    // What to expect before starting: how many questions at most, and the papers that help.
    ui.text(app.strings.format(
        "rules.intro_questions", {{"n", std::to_string(m_pack->questions().size())}}));
    auto const& steps = m_pack->next_steps();
    if (steps.is_object() && steps.contains("documents") && steps["documents"].is_array() &&
        !steps["documents"].empty()) {
        ui.gap(8);
        ui.text(app.t("rules.intro_documents"));
        for (auto const& document : steps["documents"]) {
            auto text = document.is_object() ? json_string(document, language.c_str()) : "";
            if (!text.empty())
                ui.muted(app.t("rules.bullet") + text);
        }
    }
    ui.gap(12);
    ui.muted(app.t("rules.privacy"));
    ui.muted(app.strings.format("rules.pack_checked_on", {{"date", m_pack->checked_on()}}));
    if (m_forgotten)
        ui.muted(app.t("rules.forgotten"));
    ui.gap(16);
    if (ui.big_button("rules.start", app.t("rules.start"))) {
        m_forgotten = false;
        m_phase = m_question ? Phase::asking : Phase::result;
        prepare_draft();
    }
}

void ProgramWizard::draw_question(app::AppContext& app, ui::Kit& ui)
{
    auto const& language = app.strings.language();
    auto const& question = *m_question;

    // 1. Where we are: a progress bar over the questions answered and those that may follow.
    auto answered = static_cast<int>(m_history.size());
    auto left = static_cast<int>(m_check->questions_to_ask().size());
    auto total = answered + std::max(left, 1);
    auto number = std::to_string(answered + 1);
    auto at_most = std::to_string(total);
    ui.progress_bar("rules.progress",
        app.strings.format("rules.progress", {{"n", number}, {"total", at_most}}),
        static_cast<float>(answered) / static_cast<float>(total));
    if (m_resumed && answered > 0)
        ui.muted(app.t("rules.resumed"));
    ui.gap(8);

    bool grid = ui.wide() && ui.begin_grid("rules.question_layout", 2);

    // 2. The question, its help and the input of its type.
    ui.heading("rules.question", question.label.in(language));
    if (!question.help.in(language).empty())
        ui.muted(question.help.in(language));
    ui.gap(8);

    bool typed = question.type == rules::QuestionType::number ||
                 question.type == rules::QuestionType::money ||
                 question.type == rules::QuestionType::date;
    bool submit = false;
    if (typed) {
        std::string hint = question.type == rules::QuestionType::date ? app.t("rules.hint_date")
            : question.type == rules::QuestionType::money             ? app.t("rules.hint_money")
                                                                      : app.t("rules.hint_number");
        if (ui.text_field("rules.answer", app.t("rules.answer_label"), m_draft_text, hint))
            m_draft_error_key.clear();
        submit = ImGui::IsKeyPressed(ImGuiKey_Enter) && !m_draft_text.empty();
    } else {
        m_option_labels.clear();
        if (question.type == rules::QuestionType::yes_no) {
            m_option_labels.push_back(app.t("rules.yes"));
            m_option_labels.push_back(app.t("rules.no"));
        } else {
            for (auto const& option : question.options)
                m_option_labels.push_back(option.label.in(language));
        }
        if (!question.required)
            m_option_labels.push_back(app.t("rules.dont_know"));
        if (ui.choice_list("rules.choice", {}, m_option_labels, m_draft_choice))
            m_draft_error_key.clear();
    }
    if (!m_draft_error_key.empty())
        ui.text(app.t(m_draft_error_key));
    ui.gap(8);

    // 3. Next, "I don't know" for a typed answer that is not required, and Back.
    if (ui.big_button("rules.next", app.t("rules.next")) || submit) {
        json value;
        std::string error_key;
        if (draft_answer(value, error_key))
            answer(app, std::move(value));
        else
            m_draft_error_key = error_key;
    }
    if (m_phase == Phase::asking && typed && !question.required
        && ui.button("rules.dont_know", app.t("rules.dont_know")))
        answer(app, nullptr);
    if (m_phase == Phase::asking && ui.button("rules.back", app.t("rules.back")))
        go_back(app);

    // 4. Beside the question on a desktop, below it on a phone: the answers so far and Forget.
    if (grid)
        ui.next_cell();
    else
        ui.gap(24);
    draw_answers_so_far(app, ui);
    if (grid)
        ui.end_grid();
}

void ProgramWizard::draw_answers_so_far(app::AppContext& app, ui::Kit& ui)
{
    if (m_history.empty())
        return;
    auto const& language = app.strings.language();
    if (ui.wide()) {
        ui.muted(app.t("rules.answers_so_far"));
        for (auto const& id : m_history) {
            auto const* question = m_pack->find_question(id);
            if (!question || !m_answers.contains(id))
                continue;
            ui.text(question->label.in(language));
            ui.muted(answer_text(app, *question, m_answers[id]));
            ui.gap(4);
        }
        ui.gap(12);
    }
    if (ui.button("rules.forget", app.t("rules.forget")))
        forget_answers(app);
}

// ---- 4. The result
// -------------------------------------------------------------------------------

namespace {

// The result in lines, split into what decides it and what follows from it.
struct ResultLines {
    std::vector<ResultLine> summary;
    std::vector<ResultLine> details;
};

ResultLines result_lines(app::AppContext& app, rules::ProgramPack const& pack,
    rules::ProgramCheck const& check, std::string const& date)
{
    using Kind = ResultLine::Kind;
    auto const& language = app.strings.language();
    ResultLines lines;
    auto& summary = lines.summary;
    auto& details = lines.details;

    // 1. The outcome and what it means.
    if (check.outcome() == "undecided") {
        summary.push_back({Kind::heading, "rules.result.outcome", app.t("rules.undecided"), {}});
    } else {
        auto const& text = pack.outcome_text(check.outcome());
        summary.push_back({Kind::heading, "rules.result.outcome", text.label.in(language), {}});
        summary.push_back({Kind::text, {}, text.explanation.in(language), {}});
    }
    summary.push_back(
        {Kind::muted, {}, app.strings.format("rules.checked_on", {{"date", date}}), {}});

    // 2. Every criterion that applies, with its reason.
    summary.push_back({Kind::heading, "rules.result.criteria", app.t("rules.criteria"), {}});
    for (auto const& result : check.criteria()) {
        if (result.state == rules::CriterionState::not_applicable)
            continue;
        auto const& criterion = *result.criterion;
        char const* state_key = result.state == rules::CriterionState::met ? "rules.state_met"
            : result.state == rules::CriterionState::not_met               ? "rules.state_not_met"
                                                                           : "rules.state_unknown";
        auto const& sentence = result.state == rules::CriterionState::met ? criterion.met
            : result.state == rules::CriterionState::not_met              ? criterion.not_met
                                                                          : criterion.unknown;
        summary.push_back({Kind::text, "rules.criterion." + criterion.id,
            app.t(state_key) + " " + criterion.label.in(language), {}});
        summary.push_back({Kind::muted, {}, sentence.in(language), {}});
    }

    // 3. Amounts with their formula (not for an outcome that rules the program out).
    if (check.outcome() != "ineligible" && !check.amounts().empty()) {
        details.push_back({Kind::heading, "rules.result.amounts", app.t("rules.amounts"), {}});
        for (auto const& result : check.amounts()) {
            auto const& amount = *result.amount;
            std::string value = result.value.is_number()
                ? app.strings.format("rules.unit_" + amount.unit,
                      {{"n", group_digits(result.value.get<double>())}})
                : app.t("rules.not_known");
            details.push_back({Kind::text, "rules.amount." + amount.id,
                amount.label.in(language) + ": " + value, {}});
            details.push_back({Kind::muted, {}, amount.formula.in(language), {}});
        }
    }

    // 4. What is not known: answers left as "I don't know", figures no source gives.
    if (!check.unresolved().empty()) {
        details.push_back({Kind::heading, "rules.result.unknown", app.t("rules.unknown"), {}});
        for (auto const& item : check.unresolved()) {
            if (item.kind == "parameter") {
                auto const* parameter = pack.find_parameter(item.id);
                details.push_back({Kind::text, "rules.unknown." + item.id,
                    parameter->label.in(language) + ": " + app.t("rules.not_known"), {}});
                details.push_back({Kind::muted, {}, parameter->note.in(language), {}});
            } else {
                auto const* question = pack.find_question(item.id);
                details.push_back({Kind::text, "rules.unknown." + item.id,
                    question->label.in(language) + ": " + app.t("rules.dont_know"), {}});
            }
        }
    }

    // 5. The figures used, each with its source and the date it took effect.
    details.push_back({Kind::heading, "rules.result.sources", app.t("rules.sources"), {}});
    for (auto const& in_effect : check.parameters()) {
        auto const& parameter = *in_effect.parameter;
        std::string value;
        if (in_effect.value.is_null())
            value = app.t("rules.not_known");
        else if (in_effect.value.is_string())
            value = in_effect.value.get<std::string>();
        else if (in_effect.value.is_number())
            value = app.strings.format("rules.unit_" + parameter.unit,
                {{"n", parameter.unit == "ratio" ? group_digits(in_effect.value.get<double>() * 100)
                                                 : group_digits(in_effect.value.get<double>())}});
        std::string line = parameter.label.in(language);
        if (!value.empty())
            line += ": " + value;
        if (in_effect.staff_set)
            line += " " + app.t("rules.staff_set");
        details.push_back({Kind::text, "rules.parameter." + parameter.id, line, {}});
        std::string source = json_string(parameter.source, "document");
        if (!in_effect.from.empty() && !in_effect.staff_set)
            source += " " + app.strings.format("rules.effective_from", {{"date", in_effect.from}});
        details.push_back({Kind::muted, {}, source, {}});
        auto url = json_string(parameter.source, "url");
        if (!url.empty())
            details.push_back({Kind::link, "rules.source." + parameter.id, url, url});
    }

    // 6. What to do next: the documents to prepare and whom to ask, from the pack.
    auto const& steps = pack.next_steps();
    details.push_back({Kind::heading, "rules.result.next", app.t("rules.next_steps"), {}});
    if (steps.is_object() && steps.contains("documents") && steps["documents"].is_array()) {
        details.push_back({Kind::text, {}, app.t("rules.documents"), {}});
        for (auto const& document : steps["documents"]) {
            auto text = document.is_object() ? json_string(document, language.c_str()) : "";
            if (!text.empty())
                details.push_back({Kind::muted, {}, app.t("rules.bullet") + text, {}});
        }
    }
    if (steps.is_object() && steps.contains("contact") && steps["contact"].is_object()) {
        auto const& contact = steps["contact"];
        details.push_back({Kind::text, "rules.contact",
            app.t("rules.contact") + ": " + local_member(contact, "name", language), {}});
        auto phone = json_string(contact, "phone");
        if (!phone.empty())
            details.push_back({Kind::link, "rules.contact.phone", phone, "tel:" + phone});
        auto email = json_string(contact, "email");
        if (!email.empty())
            details.push_back({Kind::link, "rules.contact.email", email, "mailto:" + email});
        auto url = json_string(contact, "url");
        if (!url.empty())
            details.push_back({Kind::link, "rules.contact.url", url, url});
    }
    auto note = local_member(steps, "note", language);
    if (!note.empty())
        details.push_back({Kind::muted, {}, note, {}});
    return lines;
}

void draw_lines(ui::Kit& ui, std::vector<ResultLine> const& lines)
{
    for (auto const& line : lines) {
        switch (line.kind) {
        case ResultLine::Kind::heading:
            ui.gap(12);
            ui.heading(line.id, line.text);
            break;
        case ResultLine::Kind::text:
            ui.gap(6);
            ui.text(line.text);
            break;
        case ResultLine::Kind::muted:
            ui.muted(line.text);
            break;
        case ResultLine::Kind::link:
            ui.link(line.id, line.text, line.url);
            break;
        }
    }
}

std::string plain_text(std::string const& title, ResultLines const& lines)
{
    std::string text = title + "\n";
    for (auto const* part : {&lines.summary, &lines.details}) {
        for (auto const& line : *part) {
            switch (line.kind) {
            case ResultLine::Kind::heading:
                text += "\n" + line.text + "\n";
                break;
            case ResultLine::Kind::text:
                text += line.text + "\n";
                break;
            case ResultLine::Kind::muted:
                text += "  " + line.text + "\n";
                break;
            case ResultLine::Kind::link:
                text += "  " + line.url + "\n";
                break;
            }
        }
    }
    return text;
}

} // namespace

void ProgramWizard::draw_result(app::AppContext& app, ui::Kit& ui)
{
    auto lines = result_lines(app, *m_pack, *m_check, m_date);

    // 1. The decision and its reasons; on a desktop, what follows from it in a second column.
    bool grid = ui.wide() && ui.begin_grid("rules.result_layout", 2);
    draw_lines(ui, lines.summary);
    if (grid) {
        ui.gap(16);
        draw_actions(app, ui);
        ui.next_cell();
    }
    draw_lines(ui, lines.details);
    if (grid) {
        ui.end_grid();
    } else {
        ui.gap(24);
        draw_actions(app, ui);
    }

    // 2. The copy goes through ImGui to the browser's clipboard.
    if (m_copy_requested) {
        m_copy_requested = false;
        ImGui::SetClipboardText(plain_text(title(app), lines).c_str());
        m_copied = true;
    }
}

void ProgramWizard::draw_actions(app::AppContext& app, ui::Kit& ui)
{
    if (ui.big_button("rules.copy", app.t("rules.copy")))
        m_copy_requested = true;
    if (m_copied)
        ui.muted(app.t("rules.copied"));
    if (ui.button("rules.change", app.t("rules.change")))
        go_back(app);
    if (m_phase == Phase::result && ui.button("rules.forget", app.t("rules.forget")))
        forget_answers(app);
}

} // namespace machiba::screens
