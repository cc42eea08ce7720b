// machiba-serve as one object: opens and migrates the storage, seeds it, builds the HTTP server
// and registers every API. main.cpp only parses options, binds, prints and waits for a signal.
#pragma once

#include "serve/server/api_context.hpp"
#include "serve/server/campaign_catalog.hpp"
#include "serve/server/http_server.hpp"
#include "serve/server/options.hpp"
#include "serve/server/storage.hpp"
#include "serve/server/system_clock.hpp"

#include <memory>
#include <string>

namespace machiba::server {

class Application {
public:
    // Opens the database and prepares everything; throws with a readable message on failure.
    explicit Application(Options options);
    ~Application();

    HttpServer& http() { return *m_http; }
    Storage& storage() { return *m_storage; }

private:
    void register_system_api();

    Options m_options;
    SystemClock m_clock;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<CampaignCatalog> m_catalog;
    std::unique_ptr<ApiContext> m_context;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace machiba::server
