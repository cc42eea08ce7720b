// HttpServer: wires cpp-httplib to the static site, the API router, the security headers, the
// JSON error bodies and the request log.
#include "serve/server/http_server.hpp"

#include "serve/server/api_response.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace machiba::server {

namespace {

using Clock = std::chrono::steady_clock;

// cpp-httplib handles a request from start to log on one thread, so the start time can live in
// a thread-local slot set by the pre-routing hook and read by the logger.
thread_local Clock::time_point request_started;
thread_local bool request_timed = false;

bool is_api_path(std::string const& path)
{
    return path == "/api" || path.rfind("/api/", 0) == 0;
}

bool read_file(std::filesystem::path const& path, std::string& contents)
{
    std::ifstream input(path, std::ios::binary);
    if (!input)
        return false;
    contents.assign(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
    return !input.bad();
}

} // namespace

httplib::Headers security_headers()
{
    return {
        {"Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Permissions-Policy",
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
            "gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), "
            "payment=(), usb=(), xr-spatial-tracking=()"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
    };
}

std::string request_log_line(std::string const& method, std::string const& path, int status,
    double milliseconds)
{
    std::string safe_path;
    safe_path.reserve(path.size());
    for (unsigned char c : path) {
        if (c < 0x20 || c == 0x7f) {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            safe_path += escaped;
        } else {
            safe_path += static_cast<char>(c);
        }
    }
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.2fms", milliseconds);
    return method + " " + safe_path + " " + std::to_string(status) + " " + timing;
}

HttpServer::HttpServer(HttpServerSettings settings)
    : m_settings(std::move(settings))
    , m_static_files(m_settings.site)
    , m_server(std::make_unique<httplib::Server>())
{
    install_handlers();
}

HttpServer::~HttpServer() = default;

void HttpServer::install_handlers()
{
    auto& server = *m_server;
    std::size_t threads = m_settings.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_default_headers(security_headers());
    server.set_payload_max_length(m_settings.max_body_bytes);
    server.set_keep_alive_max_count(10000);
    server.set_tcp_nodelay(true);
    server.set_read_timeout(10);
    server.set_write_timeout(10);

    // 1. Time every request from the moment its headers are read.
    server.set_pre_routing_handler([](httplib::Request const&, httplib::Response&) {
        request_started = Clock::now();
        request_timed = true;
        return httplib::Server::HandlerResponse::Unhandled;
    });

    // 2. One entry point per method: /api goes to the router, the rest is the static site.
    auto dispatch = [this](httplib::Request const& request, httplib::Response& response) {
        if (is_api_path(request.path)) {
            m_router.dispatch(request, response);
            return;
        }
        if (request.method != "GET" && request.method != "HEAD") {
            response.status = 405;
            response.set_header("Allow", "GET, HEAD");
            response.set_content("Method not allowed\n", "text/plain; charset=utf-8");
            return;
        }
        serve_static(request, response);
    };
    server.Get(".*", dispatch);
    server.Post(".*", dispatch);
    server.Put(".*", dispatch);
    server.Patch(".*", dispatch);
    server.Delete(".*", dispatch);
    server.Options(".*", dispatch);

    // 3. Failures that never reached a handler (unknown route, body over the limit) still get
    // a body: JSON under /api, short text elsewhere.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](httplib::Request const& request, httplib::Response& response) {
        if (!response.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        if (is_api_path(request.path)) {
            send_error(response, response.status, error_code_for_status(response.status),
                error_message_for_status(response.status));
        } else {
            response.set_content(std::string(error_message_for_status(response.status)) + "\n",
                "text/plain; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
    }));

    // 4. An exception in a handler is the server's fault: 500, logged without request data.
    server.set_exception_handler([this](httplib::Request const& request,
                                     httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
            if (error)
                std::rethrow_exception(error);
        } catch (std::exception const& exception) {
            what = exception.what();
        } catch (...) {
        }
        std::string line = "error in " + request.method + " " + request.path + ": " + what;
        if (m_settings.log)
            m_settings.log(line);
        else
            std::fprintf(stderr, "%s\n", line.c_str());
        response.headers.clear();
        send_error(response, 500, "internal", error_message_for_status(500));
    });

    // 5. The request log: never a body, never the client's address.
    server.set_logger([this](httplib::Request const& request, httplib::Response const& response) {
        double milliseconds = 0;
        if (request_timed) {
            milliseconds =
                std::chrono::duration<double, std::milli>(Clock::now() - request_started).count();
        }
        request_timed = false;
        std::string line = request_log_line(request.method, request.path, response.status,
            milliseconds);
        if (m_settings.log) {
            m_settings.log(line);
        } else {
            line += '\n';
            std::fwrite(line.data(), 1, line.size(), stderr);
        }
    });
}

void HttpServer::serve_static(httplib::Request const& request, httplib::Response& response) const
{
    bool gzip_ok = accepts_gzip(request.get_header_value("Accept-Encoding"));
    auto file = m_static_files.resolve(request.path, gzip_ok);
    std::string contents;
    if (!file || !read_file(file->path, contents)) {
        response.status = 404;
        response.set_header("Cache-Control", "no-cache");
        response.set_content("Not found\n", "text/plain; charset=utf-8");
        return;
    }

    response.status = 200;
    response.set_header("Cache-Control", file->cache_control);
    if (file->has_gzip)
        response.set_header("Vary", "Accept-Encoding");
    if (file->gzip)
        response.set_header("Content-Encoding", "gzip");

    // Files go out through a content provider with a known length: the HTTP layer then sends
    // them as they are, instead of compressing on the fly (it would ignore "gzip;q=0" and
    // compress a precompressed body a second time).
    auto shared = std::make_shared<std::string>(std::move(contents));
    response.set_content_provider(shared->size(), file->content_type,
        [shared](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            sink.write(shared->data() + offset, length);
            return true;
        });
}

int HttpServer::bind(std::string const& host, int port)
{
    if (port == 0)
        return m_server->bind_to_any_port(host);
    return m_server->bind_to_port(host, port) ? port : -1;
}

bool HttpServer::run()
{
    return m_server->listen_after_bind();
}

void HttpServer::stop()
{
    m_server->stop();
}

} // namespace machiba::server
