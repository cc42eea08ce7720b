// The screen stack. Screens are opened by route ("health", "campaigns/detail"); the browser's
// history mirrors the stack, so the phone's back gesture goes back one screen.
#pragma once

#include "wasm/app/screen.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace machiba::app {

class Router {
public:
    void add(std::string route, ScreenFactory factory);
    bool has(std::string_view route) const;

    // Opens a screen on top of the current one. Takes effect at the start of the next frame,
    // so a screen may call it from its own draw.
    void open(std::string_view route, std::string_view argument = {});

    // Goes back one screen, through the browser's history.
    void back();

    // Back to the home screen, dropping the rest of the stack.
    void home();

    // The browser went back to this depth (1 is home).
    void history_popped(int depth);

    // Applies what was asked since the last frame. Returns true when the screen changed.
    bool apply(AppContext& app);

    // Something was asked since the last apply (the app draws another frame to apply it).
    bool has_requests() const { return !m_requests.empty(); }

    Screen* current() const;
    std::string const& current_route() const;
    int depth() const { return static_cast<int>(m_stack.size()); }

private:
    struct Entry {
        std::string route;
        std::unique_ptr<Screen> screen;
    };
    struct Request {
        enum Kind { Open, PopTo } kind;
        std::string route;
        std::string argument;
        int depth = 0;
    };

    std::map<std::string, ScreenFactory, std::less<>> m_factories;
    std::vector<Entry> m_stack;
    std::vector<Request> m_requests;
};

} // namespace machiba::app
