#include "gazetteer/place_store.hpp"

#include "common/assert.hpp"

#include <algorithm>
#include <cstring>

namespace eventmap::gazetteer {

namespace {

// Blocks start small and double up to 64 MiB: a build of a few places (the tests, the fuzz
// targets, a country file) then never asks for 64 MiB, which under AddressSanitizer costs
// 8 MiB of shadow memory written on every allocation and free.
constexpr std::size_t first_block_bytes = std::size_t{64} << 10;
constexpr std::size_t block_bytes = std::size_t{64} << 20;
constexpr std::size_t length_bytes = sizeof(std::uint32_t);

} // namespace

std::uint64_t TextArena::add(std::string_view text) {
    const std::size_t need = length_bytes + text.size();
    if (blocks_.empty() || blocks_.back().size - blocks_.back().used < need) {
        // A string longer than a block (a hostile row) gets a block of its own.
        Block block;
        const std::size_t grown =
            blocks_.empty() ? first_block_bytes
                            : std::clamp(2 * blocks_.back().size, first_block_bytes, block_bytes);
        block.size = std::max(grown, need);
        block.bytes.reset(new char[block.size]); // not zeroed: untouched pages stay unmapped
        blocks_.push_back(std::move(block));
    }
    Block& block = blocks_.back();
    const auto length = static_cast<std::uint32_t>(text.size());
    std::memcpy(block.bytes.get() + block.used, &length, length_bytes);
    std::memcpy(block.bytes.get() + block.used + length_bytes, text.data(), text.size());
    const std::uint64_t ref = (static_cast<std::uint64_t>(blocks_.size() - 1) << 32) | block.used;
    block.used += need;
    return ref;
}

TextArena::TextArena(const TextArena& other) {
    for (const Block& b : other.blocks_) {
        Block copy;
        copy.size = b.used; // full: later strings start a new block
        copy.used = b.used;
        copy.bytes.reset(new char[std::max<std::size_t>(b.used, 1)]);
        std::memcpy(copy.bytes.get(), b.bytes.get(), b.used);
        blocks_.push_back(std::move(copy));
    }
}

std::string_view TextArena::at(std::uint64_t ref) const {
    const Block& block = blocks_[ref >> 32];
    const std::size_t offset = ref & 0xFFFFFFFFULL;
    std::uint32_t length = 0;
    std::memcpy(&length, block.bytes.get() + offset, length_bytes);
    return std::string_view(block.bytes.get() + offset + length_bytes, length);
}

std::uint64_t TextArena::next(std::uint64_t ref) const {
    const std::size_t block = ref >> 32;
    const std::size_t end = (ref & 0xFFFFFFFFULL) + length_bytes + at(ref).size();
    // Strings added together may continue in the next block when this one was full.
    return end < blocks_[block].used ? (ref & ~0xFFFFFFFFULL) | end
                                     : static_cast<std::uint64_t>(block + 1) << 32;
}

std::uint32_t StringInterner::add(std::string_view s) {
    if (s.empty()) {
        return 0;
    }
    const auto [it, inserted] =
        ids_.try_emplace(std::string(s), static_cast<std::uint32_t>(strings_.size()));
    if (inserted) {
        strings_.emplace_back(s);
    }
    return it->second;
}

std::uint32_t PlaceStore::add(const PlaceEntry& e) {
    StoredPlace p;
    p.id = e.id;
    p.population = e.population;
    p.lat = e.position.lat;
    p.lon = e.position.lon;
    p.area_km2 = e.area_km2;
    p.name = text_.add(e.name);
    for (const auto& alternate : e.alternate_names) {
        text_.add(alternate);
    }
    p.alternate_count = static_cast<std::uint32_t>(e.alternate_names.size());
    p.radius_km = e.radius_km;
    p.feature_code = codes_.add(e.feature_code);
    p.country = codes_.add(e.country);
    p.admin1 = codes_.add(e.admin1);
    p.admin2 = codes_.add(e.admin2);
    p.iso3166_2 = codes_.add(e.iso3166_2);
    p.feature_class = e.feature_class;
    p.precision = e.precision;
    p.source = e.source;
    places_.push_back(p);
    return static_cast<std::uint32_t>(places_.size() - 1);
}

void PlaceStore::add_name(std::uint32_t place, std::string_view name, NameKind kind) {
    EVENTMAP_ASSERT(place < places_.size(), "a name for a place that was never added");
    names_.push_back(StoredName{text_.add(name), place, kind});
}

void PlaceStore::correct(std::uint32_t place, const PlaceEntry& fix) {
    EVENTMAP_ASSERT(place < places_.size(), "a correction of a place that was never added");
    StoredPlace& p = places_[place];
    p.lat = fix.position.lat;
    p.lon = fix.position.lon;
    p.radius_km = fix.radius_km;
    p.precision = fix.precision;
    p.feature_class = fix.feature_class;
    p.feature_code = codes_.add(fix.feature_code);
    if (fix.population != 0) {
        p.population = fix.population;
    }
    // Empty codes in a correction mean "unchanged", not "none".
    if (!fix.country.empty()) {
        p.country = codes_.add(fix.country);
    }
    if (!fix.admin1.empty()) {
        p.admin1 = codes_.add(fix.admin1);
    }
    if (fix.name != name(p)) {
        add_name(place, fix.name, NameKind::name);
    }
    for (const auto& alternate : fix.alternate_names) {
        add_name(place, alternate, NameKind::name);
    }
}

PlaceEntry PlaceStore::entry(std::uint32_t index) const {
    const StoredPlace& p = places_[index];
    PlaceEntry e;
    e.id = p.id;
    e.name = std::string(name(p));
    for_each_alternate(p, [&](std::string_view alt) { e.alternate_names.emplace_back(alt); });
    e.feature_class = p.feature_class;
    e.feature_code = code(p.feature_code);
    e.country = code(p.country);
    e.admin1 = code(p.admin1);
    e.admin2 = code(p.admin2);
    e.iso3166_2 = code(p.iso3166_2);
    e.population = p.population;
    e.position = LatLon{p.lat, p.lon};
    e.radius_km = p.radius_km;
    e.precision = p.precision;
    e.source = p.source;
    e.area_km2 = p.area_km2;
    return e;
}

} // namespace eventmap::gazetteer
