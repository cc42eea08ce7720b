// The app's look for ImGui's own parts (windows, frames, popups, scrollbars), at a pixel ratio.
#pragma once

namespace machiba::ui {
struct Palette;
}

namespace machiba::app {

void apply_theme(float pixel_ratio, ui::Palette const& palette);

} // namespace machiba::app
