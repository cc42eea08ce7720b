// The staff member logged in on this page: the session cookie is the browser's (HttpOnly, so
// the app never sees it); the app keeps the CSRF token the server answered and sends it with
// every change. After a reload the token is asked for again (GET /api/v1/staff/session).
#pragma once

#include "shared/platform/http_client.hpp"

#include <functional>
#include <string>

namespace machiba::app {
struct AppContext;
}

namespace machiba::staff {

class StaffSession {
public:
    enum class Status { unknown, checking, logged_out, logged_in };

    static StaffSession& instance();

    Status status() const { return m_status; }
    std::string const& name() const { return m_name; }
    std::string const& role() const { return m_role; }

    // Counts the changes staff made through send(): a list screen reloads when it moves on.
    int changes() const { return m_changes; }

    // Asks the server whether the browser's cookie is still a session (once per page).
    void check(app::AppContext& app);

    // done gets "" when logged in, else the catalog key of what went wrong.
    void login(app::AppContext& app, std::string const& name, std::string const& password,
        std::function<void(std::string const& error_key)> done);
    void logout(app::AppContext& app);

    // Sends a staff request: JSON content type and the CSRF token on changes. A 401 means the
    // session has ended; the staff screens then show the login again.
    void send(app::AppContext& app, platform::HttpRequest request,
        std::function<void(platform::HttpResponse)> done);

private:
    bool accept(std::string const& body);

    Status m_status = Status::unknown;
    std::string m_name;
    std::string m_role;
    std::string m_csrf;
    int m_changes = 0;
};

} // namespace machiba::staff
