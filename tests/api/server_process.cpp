// ServerProcess: fork/exec of machiba-serve with its stdout on a pipe and its stderr in a file.
#include "tests/api/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace machiba::tests {

std::filesystem::path make_temporary_folder(std::string const& prefix)
{
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto folder = std::filesystem::temp_directory_path() /
            (prefix + "-" + std::to_string(device()));
        if (std::filesystem::create_directory(folder))
            return folder;
    }
    throw std::runtime_error("cannot make a temporary folder");
}

ServerProcess::ServerProcess(std::vector<std::string> extra_arguments)
{
    // 1. A private folder with the database and a tiny site.
    m_folder = make_temporary_folder("machiba-api");
    std::filesystem::create_directories(site());
    std::ofstream(site() / "index.html") << "<!doctype html><title>Machiba</title>\n";

    std::vector<std::string> arguments = {MACHIBA_SERVE, "--port", "0", "--host", "127.0.0.1",
        "--db", database().string(), "--site", site().string(), "--assets",
        std::string(MACHIBA_SOURCE_DIR) + "/assets"};
    arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());

    // 2. Start it with stdout on a pipe (for the first line) and stderr into a file.
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0)
        throw std::runtime_error("pipe failed");
    std::string log_path = (m_folder / "stderr.log").string();
    m_pid = fork();
    if (m_pid == 0) {
        dup2(pipe_ends[1], 1);
        int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(log, 2);
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        std::vector<char*> argv;
        for (auto& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_ends[1]);

    // 3. Read the first line, waiting at most 20 seconds.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string line;
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd poll_fd {pipe_ends[0], POLLIN, 0};
        if (poll(&poll_fd, 1, 200) <= 0)
            continue;
        char c;
        if (read(pipe_ends[0], &c, 1) != 1)
            break;
        if (c == '\n')
            break;
        line += c;
    }
    close(pipe_ends[0]);
    m_first_line = line;
    auto colon = line.rfind(':');
    if (line.rfind("listening on http://", 0) != 0 || colon == std::string::npos) {
        stop();
        throw std::runtime_error("machiba-serve did not start: '" + line + "'\n" + log());
    }
    m_port = std::stoi(line.substr(colon + 1));
}

ServerProcess::~ServerProcess()
{
    stop();
    std::error_code error;
    std::filesystem::remove_all(m_folder, error);
}

std::unique_ptr<httplib::Client> ServerProcess::client() const
{
    auto client = std::make_unique<httplib::Client>("127.0.0.1", m_port);
    client->set_connection_timeout(5);
    client->set_read_timeout(10);
    client->set_write_timeout(10);
    return client;
}

int ServerProcess::stop()
{
    if (m_pid <= 0)
        return -1;
    kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return -1;
}

void ServerProcess::kill_now()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGKILL);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::string ServerProcess::log() const
{
    std::ifstream input(m_folder / "stderr.log");
    std::stringstream text;
    text << input.rdbuf();
    return text.str();
}

} // namespace machiba::tests
