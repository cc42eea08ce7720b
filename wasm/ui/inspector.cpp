// The widget records and their JSON form.
#include "wasm/ui/inspector.hpp"

#include <nlohmann/json.hpp>

namespace machiba::ui {

WidgetRecord const* Inspector::text_field_at(float x, float y) const
{
    for (auto const& record : m_last) {
        if (record.role == "textbox" && record.enabled && record.rect.contains(x, y))
            return &record;
    }
    return nullptr;
}

std::string Inspector::to_json(std::string const& extra) const
{
    auto round = [](float value) { return static_cast<double>(static_cast<int>(value * 10)) / 10; };
    nlohmann::json widgets = nlohmann::json::array();
    for (auto const& record : m_last) {
        nlohmann::json item = {
            {"id", record.id},
            {"role", record.role},
            {"label", record.label},
            {"rect",
                {{"x", round(record.rect.x)}, {"y", round(record.rect.y)},
                    {"width", round(record.rect.width)}, {"height", round(record.rect.height)}}},
            {"enabled", record.enabled},
        };
        if (!record.value.empty())
            item["value"] = record.value;
        if (record.checked >= 0)
            item["checked"] = record.checked == 1;
        if (record.focused)
            item["focused"] = true;
        widgets.push_back(std::move(item));
    }

    // Text typed by a person may hold invalid UTF-8 (a cut in the middle of a character):
    // replace it rather than throw.
    std::string list = widgets.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string result = "{";
    if (!extra.empty())
        result += extra + ",";
    result += "\"widgets\":" + list + "}";
    return result;
}

} // namespace machiba::ui
