// Application: storage, seed content and the API routes put together.
#include "serve/server/application.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/sqlite_storage.hpp"

#include <filesystem>

namespace machiba::server {

Application::Application(Options options)
    : m_options(std::move(options))
{
    // 1. The database: its folder is created so that a fresh checkout just works.
    std::filesystem::path database(m_options.database);
    if (database.has_parent_path())
        std::filesystem::create_directories(database.parent_path());
    m_storage = std::make_unique<SqliteStorage>(m_options.database);
    m_storage->migrate();

    // 2. The HTTP layer and the routes.
    HttpServerSettings settings;
    settings.site = m_options.site;
    m_http = std::make_unique<HttpServer>(std::move(settings));
    register_system_api();
}

Application::~Application() = default;

void Application::register_system_api()
{
    m_http->router().add("GET", "/api/v1/health",
        [this](ApiRequest const&, httplib::Response& response) {
            bool database_ok = m_storage->healthy();
            response.set_header("Cache-Control", "no-store");
            send_json(response, database_ok ? 200 : 503,
                {{"status", database_ok ? "ok" : "degraded"}, {"version", MACHIBA_VERSION},
                    {"database", database_ok ? "ok" : "unavailable"},
                    {"schema_version", m_storage->schema_version()}});
        });
}

} // namespace machiba::server
