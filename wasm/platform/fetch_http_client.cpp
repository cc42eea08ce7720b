// The emscripten_fetch client: one heap record per request carries the callback and what the
// request needs to stay alive (method, headers, body) until the browser answers.
#include "wasm/platform/fetch_http_client.hpp"

#include <cstring>
#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>
#include <nlohmann/json.hpp>
#include <vector>

namespace machiba::platform {

struct Pending {
    FetchHttpClient* client;
    std::function<void(HttpResponse)> done;
    HttpRequest request;
    std::vector<char const*> header_pointers;
    double started_ms;
};

std::optional<ApiError> parse_api_error(std::string const& body)
{
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("error"))
        return std::nullopt;
    auto const& error = parsed["error"];
    if (!error.is_object() || !error.contains("code") || !error["code"].is_string())
        return std::nullopt;
    ApiError result;
    result.code = error["code"].get<std::string>();
    if (error.contains("message") && error["message"].is_string())
        result.message = error["message"].get<std::string>();
    return result;
}

namespace {

void on_fetch_done(emscripten_fetch_t* fetch, bool failed)
{
    auto* pending = static_cast<Pending*>(fetch->userData);
    std::string body(fetch->data ? fetch->data : "", fetch->data ? fetch->numBytes : 0);
    int status = fetch->status;
    emscripten_fetch_close(fetch);
    pending->client->finish(pending, status, failed, std::move(body));
}

void on_success(emscripten_fetch_t* fetch)
{
    on_fetch_done(fetch, false);
}
void on_error(emscripten_fetch_t* fetch)
{
    on_fetch_done(fetch, true);
}

} // namespace

void FetchHttpClient::send(HttpRequest request, std::function<void(HttpResponse)> done)
{
    // 1. Keep everything the browser reads from our memory alive until the answer comes.
    auto* pending =
        new Pending{this, std::move(done), std::move(request), {}, emscripten_get_now()};
    for (auto const& [name, value] : pending->request.headers) {
        pending->header_pointers.push_back(name.c_str());
        pending->header_pointers.push_back(value.c_str());
    }
    pending->header_pointers.push_back(nullptr);

    // 2. Describe the request.
    emscripten_fetch_attr_t attributes;
    emscripten_fetch_attr_init(&attributes);
    std::strncpy(attributes.requestMethod, pending->request.method.c_str(),
        sizeof(attributes.requestMethod) - 1);
    attributes.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attributes.timeoutMSecs = static_cast<unsigned>(pending->request.timeout_ms);
    attributes.requestHeaders = pending->header_pointers.data();
    if (!pending->request.body.empty()) {
        attributes.requestData = pending->request.body.data();
        attributes.requestDataSize = pending->request.body.size();
    }
    attributes.userData = pending;
    attributes.onsuccess = on_success;
    attributes.onerror = on_error;

    ++m_in_flight;
    emscripten_fetch(&attributes, pending->request.url.c_str());
}

void FetchHttpClient::finish(Pending* pending, int status, bool failed, std::string body)
{
    // 1. Status 0 means no answer: the browser does not say why, so the time tells a timeout
    //    from a refused or dropped connection.
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    if (status == 0) {
        double elapsed = emscripten_get_now() - pending->started_ms;
        bool timed_out = elapsed + 50 >= pending->request.timeout_ms;
        response.error = timed_out ? HttpError::Timeout : HttpError::Network;
        response.error_message = (timed_out ? "timeout after " : "no connection after ") +
            std::to_string(static_cast<int>(elapsed)) + " ms: " + pending->request.method + " " +
            pending->request.url;
    } else if (failed || status < 200 || status >= 300) {
        // 2. An HTTP error: keep the status and take the server's JSON error when there is one.
        auto api_error = parse_api_error(response.body);
        response.error_message = "HTTP " + std::to_string(status) + " " + pending->request.method +
            " " + pending->request.url;
        if (api_error)
            response.error_message += ": " + api_error->code + ": " + api_error->message;
    }

    // 3. Answer, then let the app draw.
    --m_in_flight;
    auto done = std::move(pending->done);
    delete pending;
    if (done)
        done(std::move(response));
    if (m_on_settled)
        m_on_settled();
}

} // namespace machiba::platform
