// What the staff screens need beyond the UI kit: a horizontal bar for the charts.
#pragma once

#include <string>
#include <string_view>

namespace machiba::ui {
class Kit;
}

namespace machiba::staff {

// One labelled bar: label on the left, the bar, and the count with its share on the right.
void bar(ui::Kit& ui, std::string_view id, std::string_view label, long long count,
    long long total, unsigned color);

} // namespace machiba::staff
