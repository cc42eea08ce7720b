// Parses machiba-serve's arguments; environment variables give the defaults so that
// ./serve/start can be configured either way.
#include "serve/server/options.hpp"

#include <cstdlib>
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

} // namespace

char const* options_usage()
{
    return "usage: machiba-serve [--host H] [--port P] [--db FILE] [--site DIR] [--assets DIR]"
           " [--no-seed]\n"
           "environment: MACHIBA_HOST, MACHIBA_PORT, MACHIBA_DB give the defaults\n"
           "--port 0 picks a free port and prints it\n";
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
        } else {
            return {std::nullopt, "unknown argument: " + std::string(argument)};
        }
    }
    return {options, ""};
}

} // namespace machiba::server
