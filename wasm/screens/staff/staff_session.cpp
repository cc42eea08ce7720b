// The staff session: login, the CSRF token, logout.
#include "wasm/screens/staff/staff_session.hpp"

#include "shared/platform/log_sink.hpp"
#include "wasm/app/frame_scheduler.hpp"
#include "wasm/app/screen.hpp"

#include <nlohmann/json.hpp>

namespace machiba::staff {

namespace {

using nlohmann::json;

char const* const session_path = "/api/v1/staff/session";
char const* const login_path = "/api/v1/staff/login";
char const* const logout_path = "/api/v1/staff/logout";

} // namespace

StaffSession& StaffSession::instance()
{
    static StaffSession session;
    return session;
}

bool StaffSession::accept(std::string const& body)
{
    auto parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("csrf_token") ||
        !parsed["csrf_token"].is_string())
        return false;
    m_csrf = parsed["csrf_token"].get<std::string>();
    auto const& staff = parsed.contains("staff") && parsed["staff"].is_object() ? parsed["staff"]
                                                                               : parsed;
    m_name = staff.value("name", "");
    m_role = staff.value("role", "");
    m_status = Status::logged_in;
    return true;
}

void StaffSession::check(app::AppContext& app)
{
    if (m_status != Status::unknown)
        return;
    m_status = Status::checking;
    platform::HttpRequest request;
    request.url = session_path;
    app::AppContext* context = &app;
    app.http.send(std::move(request), [this, context](platform::HttpResponse response) {
        if (!response.ok() || !accept(response.body))
            m_status = Status::logged_out;
        context->frames.request();
    });
}

void StaffSession::login(app::AppContext& app, std::string const& name,
    std::string const& password, std::function<void(std::string const&)> done)
{
    platform::HttpRequest request;
    request.method = "POST";
    request.url = login_path;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json{{"name", name}, {"password", password}}.dump();
    app::AppContext* context = &app;
    app.http.send(std::move(request), [this, context, done](platform::HttpResponse response) {
        std::string error;
        if (response.ok() && accept(response.body)) {
            context->log.write(platform::LogLevel::Info, "staff", "logged in as " + m_name);
        } else if (response.error != platform::HttpError::None) {
            error = "staff.login_offline";
        } else if (response.status == 423) {
            error = "staff.login_locked";
        } else if (response.status == 429) {
            error = "staff.login_too_many";
        } else {
            error = "staff.login_failed";
        }
        done(error);
        context->frames.request();
    });
}

void StaffSession::logout(app::AppContext& app)
{
    platform::HttpRequest request;
    request.method = "POST";
    request.url = logout_path;
    send(app, std::move(request), [](platform::HttpResponse) {});
    m_status = Status::logged_out;
    m_csrf.clear();
    m_name.clear();
    m_role.clear();
}

void StaffSession::send(app::AppContext& app, platform::HttpRequest request,
    std::function<void(platform::HttpResponse)> done)
{
    if (request.method != "GET") {
        request.headers.emplace_back("X-CSRF-Token", m_csrf);
        request.headers.emplace_back("Content-Type", "application/json");
        if (request.body.empty())
            request.body = "{}";
    }
    app::AppContext* context = &app;
    bool change = request.method != "GET";
    app.http.send(std::move(request),
        [this, context, done, change](platform::HttpResponse response) {
        if (response.status == 401)
            m_status = Status::logged_out;
        if (change && response.ok())
            ++m_changes;
        done(std::move(response));
        context->frames.request();
    });
}

} // namespace machiba::staff
