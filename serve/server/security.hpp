// The server's cryptography, all from libsodium: random tokens, argon2id password hashes,
// keyed hashes (for client addresses and device ids) and HMAC signatures (for preview links).
#pragma once

#include <string>
#include <string_view>

namespace machiba::server {

// Initialises libsodium once; throws when the library cannot start (no entropy source).
void initialise_security();

// Hex of bytes fresh random bytes.
std::string random_token(std::size_t bytes = 32);

// An argon2id hash string (libsodium's crypto_pwhash_str format, with its own salt and
// parameters), and its check in constant time.
std::string hash_password(std::string_view password);
bool verify_password(std::string const& hash, std::string_view password);

// BLAKE2b keyed with key, in hex: the same input and key give the same value, and without the
// key it says nothing about the input.
std::string keyed_hash(std::string_view key, std::string_view data);

// HMAC-SHA-256 in hex.
std::string sign(std::string_view key, std::string_view message);

// Compares two strings in time that does not depend on where they differ.
bool equal_in_constant_time(std::string_view a, std::string_view b);

} // namespace machiba::server
