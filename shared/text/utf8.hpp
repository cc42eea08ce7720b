// UTF-8 for the core: checking bytes that come from outside, decoding and encoding code points,
// and walking a string one code point at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace machiba::text {

// Why a byte sequence is not UTF-8. The names are stable codes (see utf8_error_code).
enum class Utf8ErrorKind {
    unexpected_continuation, // a 10xxxxxx byte where a sequence should start
    invalid_lead_byte,       // 0xC0, 0xC1 or 0xF5..0xFF, which never start a sequence
    truncated_sequence,      // the text ends, or a non-continuation byte comes, too early
    overlong_encoding,       // a code point written with more bytes than it needs
    surrogate,               // U+D800..U+DFFF, which UTF-8 may not carry
    out_of_range,            // above U+10FFFF
};

struct Utf8Error {
    Utf8ErrorKind kind;
    std::size_t offset; // byte offset of the first byte of the bad sequence

    // "invalid_utf8.<kind>", stable for callers and logs.
    std::string code() const;
    // A sentence that says what and where, e.g. "invalid UTF-8 at byte 12: truncated sequence".
    std::string message() const;
};

// The first error in text, or nothing when the whole text is valid UTF-8.
std::optional<Utf8Error> validate_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);

// One decoded code point and the number of bytes it took. On a bad sequence: U+FFFD and the
// number of bytes to skip (at least 1), so a loop always moves forward.
struct DecodedCodePoint {
    char32_t code_point;
    std::size_t length;
    bool valid;
};

constexpr char32_t replacement_character = U'\uFFFD';

// Decodes the code point that starts at text[offset]; offset must be < text.size().
DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset);

// Appends the UTF-8 bytes of code_point; surrogates and values above U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);
std::string encode_utf8(char32_t code_point);

// The text with every bad sequence replaced by U+FFFD: always valid UTF-8.
std::string sanitize_utf8(std::string_view text);

std::u32string to_code_points(std::string_view text);
std::string from_code_points(std::u32string_view code_points);

// Number of code points (bad sequences count as one each, as decode_utf8 steps over them).
std::size_t count_code_points(std::string_view text);

// A forward range over the code points of a UTF-8 string:
//   for (auto [code_point, offset] : CodePoints(text)) ...
class CodePoints {
public:
    struct Item {
        char32_t code_point;
        std::size_t offset; // byte offset of the code point in the text
    };

    class Iterator {
    public:
        Iterator(std::string_view text, std::size_t offset);
        Item operator*() const;
        Iterator& operator++();
        bool operator==(Iterator const& other) const { return m_offset == other.m_offset; }

    private:
        std::string_view m_text;
        std::size_t m_offset;
        DecodedCodePoint m_current;
    };

    explicit CodePoints(std::string_view text)
        : m_text(text)
    {
    }
    Iterator begin() const { return Iterator(m_text, 0); }
    Iterator end() const { return Iterator(m_text, m_text.size()); }

private:
    std::string_view m_text;
};

} // namespace machiba::text
