// A placeholder for the youth health room (questions, routing, resources), opened from the app.
#include "wasm/screens/placeholder_screen.hpp"

namespace machiba::screens {

std::unique_ptr<app::Screen> make_health_screen(app::AppContext&, std::string_view)
{
    // FIXME: issue 4 replaces this placeholder with the youth health room (questions, routing, resources).
    return std::make_unique<PlaceholderScreen>("health.title", "health.placeholder");
}

} // namespace machiba::screens
