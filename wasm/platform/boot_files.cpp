// Boot files through the bridge.
#include "wasm/platform/boot_files.hpp"

#include "wasm/platform/bridge.hpp"

#include <cstdlib>
#include <string>

namespace machiba::platform {

std::vector<unsigned char> take_boot_file(std::string_view name)
{
    int size = 0;
    auto* data =
        static_cast<unsigned char*>(machiba_js_boot_take(std::string(name).c_str(), &size));
    if (!data)
        return {};
    std::vector<unsigned char> bytes(data, data + size);
    std::free(data);
    return bytes;
}

} // namespace machiba::platform
