// Serves the built app (HTML, JS, wasm, fonts, data) from one folder, safely and cacheably.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace machiba::server {

// What a static request resolved to: the file to send and the headers that go with it.
struct StaticFile {
    std::filesystem::path path;
    std::string content_type;
    std::string cache_control;
    bool gzip = false;       // path is FILE.gz and goes out with Content-Encoding: gzip
    bool has_gzip = false;   // a .gz sibling exists, so the answer varies by Accept-Encoding
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    // Finds the file for a URL path (already percent-decoded by the HTTP layer). Empty when the
    // path leaves the root, names a hidden file, or names nothing.
    std::optional<StaticFile> resolve(std::string_view url_path, bool accepts_gzip) const;

    std::filesystem::path const& root() const { return m_root; }

private:
    std::filesystem::path m_root;
};

// The media type for a file name, by extension; application/octet-stream when unknown.
std::string content_type_for(std::string_view file_name);

// True for names like machiba.1a2b3c4d.wasm: a hex hash of 8 or more digits just before the
// extension, which means the content never changes under that name.
bool is_content_hashed(std::string_view file_name);

// True when an Accept-Encoding header value accepts gzip (and does not refuse it with q=0).
bool accepts_gzip(std::string_view accept_encoding);

} // namespace machiba::server
