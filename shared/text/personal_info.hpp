// Finds and masks personal information in free text: Japanese phone numbers, e-mail addresses
// and street addresses, in any width and with the separators people actually type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace machiba::text {

enum class PersonalInfoKind { phone, email, address };

// "phone", "email", "address": stable names for reports and tests.
std::string_view personal_info_kind_name(PersonalInfoKind kind);

struct PersonalInfoMatch {
    PersonalInfoKind kind;
    std::size_t begin; // byte offset of the first byte in the input
    std::size_t end;   // byte offset one past the last byte
    std::string text;  // the matched bytes, as they were written
};

// Every phone number, e-mail address and street address in text, in order, never overlapping.
// Dates, prices, counts and times are not personal information and are left alone. Bad UTF-8
// is stepped over byte by byte, never an error: this only looks for things to hide.
std::vector<PersonalInfoMatch> find_personal_info(std::string_view text);

// The text with each match replaced by a placeholder naming its kind: [電話番号], [メール],
// [住所]. The rest of the text is kept byte for byte.
std::string mask_personal_info(std::string_view text);
std::string mask_personal_info(std::string_view text,
                               std::vector<PersonalInfoMatch> const& matches);

} // namespace machiba::text
