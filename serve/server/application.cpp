// Application: storage, seed content and the API routes put together.
#include "serve/server/application.hpp"

#include "serve/server/api_response.hpp"
#include "serve/server/resident_api.hpp"
#include "serve/server/security.hpp"
#include "serve/server/seeder.hpp"
#include "serve/server/sqlite_storage.hpp"
#include "serve/server/staff_api.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace machiba::server {

namespace {

std::string read_text(std::filesystem::path const& path)
{
    std::ifstream input(path, std::ios::binary);
    if (!input)
        throw std::runtime_error("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
}

nlohmann::json read_json(std::filesystem::path const& path)
{
    auto document = nlohmann::json::parse(read_text(path), nullptr, false);
    if (document.is_discarded())
        throw std::runtime_error(path.string() + " is not valid JSON");
    return document;
}

campaign::Demographics load_demographics(std::filesystem::path const& path)
{
    auto parsed = campaign::parse_demographics(read_json(path));
    if (!parsed.demographics) {
        std::string message = path.string() + " has problems:";
        for (auto const& problem : parsed.problems)
            message += " " + problem.pointer + ": " + problem.message;
        throw std::runtime_error(message);
    }
    return *parsed.demographics;
}

} // namespace

Application::Application(Options options)
    : m_options(std::move(options))
{
    initialise_security();
    std::filesystem::path assets(m_options.assets);

    // 1. The database: its folder is created so that a fresh checkout just works.
    std::filesystem::path database(m_options.database);
    if (database.has_parent_path())
        std::filesystem::create_directories(database.parent_path());
    m_storage = std::make_unique<SqliteStorage>(m_options.database);
    m_storage->migrate();
    m_catalog = std::make_unique<CampaignCatalog>(*m_storage, m_clock);

    // 2. What the handlers share: content from assets/, limits and secrets.
    m_context = std::unique_ptr<ApiContext>(new ApiContext {m_options, *m_storage, *m_catalog,
        m_clock, load_demographics(assets / "campaigns" / "demographics.json"), 30,
        read_text(assets / "api" / "openapi.json"),
        RateLimiter(m_options.opinion_rate, std::max(1.0, m_options.opinion_rate / 3)),
        RateLimiter(m_options.login_rate, std::max(1.0, m_options.login_rate)),
        RateLimiter(m_options.opinion_rate * 2, std::max(1.0, m_options.opinion_rate)),
        random_token(32), m_storage->secret("preview", [] { return random_token(32); }),
        m_storage->secret("device", [] { return random_token(32); })});
    auto listing = read_json(assets / "campaigns" / "listing.json");
    if (listing.contains("recently_closed_days") && listing["recently_closed_days"].is_number())
        m_context->recently_closed_days = listing["recently_closed_days"].get<std::int64_t>();

    // 3. Sample content in a new database, checked like anything staff would send.
    if (m_options.seed && m_storage->is_empty()) {
        auto report = seed_campaigns(*m_storage, assets / "campaigns", m_context->demographics);
        for (auto const& error : report.errors)
            std::fprintf(stderr, "machiba-serve: seed: %s\n", error.c_str());
    }

    // 4. The HTTP layer and the routes.
    HttpServerSettings settings;
    settings.site = m_options.site;
    settings.max_body_bytes = max_http_body;
    m_http = std::make_unique<HttpServer>(std::move(settings));
    register_system_api();
    register_resident_api(m_http->router(), *m_context);
    register_staff_api(m_http->router(), *m_context);
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
