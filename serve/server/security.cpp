// Security primitives on libsodium.
#include "serve/server/security.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace machiba::server {

namespace {

std::string to_hex(unsigned char const* bytes, std::size_t size)
{
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

} // namespace

void initialise_security()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
}

std::string random_token(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    return to_hex(buffer.data(), buffer.size());
}

std::string hash_password(std::string_view password)
{
    // The interactive limits (2 passes, 64 MiB) keep a login under a few tenths of a second
    // on a small server while making guessing offline expensive.
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return hash;
}

bool verify_password(std::string const& hash, std::string_view password)
{
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string keyed_hash(std::string_view key, std::string_view data)
{
    unsigned char digest[32];
    std::size_t key_size = std::min<std::size_t>(key.size(), crypto_generichash_KEYBYTES_MAX);
    crypto_generichash(digest, sizeof digest, reinterpret_cast<unsigned char const*>(data.data()),
        data.size(), reinterpret_cast<unsigned char const*>(key.data()), key_size);
    return to_hex(digest, sizeof digest);
}

std::string sign(std::string_view key, std::string_view message)
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<unsigned char const*>(key.data()),
        key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<unsigned char const*>(message.data()),
        message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return to_hex(mac, sizeof mac);
}

bool equal_in_constant_time(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace machiba::server
