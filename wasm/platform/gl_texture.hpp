// One place that makes the app's WebGL textures: linear filtering (they are drawn scaled),
// clamped edges, rows packed without padding.
#pragma once

namespace machiba::platform {

// Makes a texture, binds it to GL_TEXTURE_2D with those settings, and returns its name; the
// caller uploads the pixels.
unsigned new_linear_texture();

} // namespace machiba::platform
