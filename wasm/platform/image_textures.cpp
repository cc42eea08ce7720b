// Pictures decoded by the browser (bridge.js) and uploaded to WebGL as RGBA textures.
#include "wasm/platform/image_textures.hpp"

#include "wasm/platform/bridge.hpp"
#include "wasm/platform/gl_texture.hpp"

#include <GLES3/gl3.h>

#include <cctype>
#include <string_view>

namespace machiba::platform {

ImageTextures& ImageTextures::instance()
{
    static ImageTextures textures;
    return textures;
}

namespace {

// A source worth asking the browser for: inline, or a path that ends like a picture file. The
// editor's preview asks for every prefix of a path being typed; those are not fetched.
bool looks_like_picture(std::string_view source)
{
    if (source.rfind("data:image/", 0) == 0)
        return true;
    auto const dot = source.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    std::string extension(source.substr(dot + 1));
    for (auto& character : extension)
        character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
    for (std::string_view known : {"png", "jpg", "jpeg", "webp", "gif", "svg"}) {
        if (extension == known)
            return true;
    }
    return false;
}

} // namespace

ImageTextures::Image const& ImageTextures::get(std::string const& source)
{
    static Image const not_a_picture{State::failed, 0, 0, 0};
    if (!looks_like_picture(source))
        return not_a_picture;
    if (auto found = m_handles.find(source); found != m_handles.end())
        return m_images[static_cast<std::size_t>(found->second)];

    int const handle = static_cast<int>(m_images.size());
    m_images.emplace_back();
    m_handles.emplace(source, handle);
    machiba_js_image_load(handle, source.c_str());
    return m_images.back();
}

void ImageTextures::loaded(int handle, unsigned char const* rgba, int width, int height)
{
    // 1. Guard: an answer for a handle never asked for, or a failure.
    if (handle < 0 || static_cast<std::size_t>(handle) >= m_images.size())
        return;
    Image& image = m_images[static_cast<std::size_t>(handle)];
    if (!rgba || width <= 0 || height <= 0) {
        image.state = State::failed;
        return;
    }

    // 2. Upload.
    unsigned const texture = new_linear_texture();
    glTexImage2D(
        GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    image = {State::ready, texture, width, height};
}

} // namespace machiba::platform

MACHIBA_EXPORT void machiba_image_loaded(int handle, unsigned char const* rgba, int width,
    int height)
{
    machiba::platform::ImageTextures::instance().loaded(handle, rgba, width, height);
}
