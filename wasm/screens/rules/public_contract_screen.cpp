// The public-contract ordinance check: is this contract and this worker covered, and does the
// hourly wage meet the ward's floor.
#include "wasm/screens/rules/program_wizard.hpp"

namespace machiba::screens {

std::unique_ptr<app::Screen> make_public_contract_screen(app::AppContext& app, std::string_view)
{
    return std::make_unique<ProgramWizard>(app, "public-contract", "rules.public_contract_title");
}

} // namespace machiba::screens
