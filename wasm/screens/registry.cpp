// The screen registry: declares each factory of screen_list.inc and adds it to the router, so
// that a new screen needs its file and one line in the list, nothing else.
#include "wasm/screens/registry.hpp"

#include "wasm/app/router.hpp"

namespace machiba::screens {

#define MACHIBA_SCREEN(route, factory)                                                             \
    std::unique_ptr<app::Screen> factory(app::AppContext& app, std::string_view argument);
#include "wasm/screens/screen_list.inc"
#undef MACHIBA_SCREEN

void register_all(app::Router& router)
{
#define MACHIBA_SCREEN(route, factory) router.add(route, factory);
#include "wasm/screens/screen_list.inc"
#undef MACHIBA_SCREEN
}

} // namespace machiba::screens
