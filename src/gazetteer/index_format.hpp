// The on-disk layout of a compiled gazetteer index (.emg). Written by index_builder.cpp with
// index_writer.cpp, mapped read-only by gazetteer.cpp. Everything is little-endian, fixed-size and
// 8-byte aligned so the file can be used in place without parsing.
//
//   Header (256 bytes)
//   places    PlaceRecord[place_count]
//   strings   NUL-terminated UTF-8, referenced by byte offset (0 is the empty string)
//   slots     uint32[token_slots]: open-addressing hash of token strings -> token index + 1
//   tokens    TokenRecord[token_count]: each normalised token and the root's child for it
//   nodes     NodeRecord[node_count]: the token trie, node 0 is the root
//   edges     EdgeRecord[edge_count]: each node's children, sorted by token id
//   postings  Posting[posting_count]: the places each complete name refers to, best first
//
// Opening checks only the header (its own checksum, the section bounds): the pages of a
// section are read when a lookup needs them, so opening costs the same for any size. Each
// section has its own checksum, verified with the whole structure by Gazetteer::verify().
//
// Bump format_version for any change here; an index of another version is refused and
// rebuilt.
#pragma once

#include "common/hash.hpp"
#include "gazetteer/gazetteer.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventmap::gazetteer {

inline constexpr char index_magic[8] = {'E', 'V', 'M', 'G', 'A', 'Z', '\r', '\n'};
inline constexpr std::uint32_t index_format_version = 5; // 4: FNV-1a with its real offset basis;
                                                         // 5: a checksum per section

enum Section : std::uint32_t { places, strings, slots, tokens, nodes, edges, postings, count };

struct Header {
    char magic[8];
    std::uint32_t format_version;
    std::uint32_t header_size;
    std::uint64_t file_size;
    std::uint64_t header_checksum;    // index_checksum() of this header with this field zero
    std::uint64_t source_fingerprint; // sources_fingerprint() of what it was built from
    std::int64_t built_at;            // Unix seconds
    std::uint32_t place_count;
    std::uint32_t token_count;
    std::uint32_t token_slots; // a power of two
    std::uint32_t node_count;
    std::uint32_t edge_count;
    std::uint32_t name_count;
    std::uint32_t posting_count;
    std::uint32_t reserved0;
    std::uint64_t offsets[Section::count]; // byte offset of each section from the file start
    std::uint64_t sizes[Section::count];   // byte size of each section
    // index_checksum() of each section's bytes: checked by Gazetteer::verify() (at build and by
    // `gazetteer verify`), never by open(), which must not read the whole file.
    std::uint64_t section_checksums[Section::count];
    std::uint8_t padding[256 - 80 - 24 * Section::count];
};
static_assert(sizeof(Header) == 256, "index header must stay 256 bytes");

struct PlaceRecord {
    std::uint64_t id;
    std::uint64_t population;
    float lat;
    float lon;
    float radius_km;
    float importance;
    std::uint32_t name; // string offsets
    std::uint32_t admin1;
    std::uint32_t admin2;
    std::uint32_t iso3166_2;
    char feature_code[8]; // NUL-padded
    char country[2];      // "  " when none
    char feature_class;
    std::uint8_t precision; // Precision
    std::uint8_t source;    // Source
    std::uint8_t reserved[3];
};
static_assert(sizeof(PlaceRecord) == 64, "PlaceRecord layout is part of the file format");

struct NodeRecord {
    std::uint32_t first_edge;
    std::uint32_t edge_count;
    std::uint32_t first_posting;
    std::uint32_t posting_count;
};

// The root has a child for almost every token; keeping it beside the token saves a binary
// search over hundreds of thousands of edges on every match start.
struct TokenRecord {
    std::uint32_t string;     // offset in the string pool
    std::uint32_t length;     // bytes, so comparisons need no strlen
    std::uint32_t hash;       // low 32 bits of fnv1a(token): most mismatches end here
    std::uint32_t root_child; // node reached from the root by this token; 0 when none
};

struct EdgeRecord {
    std::uint32_t token;
    std::uint32_t child;
};

static_assert(sizeof(Posting) == 12, "Posting layout is part of the file format");

// Posting as the builder writes it: a trivial type, so its padding can be zeroed.
struct PostingRecord {
    std::uint32_t place;
    std::uint32_t name;
    std::uint8_t kind;
    std::uint8_t padding[3];
};
static_assert(sizeof(PostingRecord) == sizeof(Posting) &&
                  offsetof(PostingRecord, kind) == offsetof(Posting, kind),
              "PostingRecord is Posting's layout");

// 64-bit hash used for the header and section checksums: four independent lanes over 8-byte
// words so verifying runs near memory speed.
std::uint64_t index_checksum(const unsigned char* data, std::size_t size);

// The same checksum over data given in pieces, so a section can be checked as it is streamed
// to the file: update() in any split, then finish() equals index_checksum() of the whole.
class IndexChecksum {
  public:
    void update(const unsigned char* data, std::size_t size);
    std::uint64_t finish() const;

  private:
    std::uint64_t lanes_[4] = {0x9E3779B185EBCA87ULL, 0xC2B2AE3D27D4EB4FULL,
                               0x9E3779B185EBCA87ULL ^ 0xC2B2AE3D27D4EB4FULL,
                               ~0x9E3779B185EBCA87ULL};
    unsigned char pending_[32] = {}; // bytes short of a whole 32-byte block
    std::size_t pending_size_ = 0;
    std::uint64_t total_ = 0;
};

// FNV-1a over a string (common/hash.hpp): token hash-table slots and stable ids of divisions
// and supplement entries.
using eventmap::fnv1a;

// The header's own checksum: index_checksum() of the header with header_checksum zeroed.
std::uint64_t header_checksum(const Header& header);

} // namespace eventmap::gazetteer
