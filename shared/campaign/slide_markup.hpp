// The small markup of slide bodies, read the same way by the app's slide view and the staff
// preview: paragraphs split by blank lines, "- " or "・" bullets, "1. " numbered items, and
// **emphasis**. Anything else is plain text, so a stray "*" is never lost.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace machiba::campaign {

struct MarkupSpan {
    std::string text;
    bool emphasis = false;
    bool operator==(MarkupSpan const&) const = default;
};

enum class MarkupBlockKind { paragraph, bullet, numbered };

struct MarkupBlock {
    MarkupBlockKind kind = MarkupBlockKind::paragraph;
    int number = 0; // numbered items: the number written
    std::vector<MarkupSpan> spans;
};

std::vector<MarkupBlock> parse_slide_markup(std::string_view body);

// The spans of one line of text: "**" opens and closes emphasis; an unclosed "**" stays text.
std::vector<MarkupSpan> parse_markup_spans(std::string_view line);

// The text without markup, e.g. for a screen reader label or a search index.
std::string markup_plain_text(std::string_view body);

} // namespace machiba::campaign
