// Helpers shared by the API tests: JSON answers, JSON errors, counting rows in the server's
// database, staff accounts made with the real `machiba staff add`, and logged-in sessions.
#pragma once

#include "tests/api/server_process.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace machiba::tests {

constexpr char const* open_campaign = "neighbourhood-parks-2026"; // seeded, open until 2027-01
constexpr char const* closed_campaign = "disaster-drill-2024";    // seeded, closed

nlohmann::json json_of(httplib::Result const& result);

// Checks status, JSON content type and {"error": {"code", "message"}}; returns the error.
nlohmann::json check_json_error(httplib::Result const& result, int status,
    std::string const& code);

// True when the error lists a problem at pointer with code (any code when empty).
bool has_problem(nlohmann::json const& error, std::string const& pointer,
    std::string const& code = "");

// SELECT COUNT(*) ... on the server's database file, read-only.
long long count_rows(std::filesystem::path const& database, std::string const& sql);

// How many seed samples a campaign has: the seed files may change, the tests follow them.
long long sample_count(ServerProcess const& server, std::string const& campaign);

// Runs `machiba staff ARGUMENTS --db DATABASE` with input on stdin; returns its exit status.
int run_staff_command(std::filesystem::path const& database, std::string const& arguments,
    std::string const& input);

struct StaffLogin {
    std::string cookie;      // "machiba_session=..."
    std::string csrf_token;
    httplib::Headers headers() const; // Cookie and X-CSRF-Token
};

// Adds an account (once per database) and logs it in; REQUIREs both to work.
StaffLogin staff_login(ServerProcess const& server, std::string const& name = "sato",
    std::string const& role = "editor");

// "2026-12-03T21:00:00+09:00" for now plus offset_days.
std::string iso_days_from_now(int offset_days);

// A small valid campaign document with one question of each type.
nlohmann::json sample_campaign(std::string const& id, std::string const& status,
    int start_offset_days, int end_offset_days);

} // namespace machiba::tests
