// machiba-serve as one object: opens and migrates the storage, seeds it, builds the HTTP server
// and registers every API. main.cpp only parses options, binds, prints and waits for a signal.
#pragma once

#include "serve/server/http_server.hpp"
#include "serve/server/options.hpp"
#include "serve/server/storage.hpp"

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
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace machiba::server
