// The project's one general-purpose string hash: 64-bit FNV-1a with its published offset basis
// and prime (http://www.isthe.com/chongo/tech/comp/fnv/). Stable across runs, builds and
// machines, which std::hash is not: it names things (gazetteer ids, token slots).
#pragma once

#include <cstdint>
#include <string_view>

namespace eventmap {

inline constexpr std::uint64_t fnv1a_offset_basis = 14695981039346656037ULL; // 0xcbf29ce484222325
inline constexpr std::uint64_t fnv1a_prime = 1099511628211ULL;

// `seed` continues a hash over several pieces: fnv1a(b, fnv1a(a)) == fnv1a(a + b).
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = fnv1a_offset_basis) {
    std::uint64_t h = seed;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= fnv1a_prime;
    }
    return h;
}

static_assert(fnv1a("") == fnv1a_offset_basis, "empty input hashes to the offset basis");
static_assert(fnv1a("a") == 0xaf63dc4c8601ec8cULL, "FNV-1a 64 test vector");

} // namespace eventmap
