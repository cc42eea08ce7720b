// NFKC through utf8proc, and the matching fold built on it (see normalize.hpp for the steps).
#include "shared/text/normalize.hpp"

#include "shared/text/utf8.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace machiba::text {

namespace {

constexpr auto nfkc_options = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
constexpr auto fold_options = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);

// The vowel a hiragana ends in, to tell a stretching small vowel (たぁ) from a spelling one (ふぁ).
enum Vowel : unsigned char { none, a, i, u, e, o };

Vowel vowel_of(char32_t hiragana)
{
    // One entry per code point from ぁ (U+3041) to ゖ (U+3096).
    static constexpr char table[] = "aaiiuueeooaaiiuueeoo" // ぁ..ご
                                    "aaiiuueeoo"           // さ..ぞ
                                    "aaiiuuueeoo"          // た..ど
                                    "aiueo"                // な..の
                                    "aaaiiiuuueeeooo"      // は..ぽ
                                    "aiueo"                // ま..も
                                    "aauuoo"               // ゃ..よ
                                    "aiueo"                // ら..ろ
                                    "aaieon"               // ゎ..ん
                                    "uae";                 // ゔ ゕ ゖ
    static_assert(sizeof(table) - 1 == 0x3096 - 0x3041 + 1);
    if (hiragana < 0x3041 || hiragana > 0x3096)
        return none;
    switch (table[hiragana - 0x3041]) {
    case 'a':
        return a;
    case 'i':
        return i;
    case 'u':
        return u;
    case 'e':
        return e;
    case 'o':
        return o;
    default:
        return none;
    }
}

bool is_small_vowel(char32_t c)
{
    return c == U'ぁ' || c == U'ぃ' || c == U'ぅ' || c == U'ぇ' || c == U'ぉ';
}

char32_t full_size_kana(char32_t c)
{
    switch (c) {
    case U'ぁ':
    case U'ぃ':
    case U'ぅ':
    case U'ぇ':
    case U'ぉ':
    case U'っ':
    case U'ゃ':
    case U'ゅ':
    case U'ょ':
    case U'ゎ':
        return c + 1;
    case U'ゕ':
        return U'か';
    case U'ゖ':
        return U'け';
    default:
        return c;
    }
}

bool is_kana(char32_t c) { return c >= 0x3041 && c <= 0x309F; }

enum class Fate { keep, drop, boundary };

Fate fate_of(char32_t c)
{
    if (c == U'ー' || c == U'〜' || c == U'〰' || c == U'~')
        return Fate::drop;

    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return Fate::boundary;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
        return Fate::drop;
    default:
        return Fate::keep;
    }
}

// A run is a character and the combining marks after it; NFKC composes within runs only, so
// each run's output can be traced to the run's first byte. The half-width voiced marks ﾞ ﾟ join
// the run before them because NFKC turns them into combining marks.
bool starts_run(char32_t c)
{
    if (c == 0xFF9E || c == 0xFF9F)
        return false;
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class == 0;
}

// NFKC with case folding of one run, appended to out.
void fold_run(std::string_view run, std::vector<utf8proc_int32_t>& buffer, std::u32string& out)
{
    // A bad UTF-8 sequence always forms a run of its own; it folds as U+FFFD.
    std::string clean;
    if (!is_valid_utf8(run)) {
        clean = sanitize_utf8(run);
        run = clean;
    }
    auto const* bytes = reinterpret_cast<utf8proc_uint8_t const*>(run.data());
    auto const length = static_cast<utf8proc_ssize_t>(run.size());

    // 1. Decompose (compatibility, case folded), growing the buffer if the first try was short.
    utf8proc_ssize_t count = utf8proc_decompose(bytes, length, buffer.data(),
        static_cast<utf8proc_ssize_t>(buffer.size()), fold_options);
    if (count > static_cast<utf8proc_ssize_t>(buffer.size())) {
        buffer.resize(static_cast<std::size_t>(count));
        count = utf8proc_decompose(bytes, length, buffer.data(), count, fold_options);
    }
    if (count < 0)
        return;

    // 2. Compose again.
    count = utf8proc_normalize_utf32(buffer.data(), count, fold_options);
    for (utf8proc_ssize_t k = 0; k < count; ++k)
        out.push_back(static_cast<char32_t>(buffer[static_cast<std::size_t>(k)]));
}

} // namespace

std::string nfkc(std::string_view text)
{
    auto const clean = sanitize_utf8(text);
    utf8proc_uint8_t* mapped = nullptr;
    auto const length = utf8proc_map(reinterpret_cast<utf8proc_uint8_t const*>(clean.data()),
        static_cast<utf8proc_ssize_t>(clean.size()), &mapped, nfkc_options);
    if (length < 0) {
        // Only an allocation failure can get here, as the input is valid UTF-8.
        std::free(mapped);
        return clean;
    }
    std::string out(reinterpret_cast<char const*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return out;
}

char32_t katakana_to_hiragana(char32_t c)
{
    if (c >= 0x30A1 && c <= 0x30F6)
        return c - 0x60;
    if (c == 0x30FD || c == 0x30FE) // ヽ ヾ
        return c - 0x60;
    return c;
}

FoldedText fold_with_offsets(std::string_view text, FoldOptions options)
{
    FoldedText folded;
    folded.text.reserve(text.size());
    folded.source_offsets.reserve(text.size());

    std::vector<utf8proc_int32_t> buffer(32);
    std::u32string run_output;
    char32_t previous = 0;     // the last character written, after folding
    int repeats = 0;           // how many times in a row it was written
    bool pending_boundary = false;

    auto emit = [&](char32_t c, std::size_t source) {
        if (pending_boundary && !folded.text.empty()) {
            folded.text.push_back(' ');
            folded.source_offsets.push_back(source);
        }
        pending_boundary = false;

        // A letter repeated three times or more is cut (kana to one, latin to two). Digits and
        // kanji are never cut: 1111 is a number, not a stretch.
        repeats = c == previous ? repeats + 1 : 1;
        previous = c;
        if (repeats >= 3 && (is_kana(c) || (c >= U'a' && c <= U'z'))) {
            if (is_kana(c) && repeats == 3) {
                // Take back the second copy written before we knew it was a stretch.
                auto const width = encode_utf8(c).size();
                folded.text.resize(folded.text.size() - width);
                folded.source_offsets.resize(folded.source_offsets.size() - width);
            }
            return;
        }

        append_utf8(folded.text, c);
        folded.source_offsets.resize(folded.text.size(), source);
    };

    auto flush_run = [&](std::size_t run_start, std::size_t run_end) {
        run_output.clear();
        fold_run(text.substr(run_start, run_end - run_start), buffer, run_output);
        for (char32_t c : run_output) {
            switch (fate_of(c)) {
            case Fate::drop:
                continue;
            case Fate::boundary:
                pending_boundary = options.keep_boundaries;
                previous = 0;
                repeats = 0;
                continue;
            case Fate::keep:
                break;
            }

            c = katakana_to_hiragana(c);
            if (is_small_vowel(c) && vowel_of(previous) != none
                && vowel_of(previous) == vowel_of(full_size_kana(c)))
                continue;
            emit(full_size_kana(c), run_start);
        }
    };

    // Walk the input by runs. Bad UTF-8 becomes U+FFFD, which the fold drops like a symbol.
    std::size_t run_start = 0;
    bool in_run = false;
    for (auto [c, offset] : CodePoints(text)) {
        if (in_run && starts_run(c)) {
            flush_run(run_start, offset);
            run_start = offset;
        }
        if (!in_run) {
            run_start = offset;
            in_run = true;
        }
    }
    if (in_run)
        flush_run(run_start, text.size());
    return folded;
}

std::string fold_for_matching(std::string_view text) { return fold_with_offsets(text).text; }

std::string fold_for_matching(std::string_view text, FoldOptions options)
{
    return fold_with_offsets(text, options).text;
}

} // namespace machiba::text
