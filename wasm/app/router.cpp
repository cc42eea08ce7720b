// The screen stack and its mirror in the browser's history.
#include "wasm/app/router.hpp"

#include "wasm/app/strings.hpp"
#include "wasm/platform/app_log.hpp"
#include "wasm/platform/bridge.hpp"

namespace machiba::app {

std::string const& AppContext::t(std::string_view key) const
{
    return strings.get(key);
}

void Router::add(std::string route, ScreenFactory factory)
{
    m_factories[std::move(route)] = factory;
}

bool Router::has(std::string_view route) const
{
    return m_factories.find(route) != m_factories.end();
}

void Router::open(std::string_view route, std::string_view argument)
{
    m_requests.push_back({Request::Open, std::string(route), std::string(argument)});
}

void Router::back()
{
    if (depth() > 1)
        machiba_js_history_back(1);
}

void Router::home()
{
    // The browser's entries above home stay as forward history; popping to 1 drops our screens.
    if (depth() > 1)
        machiba_js_history_back(depth() - 1);
    m_requests.push_back({Request::PopTo, {}, {}, 1});
}

void Router::history_popped(int depth)
{
    m_requests.push_back({Request::PopTo, {}, {}, depth < 1 ? 1 : depth});
}

bool Router::apply(AppContext& app)
{
    bool changed = false;
    auto requests = std::move(m_requests);
    m_requests.clear();
    for (auto const& request : requests) {
        // 1. Going back: destroy the screens above the depth, never the home screen.
        if (request.kind == Request::PopTo) {
            while (depth() > request.depth && depth() > 1) {
                m_stack.pop_back();
                changed = true;
            }
            continue;
        }

        // 2. Opening: an unknown route is a programming mistake; say so and stay.
        auto factory = m_factories.find(request.route);
        if (factory == m_factories.end()) {
            app.log.write(
                platform::LogLevel::Error, "router", "no screen for route " + request.route);
            continue;
        }
        auto screen = factory->second(app, request.argument);
        if (!screen)
            continue;
        m_stack.push_back({request.route, std::move(screen)});
        if (depth() > 1)
            machiba_js_history_push(depth(), request.route.c_str());
        changed = true;
    }
    return changed;
}

Screen* Router::current() const
{
    return m_stack.empty() ? nullptr : m_stack.back().screen.get();
}

std::string const& Router::current_route() const
{
    static std::string const none;
    return m_stack.empty() ? none : m_stack.back().route;
}

} // namespace machiba::app
