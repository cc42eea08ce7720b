// How a campaign looks to a resident: its slides as full-height pages that swipe, and its
// questions. The residents' screens and the staff editor's phone preview both draw with these
// functions and nothing else, so that staff see exactly what residents will see.
#pragma once

#include "shared/campaign/campaign.hpp"
#include "shared/campaign/demographics.hpp"
#include "shared/campaign/validation_problem.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::app {
struct AppContext;
}
namespace machiba::ui {
class Kit;
}

namespace machiba::campaigns {

// 1. Slides.
struct DeckState {
    int index = 0;
    float drag = 0;   // device px the current slide is dragged sideways
    float settle = 0; // device px still to animate back to rest after a change
};

enum class DeckAction { none, finished };

struct DeckOptions {
    std::string id_prefix = "campaign"; // widget ids: "<prefix>.slide.next"...
    float height = 0;                   // device px for the whole deck (slide, dots, buttons)
    bool keyboard = true;               // left and right arrows turn the slides
    bool can_answer = true;             // the last slide leads to the questions
};

// Draws the current slide, the page dots and the buttons. Returns finished when the resident
// goes on from the last slide to the questions.
DeckAction draw_slide_deck(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign,
    DeckState& state, DeckOptions const& options);

// A slide body's markup (paragraphs, bullets, numbers, **emphasis**) at the current width.
void draw_markup(ui::Kit& ui, std::string_view id, std::string_view body);

// 2. Answers being written: what the question widgets edit, kept as a draft in the store.
struct AnswerDraft {
    std::map<std::string, std::string> texts;
    std::map<std::string, int> singles;                  // the chosen choice's index
    std::map<std::string, std::vector<bool>> multiples;  // one flag per choice
    std::map<std::string, int> ratings;                  // 1..5
    int age_band = -1;                                   // index into the demographics
    int district = -1;

    // The opinion body the API takes: {"answers": {...}, "age_band": ..., "district": ...}.
    nlohmann::json to_body(campaign::Campaign const& campaign,
        campaign::Demographics const& demographics) const;
    void from_body(nlohmann::json const& body, campaign::Campaign const& campaign,
        campaign::Demographics const& demographics);
};

// Draws every question of the campaign, then the optional age band and district. Problems are
// shown under the question their pointer names; when scroll_to_problem is set, the page scrolls
// to the first of them and the flag is cleared. Returns true when an answer changed.
bool draw_questions(app::AppContext& app, ui::Kit& ui, campaign::Campaign const& campaign,
    campaign::Demographics const& demographics, AnswerDraft& draft,
    campaign::ValidationProblems const& problems, std::string_view id_prefix,
    bool* scroll_to_problem = nullptr);

// The resident's words for a problem (by its code), in the current language.
std::string problem_text(app::AppContext& app, campaign::ValidationProblem const& problem);

// A rounded box (a child window) whose height follows its content, at least min_height; every
// begin_box is followed by end_box, whatever it returned.
bool begin_box(std::string_view id, float min_height, unsigned fill, unsigned border,
    float rounding, float padding_x, float padding_y);
void end_box();

// True when a box drawn since the last call has not yet taken its content's height: the screen
// then asks for another frame. Clears itself.
bool layout_settling();

// A small rounded tag ("必須", "Q1") drawn inline; advances the cursor on the same line.
void draw_tag(ui::Kit& ui, std::string_view text, unsigned fill, unsigned ink);

} // namespace machiba::campaigns
