// Character classes by code point range and Unicode category.
#include "shared/text/char_class.hpp"

#include <utf8proc.h>

namespace machiba::text {

CharClass char_class(char32_t c)
{
    // 1. Japanese scripts by range, before the general categories (ー is a letter modifier).
    if ((c >= 0x3041 && c <= 0x309F))
        return CharClass::hiragana;
    if ((c >= 0x30A0 && c <= 0x30FF && c != 0x30FB) || (c >= 0x31F0 && c <= 0x31FF)
        || (c >= 0xFF66 && c <= 0xFF9F))
        return c == 0x30F6 ? CharClass::kanji : CharClass::katakana; // ヶ as in 三ヶ月
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005
        || c == 0x3006)
        return CharClass::kanji;

    // 2. Everything else by its Unicode category.
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: {
        bool const latin = c <= 0x024F || (c >= 0x1E00 && c <= 0x1EFF)
            || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
        return latin ? CharClass::latin : CharClass::other;
    }
    case UTF8PROC_CATEGORY_ND:
        return CharClass::digit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return CharClass::space;
    case UTF8PROC_CATEGORY_CC:
        return (c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) ? CharClass::space
                                                                              : CharClass::other;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return CharClass::symbol;
    default:
        return CharClass::other;
    }
}

std::string_view char_class_name(CharClass char_class)
{
    switch (char_class) {
    case CharClass::kanji:
        return "kanji";
    case CharClass::hiragana:
        return "hiragana";
    case CharClass::katakana:
        return "katakana";
    case CharClass::latin:
        return "latin";
    case CharClass::digit:
        return "digit";
    case CharClass::space:
        return "space";
    case CharClass::symbol:
        return "symbol";
    case CharClass::other:
        return "other";
    }
    return "other";
}

} // namespace machiba::text
