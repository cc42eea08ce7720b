// Parses machiba-serve's arguments; environment variables give the defaults so that
// ./serve/start can be configured either way.
#include "serve/server/options.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

namespace machiba::server {

namespace {

std::optional<int> parse_port(std::string_view text)
{
    if (text.empty() || text.size() > 5)
        return std::nullopt;
    int port = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        port = port * 10 + (c - '0');
    }
    if (port < 0 || port > 65535)
        return std::nullopt;
    return port;
}

std::optional<double> parse_rate(std::string const& text)
{
    char* end = nullptr;
    double rate = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(rate >= 0) || rate > 1e9)
        return std::nullopt;
    return rate;
}

} // namespace

char const* options_usage()
{
    return "usage: machiba-serve [--host H] [--port P] [--db FILE] [--site DIR] [--assets DIR]"
           " [--no-seed]\n"
           "       [--secure-cookies] [--trust-proxy] [--opinion-rate N] [--login-rate N]\n"
           "environment: MACHIBA_HOST, MACHIBA_PORT, MACHIBA_DB give the defaults\n"
           "--port 0 picks a free port and prints it\n"
           "--opinion-rate and --login-rate: requests per minute and client (0: no limit)\n"
           "--secure-cookies: the staff cookie is Secure even when no TLS proxy says so\n"
           "--trust-proxy: rate limits tell clients apart by the last X-Forwarded-For entry\n";
}

OptionsResult parse_options(std::span<char const* const> arguments)
{
    Options options;
    if (char const* host = std::getenv("MACHIBA_HOST"))
        options.host = host;
    if (char const* port = std::getenv("MACHIBA_PORT")) {
        auto parsed = parse_port(port);
        if (!parsed)
            return {std::nullopt, std::string("MACHIBA_PORT is not a port number: ") + port};
        options.port = *parsed;
    }
    if (char const* database = std::getenv("MACHIBA_DB"))
        options.database = database;

    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view argument = arguments[i];
        if (argument == "--help" || argument == "-h")
            return {std::nullopt, "", true};
        if (argument == "--no-seed") {
            options.seed = false;
            continue;
        }
        if (argument == "--secure-cookies") {
            options.secure_cookies = true;
            continue;
        }
        if (argument == "--trust-proxy") {
            options.trust_proxy = true;
            continue;
        }
        if (i + 1 >= arguments.size())
            return {std::nullopt, std::string(argument) + " needs a value"};
        std::string value = arguments[++i];
        if (argument == "--host") {
            options.host = value;
        } else if (argument == "--port") {
            auto parsed = parse_port(value);
            if (!parsed)
                return {std::nullopt, "--port is not a port number: " + value};
            options.port = *parsed;
        } else if (argument == "--db") {
            options.database = value;
        } else if (argument == "--site") {
            options.site = value;
        } else if (argument == "--assets") {
            options.assets = value;
        } else if (argument == "--opinion-rate" || argument == "--login-rate") {
            auto rate = parse_rate(value);
            if (!rate)
                return {std::nullopt, std::string(argument) + " is not a number >= 0: " + value};
            (argument == "--opinion-rate" ? options.opinion_rate : options.login_rate) = *rate;
        } else {
            return {std::nullopt, "unknown argument: " + std::string(argument)};
        }
    }
    return {options, ""};
}

} // namespace machiba::server
