// Limits of the campaign format itself (not facts about the ward): they keep one campaign and
// one opinion to a size a phone can draw and a server can store without surprises.
#pragma once

#include <cstddef>

namespace machiba::campaign {

constexpr std::size_t max_id_length = 64;
constexpr std::size_t max_title_length = 120;    // code points
constexpr std::size_t max_summary_length = 400;  // code points
constexpr std::size_t max_long_text_length = 8000; // background, slide bodies, replies
constexpr std::size_t max_slides = 30;
constexpr std::size_t max_questions = 30;
constexpr std::size_t max_choices = 20;
constexpr std::size_t default_text_answer_length = 400;
constexpr std::size_t max_text_answer_length = 4000;
constexpr std::size_t max_image_source_length = 300000; // a small data: URL fits
constexpr int rating_lowest = 1;
constexpr int rating_highest = 5;
constexpr std::size_t min_idempotency_key_length = 8;
constexpr std::size_t max_idempotency_key_length = 128;

} // namespace machiba::campaign
