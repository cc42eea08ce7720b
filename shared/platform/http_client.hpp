// The HTTP seam: emscripten_fetch in the app. Requests are asynchronous; the callback runs on the
// main thread, once, with either a response or an error that says what went wrong.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace machiba::platform {

struct HttpRequest {
    std::string method = "GET";
    std::string url; // same origin: a path such as "/api/v1/campaigns"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int timeout_ms = 15000;
};

enum class HttpError {
    None,
    Network, // offline, refused, or the connection dropped
    Timeout,
    Aborted,
};

struct HttpResponse {
    int status = 0; // 0 when error != None
    HttpError error = HttpError::None;
    std::string body;
    std::string error_message; // for the log and for staff; never shown raw to residents

    bool ok() const { return error == HttpError::None && status >= 200 && status < 300; }
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    virtual void send(HttpRequest request, std::function<void(HttpResponse)> done) = 0;
};

} // namespace machiba::platform
