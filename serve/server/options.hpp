// machiba-serve's command-line options.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace machiba::server {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string database = "var/machiba.sqlite3";
    std::string site = "build/wasm/site"; // the built app; served as static files
    std::string assets = "assets";        // content packs and seed data
    bool seed = true;                     // seed sample content into a new, empty database
    bool secure_cookies = false;          // mark the staff cookie Secure even without a proxy
    bool trust_proxy = false; // a reverse proxy in front appends the client to X-Forwarded-For
    // Requests per minute and client; 0 switches a limit off (the benchmark does).
    double opinion_rate = 60;
    double login_rate = 20;
};

struct OptionsResult {
    std::optional<Options> options;
    std::string error; // set when options is empty; says which argument is wrong
    bool help = false;
};

OptionsResult parse_options(std::span<char const* const> arguments);
char const* options_usage();

} // namespace machiba::server
