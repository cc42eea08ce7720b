// The wizard that checks a resident's or an organisation's answers against one program pack: one
// question per screen, only the questions that can still change the result, answers kept on the
// device, and a result that explains every criterion.
#pragma once

#include "shared/platform/http_client.hpp"
#include "shared/rules/program_check.hpp"
#include "shared/rules/program_pack.hpp"
#include "wasm/app/screen.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace machiba::screens {

class ProgramWizard final : public app::Screen {
public:
    // pack_id names assets/programs/<pack_id>.json; title_key is the title until it is loaded.
    ProgramWizard(app::AppContext& app, std::string pack_id, std::string title_key);

    std::string title(app::AppContext& app) const override;
    void draw(app::AppContext& app, ui::Kit& ui) override;

private:
    enum class Phase { loading, failed, intro, asking, result };

    // What the fetch brings back; shared with the callback, which may outlive the screen.
    struct Inbox {
        bool arrived = false;
        platform::HttpResponse response;
        // The staff-set figures (assets/programs/staff/<pack>.json); optional.
        bool staff_arrived = false;
        platform::HttpResponse staff_response;
    };

    void fetch_pack(app::AppContext& app);
    void take_pack(app::AppContext& app, std::string const& body, bool from_network);
    void take_staff_values(app::AppContext& app, platform::HttpResponse const& response);
    void restore_answers(app::AppContext& app);
    void save_answers(app::AppContext& app);
    void forget_answers(app::AppContext& app);
    void recheck(app::AppContext& app);
    void prepare_draft();

    void draw_intro(app::AppContext& app, ui::Kit& ui);
    void draw_question(app::AppContext& app, ui::Kit& ui);
    void draw_answers_so_far(app::AppContext& app, ui::Kit& ui);
    void draw_result(app::AppContext& app, ui::Kit& ui);
    void draw_result_summary(app::AppContext& app, ui::Kit& ui);
    void draw_result_details(app::AppContext& app, ui::Kit& ui);
    void draw_actions(app::AppContext& app, ui::Kit& ui);

    // The draft of the question on screen as an answer, or an error key when it is not one.
    bool draft_answer(nlohmann::json& answer, std::string& error_key) const;
    void answer(app::AppContext& app, nlohmann::json value);
    void go_back(app::AppContext& app);

    std::string answer_text(app::AppContext& app, rules::Question const& question,
        nlohmann::json const& value) const;
    std::string store_key() const { return "rules/" + m_pack_id + "/answers"; }

    std::string m_pack_id;
    std::string m_title_key;
    Phase m_phase = Phase::loading;
    std::shared_ptr<Inbox> m_inbox;
    std::string m_failure;

    std::optional<rules::ProgramPack> m_pack;
    std::optional<rules::ProgramCheck> m_check;
    std::string m_date;
    nlohmann::json m_overrides = nlohmann::json::object();
    nlohmann::json m_answers = nlohmann::json::object();
    // Question ids in the order they were answered: Back undoes the last one.
    std::vector<std::string> m_history;
    bool m_resumed = false;

    // The question on screen and what is typed or chosen for it so far.
    rules::Question const* m_question = nullptr;
    std::string m_draft_text;
    int m_draft_choice = -1;
    std::string m_draft_error_key;
    std::vector<std::string> m_option_labels;

    bool m_copy_requested = false;
    bool m_copied = false;
    bool m_forgotten = false;
};

} // namespace machiba::screens
