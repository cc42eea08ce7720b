// UTF-8 checking, decoding and encoding, written out by hand so that every error has a kind and
// an offset (utf8proc only says "invalid").
#include "shared/text/utf8.hpp"

namespace machiba::text {

namespace {

char const* kind_name(Utf8ErrorKind kind)
{
    switch (kind) {
    case Utf8ErrorKind::unexpected_continuation:
        return "unexpected_continuation";
    case Utf8ErrorKind::invalid_lead_byte:
        return "invalid_lead_byte";
    case Utf8ErrorKind::truncated_sequence:
        return "truncated_sequence";
    case Utf8ErrorKind::overlong_encoding:
        return "overlong_encoding";
    case Utf8ErrorKind::surrogate:
        return "surrogate";
    case Utf8ErrorKind::out_of_range:
        return "out_of_range";
    }
    return "unknown";
}

char const* kind_words(Utf8ErrorKind kind)
{
    switch (kind) {
    case Utf8ErrorKind::unexpected_continuation:
        return "a continuation byte where a character should start";
    case Utf8ErrorKind::invalid_lead_byte:
        return "a byte that never starts a character";
    case Utf8ErrorKind::truncated_sequence:
        return "a character cut short";
    case Utf8ErrorKind::overlong_encoding:
        return "an overlong encoding";
    case Utf8ErrorKind::surrogate:
        return "a UTF-16 surrogate";
    case Utf8ErrorKind::out_of_range:
        return "a code point above U+10FFFF";
    }
    return "an unknown problem";
}

struct Step {
    char32_t code_point;
    std::size_t length;
    std::optional<Utf8ErrorKind> error;
};

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes one sequence. On error, length is how many bytes belong to the bad sequence: the lead
// byte and the continuation bytes that followed it, so that one error is reported once.
Step step(std::string_view text, std::size_t offset)
{
    auto const lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80)
        return {lead, 1, std::nullopt};
    if (is_continuation(lead))
        return {replacement_character, 1, Utf8ErrorKind::unexpected_continuation};
    if (lead == 0xC0 || lead == 0xC1 || lead >= 0xF5)
        return {replacement_character, 1, Utf8ErrorKind::invalid_lead_byte};

    // 1. The length the lead byte announces, and the bits it carries.
    std::size_t const length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t code_point = lead & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F);

    // 2. The continuation bytes; a short sequence stops at the first byte that is not one.
    for (std::size_t i = 1; i < length; ++i) {
        if (offset + i >= text.size() ||
            !is_continuation(static_cast<unsigned char>(text[offset + i])))
            return {replacement_character, i, Utf8ErrorKind::truncated_sequence};
        code_point = (code_point << 6) | (static_cast<unsigned char>(text[offset + i]) & 0x3F);
    }

    // 3. Values that the byte pattern allows but UTF-8 forbids.
    char32_t const smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code_point < smallest)
        return {replacement_character, length, Utf8ErrorKind::overlong_encoding};
    if (code_point >= 0xD800 && code_point <= 0xDFFF)
        return {replacement_character, length, Utf8ErrorKind::surrogate};
    if (code_point > 0x10FFFF)
        return {replacement_character, length, Utf8ErrorKind::out_of_range};
    return {code_point, length, std::nullopt};
}

} // namespace

std::string Utf8Error::code() const { return std::string("invalid_utf8.") + kind_name(kind); }

std::string Utf8Error::message() const
{
    return "invalid UTF-8 at byte " + std::to_string(offset) + ": " + kind_words(kind);
}

std::optional<Utf8Error> validate_utf8(std::string_view text)
{
    std::size_t offset = 0;
    while (offset < text.size()) {
        auto const decoded = step(text, offset);
        if (decoded.error)
            return Utf8Error{*decoded.error, offset};
        offset += decoded.length;
    }
    return std::nullopt;
}

bool is_valid_utf8(std::string_view text) { return !validate_utf8(text).has_value(); }

DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset)
{
    auto const decoded = step(text, offset);
    return {decoded.code_point, decoded.length, !decoded.error.has_value()};
}

void append_utf8(std::string& out, char32_t code_point)
{
    if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF)
        code_point = replacement_character;

    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

std::string encode_utf8(char32_t code_point)
{
    std::string out;
    append_utf8(out, code_point);
    return out;
}

std::string sanitize_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (auto [code_point, offset] : CodePoints(text))
        append_utf8(out, code_point);
    return out;
}

std::u32string to_code_points(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (auto [code_point, offset] : CodePoints(text))
        out.push_back(code_point);
    return out;
}

std::string from_code_points(std::u32string_view code_points)
{
    std::string out;
    out.reserve(code_points.size());
    for (char32_t code_point : code_points)
        append_utf8(out, code_point);
    return out;
}

std::size_t count_code_points(std::string_view text)
{
    std::size_t count = 0;
    for (auto item : CodePoints(text)) {
        (void)item;
        ++count;
    }
    return count;
}

CodePoints::Iterator::Iterator(std::string_view text, std::size_t offset)
    : m_text(text)
    , m_offset(offset)
    , m_current{0, 0, true}
{
    if (m_offset < m_text.size())
        m_current = decode_utf8(m_text, m_offset);
}

CodePoints::Item CodePoints::Iterator::operator*() const
{
    return {m_current.code_point, m_offset};
}

CodePoints::Iterator& CodePoints::Iterator::operator++()
{
    m_offset += m_current.length;
    if (m_offset < m_text.size())
        m_current = decode_utf8(m_text, m_offset);
    return *this;
}

} // namespace machiba::text
