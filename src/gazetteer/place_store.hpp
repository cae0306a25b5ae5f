// Compact storage of the places and names an index build collects. The full GeoNames dump has
// 12 million places and 15 million alternate names: held as PlaceEntry objects (six strings
// and a vector each) they took most of the 11 GB the build needed. Here a place is one
// fixed-size record, its name and alternate names are length-prefixed bytes in a chunked
// arena, and its short codes (feature code, country, admin1, admin2, ISO 3166-2) are interned.
// Storage grows in fixed chunks, never by reallocating and copying a large block (which briefly
// needs three times the memory).
#pragma once

#include "gazetteer/index_builder.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace eventmap::gazetteer {

// A vector that grows by chunks of 2^16 elements; references stay valid as it grows once it
// holds more than one chunk. The first chunk starts at 4 KiB and doubles (moving its elements,
// as std::vector does) up to the full chunk: a build of a few places (the tests, the fuzz
// targets, one country's file) does not allocate and clear megabytes per vector, which under
// AddressSanitizer cost the gazetteer fuzz targets most of their time.
template <typename T> class ChunkedVector {
  public:
    static constexpr std::size_t chunk_bits = 16;
    static constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;
    static constexpr std::size_t first_capacity =
        std::clamp<std::size_t>(4096 / sizeof(T), 1, chunk_size);

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector& other) : size_(other.size_), capacity_(other.capacity_) {
        for (std::size_t c = 0; c < other.chunks_.size(); ++c) {
            const std::size_t n = other.chunk_capacity(c);
            chunks_.push_back(std::make_unique<T[]>(n));
            std::copy(other.chunks_[c].get(), other.chunks_[c].get() + n, chunks_.back().get());
        }
    }
    ChunkedVector& operator=(const ChunkedVector&) = delete;
    ChunkedVector(ChunkedVector&& other) noexcept
        : chunks_(std::move(other.chunks_)), size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0)) {}
    ChunkedVector& operator=(ChunkedVector&& other) noexcept {
        chunks_ = std::move(other.chunks_);
        size_ = std::exchange(other.size_, 0);
        capacity_ = std::exchange(other.capacity_, 0);
        return *this;
    }

    void push_back(T value) {
        if (size_ == capacity_) {
            grow();
        }
        chunks_[size_ >> chunk_bits][size_ & (chunk_size - 1)] = std::move(value);
        ++size_;
    }
    T& operator[](std::size_t i) { return chunks_[i >> chunk_bits][i & (chunk_size - 1)]; }
    const T& operator[](std::size_t i) const {
        return chunks_[i >> chunk_bits][i & (chunk_size - 1)];
    }
    std::size_t size() const { return size_; }
    void clear() {
        chunks_.clear();
        size_ = 0;
        capacity_ = 0;
    }

  private:
    // Elements chunk `c` has room for (only the first chunk can be smaller than chunk_size).
    std::size_t chunk_capacity(std::size_t c) const {
        return c == 0 ? std::min(capacity_, chunk_size) : chunk_size;
    }
    void grow() {
        if (capacity_ >= chunk_size) {
            chunks_.push_back(std::make_unique<T[]>(chunk_size));
            capacity_ += chunk_size;
            return;
        }
        const std::size_t grown =
            capacity_ == 0 ? first_capacity : std::min(chunk_size, 2 * capacity_);
        auto first = std::make_unique<T[]>(grown);
        if (!chunks_.empty()) {
            std::copy(chunks_[0].get(), chunks_[0].get() + size_, first.get());
            chunks_[0] = std::move(first);
        } else {
            chunks_.push_back(std::move(first));
        }
        capacity_ = grown;
    }

    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0; // elements the chunks hold room for
};

// Strings appended one after another (a 4-byte length, then the bytes) in blocks of 64 KiB
// doubling up to 64 MiB (blocks never move, so references stay valid); a string is addressed by a
// 64-bit reference (block << 32 | offset in the block).
class TextArena {
  public:
    TextArena() = default;
    TextArena(const TextArena& other); // copies the bytes in use (fuzz targets copy a base)
    TextArena& operator=(const TextArena&) = delete;

    std::uint64_t add(std::string_view text);
    std::string_view at(std::uint64_t ref) const;
    // The reference of the string stored right after the one at `ref`.
    std::uint64_t next(std::uint64_t ref) const;
    void clear() { blocks_.clear(); }

  private:
    struct Block {
        std::unique_ptr<char[]> bytes;
        std::size_t size = 0;
        std::size_t used = 0;
    };
    std::vector<Block> blocks_;
};

// Short strings many places share (admin codes), each stored once; id 0 is "".
class StringInterner {
  public:
    StringInterner() { strings_.emplace_back(); }
    std::uint32_t add(std::string_view s);
    const std::string& at(std::uint32_t id) const { return strings_[id]; }

  private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> strings_;
};

// One place as the build keeps it: everything PlaceEntry says, in 80 bytes.
struct StoredPlace {
    std::uint64_t id = 0;
    std::uint64_t population = 0;
    double lat = 0;
    double lon = 0;
    double area_km2 = 0;
    std::uint64_t name = 0; // TextArena reference; the alternate names follow it
    std::uint32_t alternate_count = 0;
    float radius_km = 0;
    std::uint32_t feature_code = 0; // StringInterner ids
    std::uint32_t country = 0;
    std::uint32_t admin1 = 0;
    std::uint32_t admin2 = 0;
    std::uint32_t iso3166_2 = 0;
    char feature_class = ' ';
    Precision precision = Precision::city;
    Source source = Source::geonames;
};

// A name added to a place after the place itself (aliases, alternate-name rows).
struct StoredName {
    std::uint64_t text = 0; // TextArena reference
    std::uint32_t place = 0;
    NameKind kind = NameKind::name;
};

class PlaceStore {
  public:
    std::uint32_t add(const PlaceEntry& entry);
    void add_name(std::uint32_t place, std::string_view name, NameKind kind);
    // Overwrites where a place is and what it is with `fix` (a user's correction); its id and
    // display name stay, fix's name and alternate names become more names of it.
    void correct(std::uint32_t place, const PlaceEntry& fix);

    std::size_t size() const { return places_.size(); }
    const StoredPlace& operator[](std::size_t i) const { return places_[i]; }
    StoredPlace& operator[](std::size_t i) { return places_[i]; }
    std::string_view name(const StoredPlace& p) const { return text_.at(p.name); }
    // Calls f(name) for each alternate name of `p`, in the order they were given.
    template <typename F> void for_each_alternate(const StoredPlace& p, F&& f) const {
        std::uint64_t ref = p.name;
        for (std::uint32_t i = 0; i < p.alternate_count; ++i) {
            ref = text_.next(ref);
            f(text_.at(ref));
        }
    }
    const std::string& code(std::uint32_t id) const { return codes_.at(id); }

    const ChunkedVector<StoredName>& extra_names() const { return names_; }
    std::string_view text(std::uint64_t ref) const { return text_.at(ref); }

    // The place as a PlaceEntry (with its alternate names), for readers that judge places.
    PlaceEntry entry(std::uint32_t index) const;

    // Frees the extra names once they have been sorted into runs.
    void release_extra_names() { names_.clear(); }

  private:
    ChunkedVector<StoredPlace> places_;
    ChunkedVector<StoredName> names_;
    TextArena text_;
    StringInterner codes_;
};

} // namespace eventmap::gazetteer
