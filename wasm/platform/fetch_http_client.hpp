// The HTTP client on emscripten_fetch: asynchronous, with a timeout, and errors as values.
#pragma once

#include "shared/platform/http_client.hpp"

#include <functional>
#include <optional>
#include <string>

namespace machiba::platform {

// The server's error body, {"error": {"code": ..., "message": ...}}, when a response carries one.
struct ApiError {
    std::string code;
    std::string message;
};
std::optional<ApiError> parse_api_error(std::string const& body);

class FetchHttpClient final : public HttpClient {
public:
    // on_settled runs after every callback, so that the app draws what the answer changed.
    explicit FetchHttpClient(std::function<void()> on_settled)
        : m_on_settled(std::move(on_settled))
    {
    }

    void send(HttpRequest request, std::function<void(HttpResponse)> done) override;
    int in_flight() const { return m_in_flight; }

    // Called by the fetch callbacks.
    void finish(struct Pending* pending, int status, bool failed, std::string body);

private:
    std::function<void()> m_on_settled;
    int m_in_flight = 0;
};

} // namespace machiba::platform
