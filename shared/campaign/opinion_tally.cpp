// OpinionTally: one pass over stored answers.
#include "shared/campaign/opinion_tally.hpp"

#include "shared/calendar/japan_time.hpp"
#include "shared/campaign/campaign_limits.hpp"

namespace machiba::campaign {

OpinionTallyBuilder::OpinionTallyBuilder(Campaign const& campaign)
    : m_campaign(campaign)
{
    for (auto const& question : campaign.questions) {
        QuestionTally tally;
        tally.question_id = question.id;
        tally.type = question.type;
        for (auto const& choice : question.choices)
            tally.choices.emplace_back(choice.id, 0);
        m_tally.questions.push_back(std::move(tally));
    }
    m_rating_sums.assign(campaign.questions.size(), 0);
}

void OpinionTallyBuilder::add(nlohmann::json const& answers, std::int64_t received_unix_ms)
{
    m_tally.total += 1;
    m_tally.per_day[calendar::JapanTime::from_unix_ms(received_unix_ms).date.iso()] += 1;
    if (!answers.is_object())
        return;

    for (std::size_t i = 0; i < m_campaign.questions.size(); ++i) {
        auto const& question = m_campaign.questions[i];
        auto found = answers.find(question.id);
        if (found == answers.end() || found->is_null())
            continue;
        auto& tally = m_tally.questions[i];

        // Each kind of answer lands in its own counters.
        auto count_choice = [&](nlohmann::json const& value) {
            if (!value.is_string())
                return;
            for (auto& [choice_id, count] : tally.choices) {
                if (choice_id == value.get_ref<std::string const&>())
                    count += 1;
            }
        };
        switch (question.type) {
        case QuestionType::text:
            if (!found->is_string())
                continue;
            break;
        case QuestionType::single:
            count_choice(*found);
            break;
        case QuestionType::multiple:
            if (!found->is_array())
                continue;
            for (auto const& value : *found)
                count_choice(value);
            break;
        case QuestionType::rating: {
            if (!found->is_number_integer())
                continue;
            auto rating = found->get<std::int64_t>();
            if (rating < rating_lowest || rating > rating_highest)
                continue;
            tally.ratings[static_cast<std::size_t>(rating - rating_lowest)] += 1;
            m_rating_sums[i] += rating;
            break;
        }
        }
        tally.answered += 1;
    }
}

OpinionTally const& OpinionTallyBuilder::tally()
{
    for (std::size_t i = 0; i < m_tally.questions.size(); ++i) {
        auto& tally = m_tally.questions[i];
        if (tally.type == QuestionType::rating && tally.answered > 0)
            tally.rating_mean = static_cast<double>(m_rating_sums[i]) /
                static_cast<double>(tally.answered);
    }
    return m_tally;
}

nlohmann::json to_json(OpinionTally const& tally)
{
    nlohmann::json questions = nlohmann::json::array();
    for (auto const& question : tally.questions) {
        nlohmann::json item = {{"question_id", question.question_id},
            {"type", question_type_name(question.type)}, {"answered", question.answered}};
        if (!question.choices.empty()) {
            nlohmann::json choices = nlohmann::json::array();
            for (auto const& [choice_id, count] : question.choices)
                choices.push_back({{"id", choice_id}, {"count", count}});
            item["choices"] = std::move(choices);
        }
        if (question.type == QuestionType::rating) {
            item["ratings"] = question.ratings;
            item["mean"] = question.rating_mean;
        }
        questions.push_back(std::move(item));
    }
    nlohmann::json per_day = nlohmann::json::array();
    for (auto const& [day, count] : tally.per_day)
        per_day.push_back({{"date", day}, {"count", count}});
    return {{"total", tally.total}, {"questions", std::move(questions)},
        {"per_day", std::move(per_day)}};
}

} // namespace machiba::campaign
