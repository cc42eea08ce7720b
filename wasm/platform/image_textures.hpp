// Pictures for the screens (slide images): decoded by the browser once, kept as GPU textures.
#pragma once

#include <deque>
#include <map>
#include <string>

namespace machiba::platform {

class ImageTextures {
public:
    enum class State { loading, ready, failed };

    struct Image {
        State state = State::loading;
        unsigned texture = 0; // an OpenGL texture name while ready
        int width = 0;
        int height = 0;
    };

    // The picture at source (a relative path on this site or a data:image URL). The first call
    // asks the browser for it; until it arrives the state is loading, and the app is woken then.
    Image const& get(std::string const& source);

    // Called through the bridge when the browser has decoded (or failed to decode) a picture.
    void loaded(int handle, unsigned char const* rgba, int width, int height);

    static ImageTextures& instance();

private:
    std::map<std::string, int, std::less<>> m_handles;
    std::deque<Image> m_images; // a deque: references from get() stay valid
};

} // namespace machiba::platform
