// The HTTP front of machiba-serve: static files of the app, the /api routes, security headers,
// JSON errors and one log line per request. The API handlers register themselves on router().
#pragma once

#include "serve/server/api_router.hpp"
#include "serve/server/static_files.hpp"

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace machiba::server {

struct HttpServerSettings {
    std::string site; // folder of the built app
    std::size_t max_body_bytes = 1 << 20;
    // cpp-httplib gives each keep-alive connection a thread for as long as it stays open, so
    // this is also how many clients are served at once; the others wait for a free thread.
    std::size_t threads = 128;
    // Where the one line per request goes; stderr when empty.
    std::function<void(std::string const&)> log;
};

class HttpServer {
public:
    explicit HttpServer(HttpServerSettings settings);
    ~HttpServer();

    ApiRouter& router() { return m_router; }

    // Binds the socket; port 0 picks a free one. Returns the port, or -1 when binding failed.
    int bind(std::string const& host, int port);
    // Serves until stop() is called from another thread. Returns false on a socket failure.
    bool run();
    void stop();
    bool is_running() const { return m_server->is_running(); }

private:
    void install_handlers();
    void serve_static(httplib::Request const& request, httplib::Response& response) const;

    HttpServerSettings m_settings;
    StaticFiles m_static_files;
    ApiRouter m_router;
    std::unique_ptr<httplib::Server> m_server;
};

// The headers every response carries, whatever it is.
httplib::Headers security_headers();

// One log line: method, path without query, status, milliseconds. Control characters in the
// path are escaped so that a request cannot forge log lines.
std::string request_log_line(std::string const& method, std::string const& path, int status,
    double milliseconds);

} // namespace machiba::server
