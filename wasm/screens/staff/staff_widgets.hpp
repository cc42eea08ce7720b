// What the staff screens need beyond the UI kit: a password field, a file download, and a
// horizontal bar for the charts.
#pragma once

#include <string>
#include <string_view>

namespace machiba::ui {
class Kit;
}

namespace machiba::staff {

// A text field whose characters are shown as dots: the kit's own field edits the dots (shown),
// and what was typed or deleted at the end is applied to the password.
// FIXME: the UI kit has no password mode; with one, typed characters would never be drawn (here
// they show for the one frame in which they arrive) and typing in the middle would work too.
bool password_field(ui::Kit& ui, std::string_view id, std::string_view label,
    std::string& password, std::string& shown);

// Asks the browser to download a same-origin URL (the session cookie goes with it) as a file.
// FIXME: the bridge (wasm/platform/bridge.hpp) has no download import yet; this uses an EM_JS
// function of its own until the shell adds machiba_js_download.
void download(std::string const& url, std::string const& file_name);

// One labelled bar: label on the left, the bar, and the count with its share on the right.
void bar(ui::Kit& ui, std::string_view id, std::string_view label, long long count,
    long long total, unsigned color);

} // namespace machiba::staff
