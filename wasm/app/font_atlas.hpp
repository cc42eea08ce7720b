// The fonts: a Japanese subset baked by ImGui at the device pixel ratio, so that text is sharp on
// every screen, uploaded as a two-channel texture to keep memory in budget at ratio 3.
//
// Budget at ratio 3 (body 17 CSS px = 51 device px, about 3,600 glyphs: kana, symbols, level 1
// kanji, the characters of the catalogs and assets): a 4096x2048 atlas, 8 MiB of alpha while it
// is baked, 16 MiB of luminance-alpha texture on the GPU, no RGBA copy. Level 2 kanji are in the
// font file but baked only when text needs them (see ensure_characters).
#pragma once

#include <imgui.h>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::app {

class FontAtlas {
public:
    // The font file and the characters to bake at start (glyphs.txt from the site build).
    void set_sources(std::vector<unsigned char> font_data, std::string base_characters);

    // Bakes the fonts for this pixel ratio and uploads the texture. title_text holds the
    // characters the larger title font needs (the catalogs).
    void build(float pixel_ratio, std::string const& title_text);

    // Notes characters about to be drawn; those the font has but the atlas lacks are baked at
    // the start of the next frame (rebuild_if_needed). Cheap for characters already baked.
    void ensure_characters(std::string_view utf8);
    // The same for text drawn in the title font (headings, card titles, the top bar), which
    // bakes only the catalogs' characters at start: content such as 婦人科 in a card title
    // would otherwise draw as "?".
    void ensure_title_characters(std::string_view utf8);
    bool rebuild_if_needed();
    bool rebuild_pending() const { return m_rebuild; }

    unsigned char const* font_data() const { return m_font_data.data(); }
    int font_size() const { return static_cast<int>(m_font_data.size()); }
    ImFont* body() const { return m_body; }
    ImFont* title() const { return m_title; }
    float body_css_px() const { return 17.0f; }
    float title_css_px() const { return 23.0f; }
    static constexpr float body_line_height = 1.4f;
    static constexpr float title_line_height = 1.25f;
    int texture_width() const { return m_texture_width; }
    int texture_height() const { return m_texture_height; }

private:
    void upload_texture();

    std::vector<unsigned char> m_font_data;
    std::string m_base_characters;
    std::set<ImWchar> m_extra_characters;
    std::set<ImWchar> m_tried_characters;
    std::set<ImWchar> m_title_extra_characters;
    std::set<ImWchar> m_title_tried_characters;
    std::string m_title_text;
    float m_pixel_ratio = 1.0f;
    ImFont* m_body = nullptr;
    ImFont* m_title = nullptr;
    unsigned m_texture = 0;
    int m_texture_width = 0;
    int m_texture_height = 0;
    bool m_rebuild = false;
};

} // namespace machiba::app
