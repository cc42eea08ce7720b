// ValidationProblem: JSON pointer escaping and the list as JSON.
#include "shared/campaign/validation_problem.hpp"

namespace machiba::campaign {

std::string pointer_token(std::string_view token)
{
    std::string escaped;
    escaped.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

nlohmann::json to_json(ValidationProblems const& problems)
{
    auto list = nlohmann::json::array();
    for (auto const& problem : problems)
        list.push_back({{"pointer", problem.pointer}, {"code", problem.code},
            {"message", problem.message}});
    return list;
}

} // namespace machiba::campaign
