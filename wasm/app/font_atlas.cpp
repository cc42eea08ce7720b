// The font atlas: baking, the two-channel upload, and baking characters met later.
#include "wasm/app/font_atlas.hpp"

#include "wasm/platform/gl_texture.hpp"

#include <GLES3/gl3.h>
#include <algorithm>
#include <cmath>
#include <imgui_internal.h>

namespace machiba::app {

namespace {

// Decodes UTF-8 one character at a time; invalid bytes are skipped.
template <typename Visit> void for_each_character(std::string_view utf8, Visit visit)
{
    char const* at = utf8.data();
    char const* end = utf8.data() + utf8.size();
    while (at < end) {
        unsigned int character = 0;
        int length = ImTextCharFromUtf8(&character, at, end);
        if (length <= 0)
            break;
        at += length;
        if (character >= 0x20 && character <= 0xFFFF)
            visit(static_cast<ImWchar>(character));
    }
}

} // namespace

void FontAtlas::set_sources(std::vector<unsigned char> font_data, std::string base_characters)
{
    m_font_data = std::move(font_data);
    m_base_characters = std::move(base_characters);
}

void FontAtlas::build(float pixel_ratio, std::string const& title_text)
{
    ImGuiIO& io = ImGui::GetIO();
    m_pixel_ratio = pixel_ratio;
    m_title_text = title_text;

    // 1. The character ranges: ASCII, the base set, characters met since start; the title font
    //    only needs what the catalogs say plus kana and ASCII.
    ImFontGlyphRangesBuilder body_builder;
    body_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    body_builder.AddText(
        m_base_characters.c_str(), m_base_characters.c_str() + m_base_characters.size());
    for (ImWchar character : m_extra_characters)
        body_builder.AddChar(character);
    ImVector<ImWchar> body_ranges;
    body_builder.BuildRanges(&body_ranges);

    ImFontGlyphRangesBuilder title_builder;
    title_builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    title_builder.AddText(title_text.c_str(), title_text.c_str() + title_text.size());
    for (ImWchar character = 0x3040; character < 0x3100; ++character)
        title_builder.AddChar(character);
    for (ImWchar character : m_title_extra_characters)
        title_builder.AddChar(character);
    ImVector<ImWchar> title_ranges;
    title_builder.BuildRanges(&title_ranges);

    // 2. Bake both sizes from the same file. The atlas does not own the data: we keep it.
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.Fonts->TexGlyphPadding = 1;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    auto* data = m_font_data.data();
    int size = static_cast<int>(m_font_data.size());
    float body_px = body_css_px() * pixel_ratio;
    float title_px = title_css_px() * pixel_ratio;
    config.GlyphOffset.y = std::round(body_px * (body_line_height - 1) / 2);
    m_body = io.Fonts->AddFontFromMemoryTTF(data, size, body_px, &config, body_ranges.Data);
    config.GlyphOffset.y = std::round(title_px * (title_line_height - 1) / 2);
    m_title = io.Fonts->AddFontFromMemoryTTF(data, size, title_px, &config, title_ranges.Data);
    io.Fonts->Build();

    // IPAex has no line gap: Japanese set solid is hard to read. ImGui's line height is the
    // font size, so a larger size after baking spaces the lines while the glyphs (baked at the
    // real size, shifted down by half the extra) stay as they are.
    m_body->FontSize = std::round(body_px * body_line_height);
    m_title->FontSize = std::round(title_px * title_line_height);

    // 3. Upload, then drop the CPU copy: the GPU holds it now.
    upload_texture();
    io.Fonts->ClearTexData();
    io.FontDefault = m_body;
    m_rebuild = false;
}

void FontAtlas::upload_texture()
{
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* alpha = nullptr;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &m_texture_width, &m_texture_height);

    // ImGui's shader multiplies the vertex colour by the texel, so a white luminance with the
    // glyph's alpha draws like the RGBA atlas while using half its memory. Upload in bands so
    // the two-channel copy never exists whole.
    if (m_texture != 0)
        glDeleteTextures(1, &m_texture);
    m_texture = platform::new_linear_texture();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, m_texture_width, m_texture_height, 0,
        GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, nullptr);

    int const band = 128;
    std::vector<unsigned char> pairs(static_cast<size_t>(m_texture_width) * band * 2);
    for (int top = 0; top < m_texture_height; top += band) {
        int rows = std::min(band, m_texture_height - top);
        unsigned char const* source = alpha + static_cast<size_t>(top) * m_texture_width;
        size_t count = static_cast<size_t>(rows) * m_texture_width;
        for (size_t i = 0; i < count; ++i) {
            pairs[i * 2] = 255;
            pairs[i * 2 + 1] = source[i];
        }
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, top, m_texture_width, rows, GL_LUMINANCE_ALPHA,
            GL_UNSIGNED_BYTE, pairs.data());
    }
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_texture)));
}

namespace {

// Notes the characters of utf8 that font lacks; each is tried once, so that one the font file
// lacks does not rebuild the atlas every frame. True when one is new.
bool note_missing(ImFont const* font, std::string_view utf8, std::set<ImWchar>& tried,
    std::set<ImWchar>& extra)
{
    bool added = false;
    if (!font)
        return added;
    for_each_character(utf8, [&](ImWchar character) {
        if (character < 0x80 || font->FindGlyphNoFallback(character))
            return;
        if (tried.insert(character).second) {
            extra.insert(character);
            added = true;
        }
    });
    return added;
}

} // namespace

void FontAtlas::ensure_characters(std::string_view utf8)
{
    if (note_missing(m_body, utf8, m_tried_characters, m_extra_characters))
        m_rebuild = true;
}

void FontAtlas::ensure_title_characters(std::string_view utf8)
{
    if (note_missing(m_title, utf8, m_title_tried_characters, m_title_extra_characters))
        m_rebuild = true;
}

bool FontAtlas::rebuild_if_needed()
{
    if (!m_rebuild)
        return false;
    build(m_pixel_ratio, m_title_text);
    return true;
}

} // namespace machiba::app
