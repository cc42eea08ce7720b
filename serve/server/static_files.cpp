// Resolves URL paths to files under the site folder, with media types and cache lifetimes.
#include "serve/server/static_files.hpp"

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

namespace machiba::server {

namespace {

constexpr std::string_view cache_immutable = "public, max-age=31536000, immutable";
constexpr std::string_view cache_none = "no-cache";

bool is_hex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::string lower(std::string_view text)
{
    std::string result(text);
    for (char& c : result) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return result;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Splits a URL path into segments, refusing anything that could step outside the root or
// reach a hidden file: "..", ".", empty segments in the middle, backslashes, NUL bytes.
std::optional<std::filesystem::path> safe_relative_path(std::string_view url_path)
{
    if (url_path.empty() || url_path.front() != '/')
        return std::nullopt;
    if (url_path.find('\0') != std::string_view::npos ||
        url_path.find('\\') != std::string_view::npos)
        return std::nullopt;

    std::filesystem::path relative;
    std::string_view rest = url_path.substr(1);
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (segment.empty()) {
            if (rest.empty())
                break; // a trailing slash
            return std::nullopt;
        }
        if (segment.front() == '.')
            return std::nullopt;
        relative /= std::string(segment);
    }
    return relative;
}

} // namespace

StaticFiles::StaticFiles(std::filesystem::path root)
    : m_root(std::move(root))
{
}

std::optional<StaticFile> StaticFiles::resolve(std::string_view url_path, bool gzip_ok) const
{
    auto relative = safe_relative_path(url_path);
    if (!relative)
        return std::nullopt;

    // 1. A folder (the root included) is served by its index.html.
    std::error_code error;
    std::filesystem::path path = m_root / *relative;
    if (std::filesystem::is_directory(path, error))
        path /= "index.html";
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;

    // 2. Symbolic links inside the site must not lead out of it.
    auto canonical_root = std::filesystem::weakly_canonical(m_root, error);
    auto canonical_path = std::filesystem::weakly_canonical(path, error);
    if (error)
        return std::nullopt;
    auto [root_end, unused] = std::mismatch(canonical_root.begin(), canonical_root.end(),
        canonical_path.begin(), canonical_path.end());
    if (root_end != canonical_root.end())
        return std::nullopt;

    // 3. Types and lifetimes follow the name that was asked for, not the .gz beside it.
    StaticFile file;
    std::string name = path.filename().string();
    file.path = path;
    file.content_type = content_type_for(name);
    file.cache_control = std::string(is_content_hashed(name) ? cache_immutable : cache_none);

    // 4. A precompressed copy wins when the client takes gzip.
    std::filesystem::path gzip_path = path;
    gzip_path += ".gz";
    file.has_gzip = std::filesystem::is_regular_file(gzip_path, error);
    if (file.has_gzip && gzip_ok) {
        file.path = gzip_path;
        file.gzip = true;
    }
    return file;
}

std::string content_type_for(std::string_view file_name)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> types = {{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".jsonl", "application/x-ndjson; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".data", "application/octet-stream"},
    }};
    auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos)
        return "application/octet-stream";
    std::string extension = lower(file_name.substr(dot));
    for (auto const& [known, type] : types) {
        if (extension == known)
            return std::string(type);
    }
    return "application/octet-stream";
}

bool is_content_hashed(std::string_view file_name)
{
    auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos || dot == 0)
        return false;
    std::string_view stem = file_name.substr(0, dot);
    auto separator = stem.find_last_of(".-");
    if (separator == std::string_view::npos || separator == 0)
        return false;
    std::string_view hash = stem.substr(separator + 1);
    return hash.size() >= 8 && is_hex(hash);
}

bool accepts_gzip(std::string_view accept_encoding)
{
    while (!accept_encoding.empty()) {
        auto comma = accept_encoding.find(',');
        std::string_view item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view()
                                                          : accept_encoding.substr(comma + 1);

        auto semicolon = item.find(';');
        std::string coding = lower(trim(item.substr(0, semicolon)));
        if (coding != "gzip" && coding != "*")
            continue;

        // "gzip;q=0" refuses gzip; any other weight accepts it.
        if (semicolon == std::string_view::npos)
            return true;
        std::string parameters = lower(trim(item.substr(semicolon + 1)));
        parameters.erase(std::remove(parameters.begin(), parameters.end(), ' '),
            parameters.end());
        bool refused = parameters.rfind("q=0", 0) == 0 &&
            parameters.find_first_not_of("0.", 2) == std::string::npos;
        return !refused;
    }
    return false;
}

} // namespace machiba::server
