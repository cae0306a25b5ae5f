// Sections: 1. hashing  2. mapping and validating the header  2b. verifying everything
//           3. trie access  4. lookup
#include "gazetteer/gazetteer.hpp"

#include "common/error.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/normalize.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace eventmap::gazetteer {

// ---- 1. Hashing -----------------------------------------------------------------------------

namespace {

constexpr std::uint64_t checksum_prime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t checksum_prime2 = 0xC2B2AE3D27D4EB4FULL;

std::uint64_t checksum_mix(std::uint64_t h, std::uint64_t w) {
    h ^= w * checksum_prime2;
    h = (h << 31) | (h >> 33);
    return h * checksum_prime1;
}

void checksum_blocks(std::uint64_t (&lanes)[4], const unsigned char* data, std::size_t blocks) {
    for (std::size_t b = 0; b < blocks; ++b) {
        for (std::size_t lane = 0; lane < 4; ++lane) {
            std::uint64_t w;
            std::memcpy(&w, data + 32 * b + 8 * lane, 8);
            lanes[lane] = checksum_mix(lanes[lane], w);
        }
    }
}

} // namespace

void IndexChecksum::update(const unsigned char* data, std::size_t size) {
    // An empty section may come as (nullptr, 0): memcpy from a null pointer is undefined even
    // for no bytes, so nothing is touched.
    if (size == 0) {
        return;
    }
    total_ += size;
    if (pending_size_ > 0) {
        const std::size_t take = std::min(size, sizeof(pending_) - pending_size_);
        std::memcpy(pending_ + pending_size_, data, take);
        pending_size_ += take;
        data += take;
        size -= take;
        if (pending_size_ < sizeof(pending_)) {
            return;
        }
        checksum_blocks(lanes_, pending_, 1);
        pending_size_ = 0;
    }
    const std::size_t blocks = size / 32;
    checksum_blocks(lanes_, data, blocks);
    std::memcpy(pending_, data + 32 * blocks, size - 32 * blocks);
    pending_size_ = size - 32 * blocks;
}

std::uint64_t IndexChecksum::finish() const {
    std::uint64_t h = lanes_[0] ^ (lanes_[1] << 1) ^ (lanes_[2] << 2) ^ (lanes_[3] << 3) ^ total_;
    for (std::size_t i = 0; i < pending_size_; ++i) {
        h = checksum_mix(h, pending_[i]);
    }
    return h;
}

std::uint64_t index_checksum(const unsigned char* data, std::size_t size) {
    IndexChecksum checksum;
    checksum.update(data, size);
    return checksum.finish();
}

std::uint64_t header_checksum(const Header& header) {
    Header copy = header;
    copy.header_checksum = 0;
    return index_checksum(reinterpret_cast<const unsigned char*>(&copy), sizeof(copy));
}

// ---- 2. Mapping and validating the file -----------------------------------------------------

struct IndexFile {
    std::string path;
    const unsigned char* base = nullptr;
    std::size_t size = 0;
    const Header* header = nullptr;
    const PlaceRecord* places = nullptr;
    const char* strings = nullptr;
    std::size_t strings_size = 0;
    const std::uint32_t* slots = nullptr;
    const TokenRecord* tokens = nullptr;
    const NodeRecord* nodes = nullptr;
    const EdgeRecord* edges = nullptr;
    const Posting* postings = nullptr;

    IndexFile() = default;
    IndexFile(const IndexFile&) = delete;
    IndexFile& operator=(const IndexFile&) = delete;
    ~IndexFile() {
        if (base != nullptr) {
            ::munmap(const_cast<unsigned char*>(base), size);
        }
    }

    std::string_view string_at(std::uint32_t offset) const {
        if (offset >= strings_size) {
            return {};
        }
        return std::string_view(strings + offset);
    }
};

namespace {

[[noreturn]] void corrupt(const std::string& path, const std::string& what) {
    throw DataError(
        "corrupt gazetteer index (" + what + "); rebuild it with `eventmap gazetteer build`", path);
}

template <typename T> const T* section(const IndexFile& f, Section s, std::uint64_t count) {
    const std::uint64_t offset = f.header->offsets[s];
    const std::uint64_t bytes = f.header->sizes[s];
    if (offset % alignof(T) != 0 || offset > f.size || bytes > f.size - offset ||
        bytes != count * sizeof(T)) {
        corrupt(f.path, "section " + std::to_string(s) + " out of bounds");
    }
    return reinterpret_cast<const T*>(f.base + offset);
}

// A trie node whose edge and posting ranges lie inside their sections. Checked on each use
// rather than at open, so opening never reads the node section.
const NodeRecord& node_record(const IndexFile& f, std::uint32_t node) {
    const Header& h = *f.header;
    if (node >= h.node_count) {
        corrupt(f.path, "trie node " + std::to_string(node) + " out of range");
    }
    const NodeRecord& n = f.nodes[node];
    if (n.first_edge > h.edge_count || n.edge_count > h.edge_count - n.first_edge ||
        n.first_posting > h.posting_count || n.posting_count > h.posting_count - n.first_posting) {
        corrupt(f.path, "trie node " + std::to_string(node) + " points out of range");
    }
    return n;
}

std::unique_ptr<IndexFile> map_index(const std::string& path) {
    auto f = std::make_unique<IndexFile>();
    f->path = path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw DataError(std::string("cannot open gazetteer index: ") + std::strerror(errno) +
                            "; build it with `eventmap gazetteer build`",
                        path);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < sizeof(Header)) {
        ::close(fd);
        corrupt(path, "file shorter than its header");
    }
    f->size = static_cast<std::size_t>(st.st_size);
    // No MAP_POPULATE: a lookup faults in the few pages it reads, nothing else is loaded.
    void* m = ::mmap(nullptr, f->size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (m == MAP_FAILED) {
        throw DataError(std::string("cannot map gazetteer index: ") + std::strerror(errno), path);
    }
    f->base = static_cast<const unsigned char*>(m);
    f->header = reinterpret_cast<const Header*>(f->base);
    return f;
}

} // namespace

Gazetteer Gazetteer::open(const std::string& path) {
    auto f = map_index(path);
    const Header& h = *f->header;
    if (std::memcmp(h.magic, index_magic, sizeof(index_magic)) != 0) {
        corrupt(path, "not an eventmap gazetteer index");
    }
    if (h.format_version != index_format_version) {
        throw DataError("gazetteer index has format version " + std::to_string(h.format_version) +
                            ", this eventmap reads version " +
                            std::to_string(index_format_version) +
                            "; rebuild it with `eventmap gazetteer build`",
                        path);
    }
    if (h.header_size != sizeof(Header) || h.file_size != f->size) {
        corrupt(path, "truncated: header says " + std::to_string(h.file_size) +
                          " bytes, file has " + std::to_string(f->size));
    }
    if (header_checksum(h) != h.header_checksum) {
        corrupt(path, "header checksum mismatch");
    }
    f->places = section<PlaceRecord>(*f, Section::places, h.place_count);
    f->strings_size = h.sizes[Section::strings];
    f->strings = section<char>(*f, Section::strings, f->strings_size);
    if (f->strings_size == 0 || f->strings[f->strings_size - 1] != '\0') {
        corrupt(path, "string pool not terminated");
    }
    if ((h.token_slots & (h.token_slots - 1)) != 0 || h.token_slots == 0) {
        corrupt(path, "token table size");
    }
    f->slots = section<std::uint32_t>(*f, Section::slots, h.token_slots);
    f->tokens = section<TokenRecord>(*f, Section::tokens, h.token_count);
    f->nodes = section<NodeRecord>(*f, Section::nodes, h.node_count);
    f->edges = section<EdgeRecord>(*f, Section::edges, h.edge_count);
    f->postings = section<Posting>(*f, Section::postings, h.posting_count);
    if (h.node_count == 0) {
        corrupt(path, "empty trie");
    }
    return Gazetteer(std::move(f));
}

Gazetteer::Gazetteer(std::unique_ptr<IndexFile> file) : file_(std::move(file)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

std::uint32_t Gazetteer::size() const {
    return file_->header->place_count;
}
const std::string& Gazetteer::path() const {
    return file_->path;
}

PlaceView Gazetteer::place(std::uint32_t index) const {
    if (index >= file_->header->place_count) {
        corrupt(file_->path, "place " + std::to_string(index) + " out of range");
    }
    const PlaceRecord& r = file_->places[index];
    PlaceView v;
    v.index = index;
    v.id = r.id;
    v.name = file_->string_at(r.name);
    v.feature_class = r.feature_class;
    v.feature_code =
        std::string_view(r.feature_code, strnlen(r.feature_code, sizeof(r.feature_code)));
    v.country = r.country[0] == ' ' ? std::string_view() : std::string_view(r.country, 2);
    v.admin1 = file_->string_at(r.admin1);
    v.admin2 = file_->string_at(r.admin2);
    v.iso3166_2 = file_->string_at(r.iso3166_2);
    v.population = r.population;
    v.position = LatLon{r.lat, r.lon};
    v.radius_km = r.radius_km;
    v.precision = static_cast<Precision>(r.precision);
    v.source = static_cast<Source>(r.source);
    v.importance = r.importance;
    return v;
}

IndexStats Gazetteer::stats() const {
    const Header& h = *file_->header;
    IndexStats s;
    s.format_version = h.format_version;
    s.file_size = h.file_size;
    s.places = h.place_count;
    s.names = h.name_count;
    s.postings = h.posting_count;
    s.tokens = h.token_count;
    s.source_fingerprint = h.source_fingerprint;
    char buf[32];
    const std::time_t t = static_cast<std::time_t>(h.built_at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    s.built_at = buf;
    return s;
}

// ---- 2b. Verifying everything --------------------------------------------------------------

namespace {

void verify_references(const IndexFile& f) {
    const Header& h = *f.header;
    auto check = [&](bool ok, const char* what, std::uint64_t record) {
        if (!ok) {
            corrupt(f.path, std::string(what) + " " + std::to_string(record) + " out of range");
        }
    };
    for (std::uint32_t i = 0; i < h.place_count; ++i) {
        const PlaceRecord& p = f.places[i];
        check(p.name < f.strings_size && p.admin1 < f.strings_size && p.admin2 < f.strings_size &&
                  p.iso3166_2 < f.strings_size,
              "place", i);
    }
    for (std::uint32_t i = 0; i < h.token_slots; ++i) {
        check(f.slots[i] <= h.token_count, "token slot", i);
    }
    for (std::uint32_t i = 0; i < h.token_count; ++i) {
        const TokenRecord& t = f.tokens[i];
        check(std::uint64_t{t.string} + t.length < f.strings_size && t.root_child < h.node_count,
              "token", i);
    }
    for (std::uint32_t n = 0; n < h.node_count; ++n) {
        node_record(f, n);
    }
    for (std::uint32_t i = 0; i < h.edge_count; ++i) {
        check(f.edges[i].token < h.token_count && f.edges[i].child < h.node_count, "edge", i);
    }
    for (std::uint32_t i = 0; i < h.posting_count; ++i) {
        check(f.postings[i].place < h.place_count && f.postings[i].name < f.strings_size, "posting",
              i);
    }
}

} // namespace

std::uint64_t Gazetteer::verify() const {
    const IndexFile& f = *file_;
    const Header& h = *f.header;
    static const char* const names[] = {"places", "strings", "slots",   "tokens",
                                        "nodes",  "edges",   "postings"};
    std::uint64_t bytes = sizeof(Header);
    for (std::uint32_t s = 0; s < Section::count; ++s) {
        if (index_checksum(f.base + h.offsets[s], h.sizes[s]) != h.section_checksums[s]) {
            corrupt(f.path, std::string("checksum mismatch in section ") + names[s]);
        }
        bytes += h.sizes[s];
    }
    verify_references(f);
    return bytes;
}

// ---- 3. Trie access -------------------------------------------------------------------------

std::optional<std::uint32_t> Gazetteer::token_id(std::string_view token) const {
    const Header& h = *file_->header;
    const std::uint32_t mask = h.token_slots - 1;
    const std::uint64_t hash = fnv1a(token);
    std::uint64_t slot = hash & mask;
    for (std::uint32_t probes = 0; probes < h.token_slots; ++probes) {
        const std::uint32_t entry = file_->slots[slot];
        if (entry == 0 || entry > h.token_count) {
            return std::nullopt;
        }
        const TokenRecord& t = file_->tokens[entry - 1];
        if (t.hash == static_cast<std::uint32_t>(hash) && t.length == token.size() &&
            std::uint64_t{t.string} + t.length < file_->strings_size &&
            std::memcmp(file_->strings + t.string, token.data(), token.size()) == 0) {
            return entry - 1;
        }
        slot = (slot + 1) & mask;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::child(std::uint32_t node, std::uint32_t token) const {
    if (token >= file_->header->token_count) {
        return std::nullopt;
    }
    if (node == root()) {
        const std::uint32_t c = file_->tokens[token].root_child;
        return c == 0 || c >= file_->header->node_count ? std::nullopt
                                                        : std::optional<std::uint32_t>(c);
    }
    const NodeRecord& n = node_record(*file_, node);
    const EdgeRecord* first = file_->edges + n.first_edge;
    const EdgeRecord* last = first + n.edge_count;
    const EdgeRecord* it = std::lower_bound(
        first, last, token, [](const EdgeRecord& e, std::uint32_t t) { return e.token < t; });
    if (it == last || it->token != token || it->child >= file_->header->node_count) {
        return std::nullopt;
    }
    return it->child;
}

Gazetteer::PostingRange Gazetteer::postings(std::uint32_t node) const {
    const NodeRecord& n = node_record(*file_, node);
    const Posting* first = file_->postings + n.first_posting;
    return PostingRange{first, first + n.posting_count};
}

std::string_view Gazetteer::name_of(const Posting& posting) const {
    return file_->string_at(posting.name);
}

// ---- 4. Lookup ------------------------------------------------------------------------------

namespace {

std::optional<std::uint32_t> find_name(const Gazetteer& g, const std::vector<std::string>& tokens,
                                       std::size_t from) {
    std::uint32_t node = g.root();
    for (std::size_t i = from; i < tokens.size(); ++i) {
        const auto id = g.token_id(tokens[i]);
        if (!id) {
            return std::nullopt;
        }
        const auto next = g.child(node, *id);
        if (!next) {
            return std::nullopt;
        }
        node = *next;
    }
    return node == g.root() ? std::nullopt : std::optional<std::uint32_t>(node);
}

} // namespace

std::vector<Candidate> Gazetteer::lookup(std::string_view name,
                                         const LookupOptions& options) const {
    const std::vector<std::string> tokens = normalize_tokens(name);
    std::vector<Candidate> out;
    if (tokens.empty()) {
        return out;
    }
    auto node = find_name(*this, tokens, 0);
    if ((!node || postings(*node).empty()) && tokens.size() >= 2 && is_arabic_article(tokens[0])) {
        node = find_name(*this, tokens, 1); // "al-Ghouta" when only "Ghouta" is indexed
    }
    if (!node) {
        return out;
    }
    out.reserve(std::min(options.limit, postings(*node).size()));
    for (const Posting& p : postings(*node)) {
        if (out.size() >= options.limit) {
            break;
        }
        PlaceView v = place(p.place);
        if (!options.country.empty() && v.country != options.country) {
            continue;
        }
        out.push_back(Candidate{v, p.kind, v.importance});
    }
    return out;
}

} // namespace eventmap::gazetteer
