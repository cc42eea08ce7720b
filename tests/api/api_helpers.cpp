// API test helpers: JSON, errors, the database, the staff command line.
#include "tests/api/api_helpers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <sys/wait.h>

namespace machiba::tests {

nlohmann::json json_of(httplib::Result const& result)
{
    REQUIRE(result);
    auto parsed = nlohmann::json::parse(result->body, nullptr, false);
    INFO(result->body);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

nlohmann::json check_json_error(httplib::Result const& result, int status,
    std::string const& code)
{
    REQUIRE(result);
    INFO(result->body);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    auto body = json_of(result);
    REQUIRE(body.contains("error"));
    CHECK(body["error"]["code"] == code);
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    return body["error"];
}

bool has_problem(nlohmann::json const& error, std::string const& pointer, std::string const& code)
{
    for (auto const& problem : error.value("problems", nlohmann::json::array())) {
        if (problem["pointer"] == pointer && (code.empty() || problem["code"] == code))
            return true;
    }
    return false;
}

long long count_rows(std::filesystem::path const& database, std::string const& sql)
{
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    long long count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(connection);
    return count;
}

long long sample_count(ServerProcess const& server, std::string const& campaign)
{
    return count_rows(server.database(),
        "SELECT COUNT(*) FROM opinions WHERE is_sample = 1 AND campaign_id = '" + campaign + "'");
}

int run_staff_command(std::filesystem::path const& database, std::string const& arguments,
    std::string const& input)
{
    auto machiba = std::filesystem::path(MACHIBA_SERVE).parent_path() / "machiba";
    REQUIRE(std::filesystem::exists(machiba));
    std::string command = machiba.string() + " staff " + arguments + " --db '" +
        database.string() + "' >/dev/null 2>&1";
    std::FILE* pipe = popen(command.c_str(), "w");
    REQUIRE(pipe);
    std::fputs(input.c_str(), pipe);
    int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

httplib::Headers StaffLogin::headers() const
{
    return {{"Cookie", cookie}, {"X-CSRF-Token", csrf_token}};
}

StaffLogin staff_login(ServerProcess const& server, std::string const& name,
    std::string const& role)
{
    std::string password = "a long password for " + name;
    run_staff_command(server.database(), "add " + name + " --role " + role, password + "\n");
    auto result = server.client()->Post("/api/v1/staff/login",
        nlohmann::json {{"name", name}, {"password", password}}.dump(), "application/json");
    REQUIRE(result);
    INFO(result->body);
    REQUIRE(result->status == 200);
    std::string set_cookie = result->get_header_value("Set-Cookie");
    StaffLogin login;
    login.cookie = set_cookie.substr(0, set_cookie.find(';'));
    login.csrf_token = json_of(result)["csrf_token"];
    return login;
}

std::string iso_days_from_now(int offset_days)
{
    using namespace std::chrono;
    auto seconds_now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    std::time_t japan = static_cast<std::time_t>(seconds_now + 9 * 3600 + offset_days * 86400);
    std::tm parts {};
    gmtime_r(&japan, &parts);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+09:00", &parts);
    return text;
}

nlohmann::json sample_campaign(std::string const& id, std::string const& status,
    int start_offset_days, int end_offset_days)
{
    auto text = [](std::string const& ja, std::string const& en) {
        return nlohmann::json {{"ja", ja}, {"en", en}};
    };
    return {{"id", id}, {"status", status}, {"title", text("テスト", "Test")},
        {"summary", text("概要", "Summary")}, {"background", text("背景", "Background")},
        {"period", {{"start", iso_days_from_now(start_offset_days)},
                       {"end", iso_days_from_now(end_offset_days)}}},
        {"public_opinions", true},
        {"slides", {{{"title", text("一枚目", "First")}, {"body", text("本文", "Body")}}}},
        {"questions",
            {{{"id", "idea"}, {"type", "text"}, {"required", true}, {"max_length", 50},
                 {"prompt", text("ご意見", "Your idea")}},
                {{"id", "pick"}, {"type", "single"}, {"required", false},
                    {"prompt", text("一つ", "One")},
                    {"choices", {{{"id", "a"}, {"label", text("あ", "A")}},
                                    {{"id", "b"}, {"label", text("い", "B")}}}}},
                {{"id", "picks"}, {"type", "multiple"}, {"required", false},
                    {"prompt", text("複数", "Several")},
                    {"choices", {{{"id", "x"}, {"label", text("え", "X")}},
                                    {{"id", "y"}, {"label", text("お", "Y")}}}}},
                {{"id", "score"}, {"type", "rating"}, {"required", false},
                    {"prompt", text("評価", "Score")}}}}};
}

} // namespace machiba::tests
