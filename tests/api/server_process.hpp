// Starts the real machiba-serve binary on a free loopback port with a fresh temporary database,
// for API tests that talk to it over real HTTP.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace machiba::tests {

class ServerProcess {
public:
    // Extra arguments go after the defaults (--port 0, a temporary --db, --site, --assets).
    explicit ServerProcess(std::vector<std::string> extra_arguments = {});
    ~ServerProcess();
    ServerProcess(ServerProcess const&) = delete;
    ServerProcess& operator=(ServerProcess const&) = delete;

    int port() const { return m_port; }
    std::string const& first_line() const { return m_first_line; }
    std::filesystem::path const& folder() const { return m_folder; }
    std::filesystem::path database() const { return m_folder / "machiba.sqlite3"; }
    std::filesystem::path site() const { return m_folder / "site"; }

    // A client with short timeouts, pointed at this server.
    std::unique_ptr<httplib::Client> client() const;

    // Sends SIGTERM and waits; returns the exit status (or -1 when it had to be killed).
    int stop();
    // Sends SIGKILL, as a crash would: nothing in the server gets to finish its work.
    void kill_now();
    // Everything the server wrote to stderr so far (the request log).
    std::string log() const;

private:
    std::filesystem::path m_folder;
    int m_pid = -1;
    int m_port = 0;
    std::string m_first_line;
};

// A fresh folder under the system's temporary directory, removed by the caller.
std::filesystem::path make_temporary_folder(std::string const& prefix);

} // namespace machiba::tests
