// Puts every screen of screen_list.inc into the router.
#pragma once

namespace machiba::app {
class Router;
}

namespace machiba::screens {

void register_all(app::Router& router);

} // namespace machiba::screens
