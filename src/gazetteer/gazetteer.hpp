// The opened, memory-mapped gazetteer index: name lookup for people (`eventmap gazetteer
// lookup`) and the token trie the geoparser walks. Opening maps the file and checks its header
// only; nothing is read or deserialised, so opening costs the same for any size, only the
// pages a lookup needs are ever read, and they are shared between processes. Every reference
// read from the file is bounds-checked where it is followed; verify() checks everything.
#pragma once

#include "gazetteer/place.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::gazetteer {

struct IndexFile; // the mapping and its section pointers (gazetteer/index_format.hpp)

// One place an indexed name may refer to, and how the name refers to it.
struct Posting {
    std::uint32_t place = 0; // PlaceView::index
    std::uint32_t name = 0;  // the name as indexed (string offset; see Gazetteer::name_of)
    NameKind kind = NameKind::name;
};

struct Candidate {
    PlaceView place;
    NameKind kind = NameKind::name;
    double score = 0; // ranking score: the place's importance, adjusted for the query
};

struct LookupOptions {
    std::string country; // ISO alpha-2; when set only places in that country are returned
    std::size_t limit = 10;
};

struct IndexStats {
    std::uint32_t format_version = 0;
    std::uint64_t file_size = 0;
    std::uint32_t places = 0;
    std::uint32_t names = 0;    // distinct normalised names
    std::uint32_t postings = 0; // name -> place links
    std::uint32_t tokens = 0;   // distinct normalised tokens
    std::uint64_t source_fingerprint = 0;
    std::string built_at; // ISO 8601 UTC
};

class Gazetteer {
  public:
    // Maps the index and validates its header. Throws DataError naming the file when it is
    // missing, truncated, of another format version, or its header fails its checksum. A
    // lookup that meets a corrupt reference later throws DataError too.
    static Gazetteer open(const std::string& path);

    // Reads the whole file: every section's checksum and every reference between sections.
    // Throws DataError naming the section and record at the first problem. Returns the bytes
    // checked.
    std::uint64_t verify() const;

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    ~Gazetteer();

    // Ranked candidates for a name as a person would type it ("Damascus", "Ky.", "Syrian").
    std::vector<Candidate> lookup(std::string_view name, const LookupOptions& options = {}) const;

    std::uint32_t size() const; // number of places
    PlaceView place(std::uint32_t index) const;
    IndexStats stats() const;
    const std::string& path() const;

    // ---- Token trie, for the geoparser's one-pass matcher --------------------------------
    // Token ids of normalised tokens (normalize.hpp); nullopt when the token occurs in no name,
    // which ends any match through it.
    std::optional<std::uint32_t> token_id(std::string_view normalized_token) const;

    // Trie nodes: the root is the empty name; child() follows one token. A node with postings
    // ends a complete name. Node ids are stable for one opened index.
    std::uint32_t root() const { return 0; }
    std::optional<std::uint32_t> child(std::uint32_t node, std::uint32_t token) const;

    // The places a complete name refers to, best first by importance; empty for inner nodes.
    struct PostingRange {
        const Posting* first = nullptr;
        const Posting* last = nullptr;
        const Posting* begin() const { return first; }
        const Posting* end() const { return last; }
        std::size_t size() const { return static_cast<std::size_t>(last - first); }
        bool empty() const { return first == last; }
    };
    PostingRange postings(std::uint32_t node) const;

    // The name, as written in its source, through which a posting was indexed ("Ghūţah",
    // "Burma", "Ky."). Lets callers tell an exact spelling from a variant that only meets the
    // query through normalisation.
    std::string_view name_of(const Posting& posting) const;

  private:
    explicit Gazetteer(std::unique_ptr<IndexFile> file);
    std::unique_ptr<IndexFile> file_;
};

} // namespace eventmap::gazetteer
