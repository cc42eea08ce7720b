// The files the page downloads before the app starts (with a progress bar): the font, the
// characters to bake, the translation bundle.
#pragma once

#include <string_view>
#include <vector>

namespace machiba::platform {

// Takes the page's copy (it is released there); empty when the page has none.
std::vector<unsigned char> take_boot_file(std::string_view name);

} // namespace machiba::platform
