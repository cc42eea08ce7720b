// Personal-information detection by hand-written scanners over width-folded code points: phone
// numbers first, then e-mail addresses, then street addresses, each claiming what it matched so
// that a later scanner never reads a phone number as a block number.
#include "shared/text/personal_info.hpp"

#include "shared/text/char_class.hpp"
#include "shared/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace machiba::text {

namespace {

// One code point after width folding, and where it started in the input.
struct Unit {
    char32_t code_point;
    std::size_t offset;
};

// Full-width ASCII to ASCII, the ideographic space to a space, and every dash people type
// between digits to '-'. The long-vowel mark ー is kept: it is part of katakana words, and only
// the phone scanner treats it as a dash.
char32_t fold_width(char32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    if (c == 0x3000)
        return U' ';
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFE58 || c == 0x2043)
        return U'-';
    return c;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool is_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
bool is_letter(char32_t c) { return is_upper(c) || is_lower(c); }
bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }

bool is_kanji_digit(char32_t c)
{
    return std::u32string_view(U"〇一二三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

bool is_kanji(char32_t c) { return char_class(c) == CharClass::kanji; }
bool is_katakana(char32_t c) { return char_class(c) == CharClass::katakana; }

// Kanji, katakana and の (as in 旗の台) make up the names of towns.
bool is_place_char(char32_t c) { return is_kanji(c) || is_katakana(c) || c == U'の'; }

bool is_phone_separator(char32_t c)
{
    return c == U'-' || c == U' ' || c == U'.' || c == U'(' || c == U')' || c == 0x30FC
        || c == 0xFF70;
}

bool is_local_part_char(char32_t c)
{
    return is_alnum(c) || c == U'.' || c == U'_' || c == U'%' || c == U'+' || c == U'-';
}

bool is_domain_char(char32_t c) { return is_alnum(c) || c == U'.' || c == U'-'; }

// Characters that, right after a number, say it counts or measures something: 10-20人, 3-5歳.
bool is_counter(char32_t c)
{
    return std::u32string_view(U"年月日時分秒歳才人名回個件円%代週階倍点位部枚本台冊度割万億千")
               .find(c)
        != std::u32string_view::npos;
}

constexpr std::array<std::u32string_view, 47> prefectures = {
    U"北海道", U"青森県",   U"岩手県", U"宮城県",   U"秋田県", U"山形県", U"福島県", U"茨城県",
    U"栃木県", U"群馬県",   U"埼玉県", U"千葉県",   U"東京都", U"神奈川県", U"新潟県", U"富山県",
    U"石川県", U"福井県",   U"山梨県", U"長野県",   U"岐阜県", U"静岡県", U"愛知県", U"三重県",
    U"滋賀県", U"京都府",   U"大阪府", U"兵庫県",   U"奈良県", U"和歌山県", U"鳥取県", U"島根県",
    U"岡山県", U"広島県",   U"山口県", U"徳島県",   U"香川県", U"愛媛県", U"高知県", U"福岡県",
    U"佐賀県", U"長崎県",   U"熊本県", U"大分県",   U"宮崎県", U"鹿児島県", U"沖縄県",
};

// Words that say what follows is where someone lives: a bare 1-2 after them is an address.
constexpr std::array<std::u32string_view, 7> address_contexts = {
    U"住所", U"在住", U"住ん", U"自宅", U"宛", U"address", U"Address",
};

constexpr std::array<std::u32string_view, 8> phone_contexts = {
    U"電話", U"TEL", U"Tel", U"tel", U"携帯", U"連絡", U"FAX", U"phone",
};

constexpr std::array<std::u32string_view, 10> street_suffixes = {
    U"Street", U"St", U"Avenue", U"Ave", U"Road", U"Rd", U"Boulevard", U"Lane", U"Drive", U"Dori",
};

// What a chain of block numbers looked like: 3-2-1, 三丁目5番地, 1丁目2番3号.
struct Chain {
    std::size_t end = 0;
    int numbers = 0;
    int dashes = 0;
    bool marker = false;          // 丁目, 番地, 番 (before a number), 号
    std::size_t first_digits = 0; // digits in the first number
    std::size_t most_digits = 0;  // digits in the longest number
};

class Scanner {
public:
    explicit Scanner(std::string_view text)
        : m_text(text)
    {
        for (std::size_t offset = 0; offset < text.size();) {
            auto decoded = decode_utf8(text, offset);
            m_units.push_back({fold_width(decoded.code_point), offset});
            offset += decoded.length;
        }
        m_claimed.assign(m_units.size(), false);
    }

    std::vector<PersonalInfoMatch> run()
    {
        for (std::size_t i = 0; i < m_units.size(); ++i)
            scan_phone(i);
        for (std::size_t i = 0; i < m_units.size(); ++i)
            scan_email(i);
        for (std::size_t i = 0; i < m_units.size(); ++i)
            scan_address(i);

        std::sort(m_found.begin(), m_found.end(),
                  [](auto const& a, auto const& b) { return a.begin < b.begin; });
        return std::move(m_found);
    }

private:
    char32_t at(std::size_t i) const { return i < m_units.size() ? m_units[i].code_point : 0; }
    char32_t before(std::size_t i) const { return i > 0 ? at(i - 1) : 0; }

    bool matches(std::size_t i, std::u32string_view word) const
    {
        for (std::size_t k = 0; k < word.size(); ++k) {
            if (at(i + k) != word[k])
                return false;
        }
        return true;
    }

    bool free_range(std::size_t begin, std::size_t end) const
    {
        for (std::size_t k = begin; k < end; ++k) {
            if (m_claimed[k])
                return false;
        }
        return true;
    }

    // Some word of the list ends within `window` units before position i.
    template <std::size_t N>
    bool preceded_by(std::size_t i, std::array<std::u32string_view, N> const& words,
                     std::size_t window) const
    {
        std::size_t const from = i > window ? i - window : 0;
        for (std::size_t k = from; k < i; ++k) {
            for (auto word : words) {
                if (matches(k, word))
                    return true;
            }
        }
        return false;
    }

    void claim(PersonalInfoKind kind, std::size_t begin, std::size_t end)
    {
        // Spaces, commas and dashes at either edge belong to the sentence, not the match.
        auto trimmed = [this](char32_t c) { return c == U' ' || c == U',' || c == U'-'; };
        while (end > begin && trimmed(at(end - 1)))
            --end;
        while (begin < end && trimmed(at(begin)))
            ++begin;
        if (begin >= end || !free_range(begin, end))
            return;

        for (std::size_t k = begin; k < end; ++k)
            m_claimed[k] = true;
        std::size_t const byte_begin = m_units[begin].offset;
        std::size_t const byte_end = end < m_units.size() ? m_units[end].offset : m_text.size();
        m_found.push_back({kind, byte_begin, byte_end,
                           std::string(m_text.substr(byte_begin, byte_end - byte_begin))});
    }

    // --- phone numbers ---------------------------------------------------------------------

    static bool valid_phone_digits(std::string digits, bool international)
    {
        if (international) {
            if (digits.rfind("81", 0) != 0)
                return false;
            digits = digits.substr(2);
            if (!digits.empty() && digits[0] == '0')
                digits = digits.substr(1); // +81 (0)3 ... and +81 03 ...
            digits = "0" + digits;
        }
        if (digits.size() < 10 || digits[0] != '0')
            return false;
        if (digits.size() == 10)
            return digits[1] != '0';
        if (digits.size() == 11) {
            auto const prefix = digits.substr(0, 3);
            return prefix == "020" || prefix == "050" || prefix == "060" || prefix == "070"
                || prefix == "080" || prefix == "090" || digits.rfind("0800", 0) == 0;
        }
        return false;
    }

    void scan_phone(std::size_t i)
    {
        // 1. A phone number starts at a digit, '+' or '(' that does not continue a number.
        char32_t const first = at(i);
        char32_t const previous = before(i);
        if (m_claimed[i] || is_digit(previous) || previous == U'.' || previous == U','
            || previous == U'+')
            return;
        bool const international = first == U'+';
        if (!is_digit(first) && !(international && is_digit(at(i + 1)))
            && !(first == U'(' && is_digit(at(i + 1))))
            return;

        // 2. Read digits and separators (at most two in a row), noting where each group ends.
        std::string digits;
        std::vector<std::pair<std::size_t, std::size_t>> group_ends; // digit count, unit end
        std::size_t j = international ? i + 1 : i;
        int separators_in_row = 0;
        while (j < m_units.size() && digits.size() <= 13) {
            char32_t const c = at(j);
            if (is_digit(c)) {
                digits.push_back(static_cast<char>(c));
                separators_in_row = 0;
            } else if (is_phone_separator(c) && separators_in_row < 2) {
                if (separators_in_row == 0 && !digits.empty())
                    group_ends.push_back({digits.size(), j});
                ++separators_in_row;
            } else {
                break;
            }
            ++j;
        }
        if (separators_in_row == 0 && !digits.empty() && !is_digit(at(j)))
            group_ends.push_back({digits.size(), j});

        // 3. The longest run of whole groups that makes a valid Japanese number wins.
        for (auto it = group_ends.rbegin(); it != group_ends.rend(); ++it) {
            auto const [count, end] = *it;
            std::string const prefix = digits.substr(0, count);
            bool const local_with_context = !international && count == 8
                && group_ends.size() >= 2 && group_ends[0].first == 4
                && preceded_by(i, phone_contexts, 8);
            if (valid_phone_digits(prefix, international) || local_with_context) {
                std::size_t stop = end;
                if (at(stop) == U')' && first == U'(')
                    ++stop;
                claim(PersonalInfoKind::phone, i, stop);
                return;
            }
        }
    }

    // --- e-mail addresses ------------------------------------------------------------------

    void scan_email(std::size_t i)
    {
        // 1. The at sign, written as @, ＠, (at) or [at].
        std::size_t after_at = 0;
        if (at(i) == U'@')
            after_at = i + 1;
        else if (matches(i, U"(at)") || matches(i, U"[at]"))
            after_at = i + 4;
        else
            return;

        // 2. The local part to the left, the domain to the right.
        std::size_t begin = i;
        if (begin > 1 && at(begin - 1) == U' ' && is_alnum(at(begin - 2)))
            --begin; // "name @ example.com"
        while (begin > 0 && is_local_part_char(at(begin - 1)) && !m_claimed[begin - 1])
            --begin;
        while (begin < i && (at(begin) == U'.' || at(begin) == U' '))
            ++begin;
        std::size_t domain_begin = after_at;
        while (at(domain_begin) == U' ')
            ++domain_begin;
        std::size_t end = domain_begin;
        while (end < m_units.size() && is_domain_char(at(end)))
            ++end;
        while (end > domain_begin && (at(end - 1) == U'.' || at(end - 1) == U'-'))
            --end;
        if (begin == i || end == domain_begin)
            return;

        // 3. The domain needs a dot and a top-level label of two letters or more.
        std::size_t last_dot = end;
        for (std::size_t k = domain_begin; k < end; ++k) {
            if (at(k) == U'.') {
                if (k == domain_begin || at(k - 1) == U'.')
                    return;
                last_dot = k;
            }
        }
        if (last_dot == end || end - last_dot - 1 < 2)
            return;
        for (std::size_t k = last_dot + 1; k < end; ++k) {
            if (!is_letter(at(k)))
                return;
        }
        claim(PersonalInfoKind::email, begin, end);
    }

    // --- street addresses ------------------------------------------------------------------

    std::size_t number_end(std::size_t i) const
    {
        std::size_t j = i;
        if (is_digit(at(j))) {
            while (is_digit(at(j)))
                ++j;
        } else {
            while (is_kanji_digit(at(j)))
                ++j;
        }
        return j;
    }

    Chain read_chain(std::size_t i) const
    {
        Chain chain;
        std::size_t k = i;
        while (true) {
            std::size_t const end = number_end(k);
            if (end == k)
                break;
            if (chain.numbers == 0)
                chain.first_digits = end - k;
            chain.most_digits = std::max(chain.most_digits, end - k);
            ++chain.numbers;
            k = end;
            chain.end = k;

            if (matches(k, U"丁目") || matches(k, U"番地") || matches(k, U"号室")) {
                k += 2;
            } else if (matches(k, U"番") && (number_end(k + 1) > k + 1 || chain.marker)) {
                k += 1;
            } else if (matches(k, U"号") && chain.numbers > 1) {
                k += 1;
            } else if ((at(k) == U'-' || at(k) == U'の') && is_digit(at(k + 1))) {
                chain.dashes += at(k) == U'-';
                k += 1;
                continue;
            } else {
                break;
            }
            chain.marker = true;
            chain.end = k;
            if (at(k) == U'-' && is_digit(at(k + 1))) {
                ++chain.dashes;
                ++k;
            }
        }
        return chain;
    }

    // The start of the place name that ends just before i: kanji, katakana and の, across one
    // space when the part before it ends like a prefecture or a city (東京都 品川区 西品川).
    std::size_t place_start(std::size_t i) const
    {
        std::size_t start = i;
        std::size_t const limit = i > 24 ? i - 24 : 0;
        while (start > limit) {
            if (is_place_char(at(start - 1)) && !m_claimed[start - 1]) {
                --start;
                continue;
            }
            bool const gap = at(start - 1) == U' ' && start >= 2
                && std::u32string_view(U"都道府県区市町村").find(at(start - 2))
                    != std::u32string_view::npos;
            bool const first_gap = start == i && at(start - 1) == U' ' && start >= 2
                && is_place_char(at(start - 2));
            if (!(gap && start != i) && !first_gap)
                break;
            --start;
        }
        while (start < i && at(start) == U'の')
            ++start;
        return start;
    }

    bool run_has(std::size_t begin, std::size_t end, std::u32string_view chars) const
    {
        for (std::size_t k = begin; k < end; ++k) {
            if (chars.find(at(k)) != std::u32string_view::npos)
                return true;
        }
        return false;
    }

    // After a place name or a postcode: the rest of the address (town name, block numbers).
    std::size_t extend_forward(std::size_t k) const
    {
        if (at(k) == U' ' && (is_place_char(at(k + 1)) || is_digit(at(k + 1))))
            ++k;
        while (is_place_char(at(k)) && !is_kanji_digit(at(k)))
            ++k;
        if (at(k) == U' ' && is_digit(at(k + 1)))
            ++k;
        Chain const chain = read_chain(k);
        return chain.numbers > 0 && (chain.marker || chain.dashes > 0) ? chain.end : k;
    }

    // English forms: "1-14-1 Oi, Shinagawa-ku, Tokyo 140-0001": capitalised words, hyphenated
    // suffixes, commas and a postcode, until a lower-case word or other punctuation.
    std::size_t extend_english(std::size_t k) const
    {
        std::size_t end = k;
        while (true) {
            std::size_t j = end;
            if (at(j) == U',')
                ++j;
            if (at(j) == U' ')
                ++j;
            if (is_upper(at(j))) {
                while (is_letter(at(j)) || (at(j) == U'-' && is_letter(at(j + 1))))
                    ++j;
                end = j;
            } else if (is_digit(at(j)) && is_digit(at(j + 2)) && is_digit(at(j + 1))
                       && (at(j + 3) == U'-' || is_digit(at(j + 3)))) {
                while (is_digit(at(j)) || at(j) == U'-')
                    ++j;
                end = j;
            } else {
                return end;
            }
        }
    }

    void scan_address(std::size_t i)
    {
        if (m_claimed[i])
            return;

        // 1. A postcode: 〒140-0001, then whatever address follows it.
        if (at(i) == U'〒') {
            std::size_t k = i + 1;
            while (at(k) == U' ')
                ++k;
            Chain const code = read_chain(k);
            if (code.numbers == 2 && code.first_digits == 3)
                claim(PersonalInfoKind::address, i, extend_forward(code.end));
            return;
        }

        // 2. A prefecture followed by a municipality: 東京都品川区...
        for (auto prefecture : prefectures) {
            if (!matches(i, prefecture))
                continue;
            std::size_t k = i + prefecture.size();
            if (at(k) == U' ')
                ++k;
            std::size_t run_end = k;
            while (is_place_char(at(run_end)) && !is_kanji_digit(at(run_end)))
                ++run_end;
            if (run_has(k, run_end, U"区市町村郡"))
                claim(PersonalInfoKind::address, i, extend_forward(run_end));
            return;
        }

        // 3. Block numbers after a town name: 西品川3-16-28, 大井一丁目2番3号, 広町2丁目.
        bool const number_start = (is_digit(at(i)) && !is_digit(before(i)))
            || (is_kanji_digit(at(i)) && !is_kanji_digit(before(i)));
        if (!number_start)
            return;
        Chain const chain = read_chain(i);
        if (chain.numbers == 0)
            return;
        std::size_t const start = place_start(i);
        std::size_t const place_length = i - start;
        bool const counted = is_counter(at(chain.end));
        bool const leading_word = place_length > 0
            && std::u32string_view(U"第約計全各毎").find(at(i - 1)) != std::u32string_view::npos;
        bool const in_city = run_has(start, i, U"区市町村");
        bool const context = preceded_by(start, address_contexts, 8);
        if (chain.most_digits > 4 && !chain.marker)
            return;
        if (place_length == 0 && is_digit(at(i)) && scan_english_address(i, chain))
            return;
        if (is_digit(at(i)) && chain.marker && place_length > 0 && !leading_word) {
            claim(PersonalInfoKind::address, start, chain.end);
            return;
        }
        if (chain.marker && chain.numbers >= 2 && !counted) {
            claim(PersonalInfoKind::address, start, chain.end);
            return;
        }
        if (!is_digit(at(i)) && chain.marker && place_length > 0 && !leading_word
            && !counted) {
            claim(PersonalInfoKind::address, start, chain.end);
            return;
        }
        bool const plausible_block = chain.first_digits <= 3 || in_city;
        if (chain.dashes >= 2 && !counted && plausible_block
            && (place_length > 0 || context) && !leading_word) {
            claim(PersonalInfoKind::address, start, chain.end);
            return;
        }
        if (chain.dashes == 1 && !counted && chain.first_digits <= 3 && !leading_word
            && ((place_length >= 2 && in_city) || context)) {
            claim(PersonalInfoKind::address, start, chain.end);
            return;
        }

    }

    bool has_street_word(std::size_t begin, std::size_t end) const
    {
        for (std::size_t j = begin; j < end; ++j) {
            if (at(j) != U' ')
                continue;
            for (auto suffix : street_suffixes) {
                std::size_t const after = j + 1 + suffix.size();
                if (after <= end + 1 && matches(j + 1, suffix) && !is_letter(at(after)))
                    return true;
            }
        }
        return false;
    }

    // English forms: a block number before capitalised words, or capitalised words before it.
    bool scan_english_address(std::size_t i, Chain const& chain)
    {
        if (is_alnum(before(i)))
            return false;

        // 1. Capitalised words just before the number (Nishi-Shinagawa 3-16-28), at most three.
        std::size_t begin = i;
        int words_before = 0;
        while (begin >= 2 && at(begin - 1) == U' ' && words_before < 3) {
            std::size_t j = begin - 1;
            while (j > 0 && (is_letter(at(j - 1)) || at(j - 1) == U'-'))
                --j;
            if (j == begin - 1 || !is_upper(at(j)) || !is_lower(at(j + 1)))
                break;
            begin = j;
            ++words_before;
        }

        // 2. The number, then capitalised words, commas and a postcode after it.
        std::size_t k = i;
        while (is_digit(at(k)) || (at(k) == U'-' && is_digit(at(k + 1))))
            ++k;
        std::size_t end = k;
        std::size_t words_after = 0;
        bool street = false;
        std::size_t name = at(k) == U',' ? k + 1 : k;
        if (at(name) == U' ' && is_upper(at(name + 1))) {
            end = extend_english(name);
            street = has_street_word(name, end);
            for (std::size_t j = name; j < end; ++j)
                words_after += at(j) == U' ';
        }

        // 3. A block number with a place on either side, or a number on a named street.
        bool const block = chain.dashes >= 2 || (chain.dashes == 1 && words_after > 0);
        if ((block && (words_before > 0 || words_after > 0)) || (street && words_after <= 4)) {
            claim(PersonalInfoKind::address, words_before > 0 ? begin : i, end);
            return true;
        }
        return false;
    }

    std::string_view m_text;
    std::vector<Unit> m_units;
    std::vector<bool> m_claimed;
    std::vector<PersonalInfoMatch> m_found;
};

std::string_view placeholder(PersonalInfoKind kind)
{
    switch (kind) {
    case PersonalInfoKind::phone:
        return "[電話番号]";
    case PersonalInfoKind::email:
        return "[メール]";
    case PersonalInfoKind::address:
        return "[住所]";
    }
    return "[個人情報]";
}

} // namespace

std::string_view personal_info_kind_name(PersonalInfoKind kind)
{
    switch (kind) {
    case PersonalInfoKind::phone:
        return "phone";
    case PersonalInfoKind::email:
        return "email";
    case PersonalInfoKind::address:
        return "address";
    }
    return "unknown";
}

// Every match needs a digit, an at sign, a postcode mark or a prefecture; most opinions have
// none, and a byte scan for them is far cheaper than decoding the text.
bool might_contain_personal_info(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if ((c >= '0' && c <= '9') || c == '@' || c == '[' || c == '(')
            return true;
        if (c < 0xE0 || i + 2 >= text.size())
            continue;
        auto const b1 = static_cast<unsigned char>(text[i + 1]);
        auto const b2 = static_cast<unsigned char>(text[i + 2]);
        bool const full_width_digit_or_at = c == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0xA0;
        bool const postcode = c == 0xE3 && b1 == 0x80 && b2 == 0x92;        // 〒
        bool const chome = c == 0xE4 && b1 == 0xB8 && b2 == 0x81;           // 丁
        bool const ban = c == 0xE7 && b1 == 0x95 && b2 == 0xAA;             // 番
        bool const to = c == 0xE9 && b1 == 0x83 && b2 == 0xBD;              // 都
        bool const fu = c == 0xE5 && b1 == 0xBA && b2 == 0x9C;              // 府
        bool const ken = c == 0xE7 && b1 == 0x9C && b2 == 0x8C;             // 県
        bool const dou = c == 0xE9 && b1 == 0x81 && b2 == 0x93;             // 道 (北海道)
        if (full_width_digit_or_at || postcode || chome || ban || to || fu || ken || dou)
            return true;
    }
    return false;
}

std::vector<PersonalInfoMatch> find_personal_info(std::string_view text)
{
    if (!might_contain_personal_info(text))
        return {};
    return Scanner(text).run();
}

std::string mask_personal_info(std::string_view text)
{
    return mask_personal_info(text, find_personal_info(text));
}

std::string mask_personal_info(std::string_view text,
                               std::vector<PersonalInfoMatch> const& matches)
{
    std::string masked;
    masked.reserve(text.size());
    std::size_t position = 0;
    for (auto const& match : matches) {
        if (match.begin < position || match.end > text.size())
            continue;
        masked.append(text.substr(position, match.begin - position));
        masked.append(placeholder(match.kind));
        position = match.end;
    }
    masked.append(text.substr(position));
    return masked;
}

} // namespace machiba::text
