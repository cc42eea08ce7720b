// What the app shows, as data: each frame the UI kit records the widgets it drew where they can
// be seen (id, role, label, rectangle in CSS pixels, state), and window.machiba.inspect() returns
// the last complete frame as JSON. Browser tests find widgets by label through it, and later a
// screen reader bridge can read the same records.
#pragma once

#include <string>
#include <vector>

namespace machiba::ui {

struct CssRect {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;

    bool contains(float px, float py) const
    {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
};

// Roles name what a widget is for, in the words of WAI-ARIA where one fits.
struct WidgetRecord {
    std::string id; // stable across languages: "home.service.health"
    std::string role; // button, link, card, textbox, checkbox, radio, tab, progressbar, heading,
                      // text, chip, menuitem
    std::string label; // what the user reads, in the current language
    std::string value; // a text field's text, a progress fraction, a link's address
    CssRect rect;
    bool enabled = true;
    int checked = -1; // -1: not checkable, 0 or 1 otherwise
    bool focused = false;
};

class Inspector {
public:
    void begin_frame() { m_building.clear(); }
    void record(WidgetRecord record) { m_building.push_back(std::move(record)); }
    void end_frame() { m_last.swap(m_building); }
    WidgetRecord* last() { return m_building.empty() ? nullptr : &m_building.back(); }

    std::vector<WidgetRecord> const& last_frame() const { return m_last; }

    // The text widget under a point of the last frame, for focusing the page's text element
    // during the tap itself.
    WidgetRecord const* text_field_at(float x, float y) const;

    // The last frame as {"widgets": [...]} plus the fields in extra (a JSON object's members,
    // already serialised, without braces).
    std::string to_json(std::string const& extra) const;

private:
    std::vector<WidgetRecord> m_building;
    std::vector<WidgetRecord> m_last;
};

} // namespace machiba::ui
