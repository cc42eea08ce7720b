// The Wellbeing/SDGs fund check: may this organisation apply, how much at most, and why.
#include "wasm/screens/rules/program_wizard.hpp"

namespace machiba::screens {

std::unique_ptr<app::Screen> make_sdgs_fund_screen(app::AppContext& app, std::string_view)
{
    return std::make_unique<ProgramWizard>(app, "sdgs-fund", "rules.sdgs_fund_title");
}

} // namespace machiba::screens
