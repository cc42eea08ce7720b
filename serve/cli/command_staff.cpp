// `machiba staff`: staff accounts in the server's database. The password is read from standard
// input, never from the command line, where other users of the machine could see it.
#include "serve/cli/commands.hpp"

#include "serve/server/security.hpp"
#include "serve/server/sqlite_storage.hpp"

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

namespace machiba::cli {

namespace {

constexpr std::size_t min_password_length = 10;

int staff_usage()
{
    std::fputs("usage: machiba staff add NAME [--role editor|admin] [--db FILE]\n"
               "       machiba staff password NAME [--role editor|admin] [--db FILE]\n"
               "       machiba staff list [--db FILE]\n"
               "The password is read from standard input (one line, at least 10 characters).\n"
               "--db defaults to $MACHIBA_DB, else var/machiba.sqlite3.\n",
        stderr);
    return 2;
}

bool is_valid_name(std::string const& name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

// One line from standard input; typed at a terminal, it is not echoed.
std::optional<std::string> read_password()
{
    termios saved {};
    bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        std::fputs("password: ", stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool read = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

int run_staff(Arguments arguments)
{
    // 1. Arguments.
    if (arguments.empty())
        return staff_usage();
    std::string action = arguments[0];
    std::string name;
    std::string role = "editor";
    char const* environment_database = std::getenv("MACHIBA_DB");
    std::string database = environment_database ? environment_database : "var/machiba.sqlite3";
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        std::string argument = arguments[i];
        if ((argument == "--role" || argument == "--db") && i + 1 < arguments.size()) {
            (argument == "--role" ? role : database) = arguments[++i];
        } else if (argument.starts_with("--") || !name.empty()) {
            return staff_usage();
        } else {
            name = argument;
        }
    }
    if (role != "editor" && role != "admin") {
        std::fprintf(stderr, "machiba staff: --role must be editor or admin\n");
        return 2;
    }
    bool needs_name = action == "add" || action == "password";
    if ((needs_name && !is_valid_name(name)) || (!needs_name && action != "list")) {
        if (needs_name)
            std::fprintf(stderr, "machiba staff: NAME must be 1-64 of A-Z a-z 0-9 - _ .\n");
        return staff_usage();
    }

    try {
        // 2. The database, migrated like the server does at start.
        server::initialise_security();
        server::SqliteStorage storage(database);
        storage.migrate();

        if (action == "list") {
            for (auto const& account : storage.list_staff())
                std::printf("%s\t%s\n", account.name.c_str(), account.role.c_str());
            return 0;
        }

        // 3. The password from standard input, hashed with argon2id.
        auto password = read_password();
        if (!password || password->size() < min_password_length) {
            std::fprintf(stderr, "machiba staff: give a password of at least %zu characters on "
                                 "standard input\n",
                min_password_length);
            return 1;
        }
        std::string hash = server::hash_password(*password);
        if (action == "password") {
            if (!storage.set_staff_password(name, hash, role)) {
                std::fprintf(stderr, "machiba staff: there is no staff account %s\n",
                    name.c_str());
                return 1;
            }
            std::printf("password of %s changed (%s); their sessions are ended\n", name.c_str(),
                role.c_str());
            return 0;
        }
        server::StaffAccount account;
        account.name = name;
        account.role = role;
        account.password_hash = hash;
        account.created_at = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                 .count();
        if (!storage.add_staff(account)) {
            std::fprintf(stderr, "machiba staff: %s exists already; use `machiba staff password`\n",
                name.c_str());
            return 1;
        }
        std::printf("added %s (%s)\n", name.c_str(), role.c_str());
        return 0;
    } catch (std::exception const& error) {
        std::fprintf(stderr, "machiba staff: %s\n", error.what());
        return 1;
    }
}

} // namespace machiba::cli
