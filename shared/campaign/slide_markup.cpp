// Slide markup: lines to blocks, then "**" pairs to emphasised spans.
#include "shared/campaign/slide_markup.hpp"

namespace machiba::campaign {

namespace {

std::string_view trim(std::string_view line)
{
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

// "1. text" -> 1 and "text"; -1 when the line is not a numbered item.
int numbered_prefix(std::string_view line, std::string_view& rest)
{
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits == 0 || digits + 1 >= line.size() || line[digits] != '.' ||
        line[digits + 1] != ' ')
        return -1;
    rest = trim(line.substr(digits + 2));
    return std::stoi(std::string(line.substr(0, digits)));
}

void append_text(std::vector<MarkupSpan>& spans, std::string_view text, bool emphasis)
{
    if (text.empty())
        return;
    if (!spans.empty() && spans.back().emphasis == emphasis)
        spans.back().text += text;
    else
        spans.push_back({std::string(text), emphasis});
}

} // namespace

std::vector<MarkupSpan> parse_markup_spans(std::string_view line)
{
    std::vector<MarkupSpan> spans;
    while (!line.empty()) {
        auto open = line.find("**");
        auto close = open == std::string_view::npos ? open : line.find("**", open + 2);
        if (close == std::string_view::npos) {
            append_text(spans, line, false);
            break;
        }
        append_text(spans, line.substr(0, open), false);
        append_text(spans, line.substr(open + 2, close - open - 2), true);
        line.remove_prefix(close + 2);
    }
    return spans;
}

std::vector<MarkupBlock> parse_slide_markup(std::string_view body)
{
    std::vector<MarkupBlock> blocks;
    bool paragraph_open = false;
    while (true) {
        auto newline = body.find('\n');
        std::string_view line = trim(body.substr(0, newline));

        // 1. A blank line ends a paragraph.
        if (line.empty()) {
            paragraph_open = false;
        } else if (line.rfind("- ", 0) == 0 || line.rfind("\xE3\x83\xBB", 0) == 0) {
            // 2. A bullet: "- " or the Japanese middle dot "・".
            std::size_t marker = line[0] == '-' ? 2 : 3;
            blocks.push_back({MarkupBlockKind::bullet, 0, parse_markup_spans(trim(
                line.substr(marker)))});
            paragraph_open = false;
        } else if (std::string_view rest; numbered_prefix(line, rest) >= 0) {
            // 3. A numbered item keeps the number written.
            int number = numbered_prefix(line, rest);
            blocks.push_back({MarkupBlockKind::numbered, number, parse_markup_spans(rest)});
            paragraph_open = false;
        } else if (paragraph_open) {
            // 4. Lines of one paragraph are joined; a line break stays a line break.
            auto spans = parse_markup_spans(line);
            append_text(blocks.back().spans, "\n", false);
            for (auto& span : spans)
                append_text(blocks.back().spans, span.text, span.emphasis);
        } else {
            blocks.push_back({MarkupBlockKind::paragraph, 0, parse_markup_spans(line)});
            paragraph_open = true;
        }

        if (newline == std::string_view::npos)
            break;
        body.remove_prefix(newline + 1);
    }
    return blocks;
}

std::string markup_plain_text(std::string_view body)
{
    std::string text;
    for (auto const& block : parse_slide_markup(body)) {
        if (!text.empty())
            text += '\n';
        if (block.kind == MarkupBlockKind::bullet)
            text += "・";
        else if (block.kind == MarkupBlockKind::numbered)
            text += std::to_string(block.number) + ". ";
        for (auto const& span : block.spans)
            text += span.text;
    }
    return text;
}

} // namespace machiba::campaign
