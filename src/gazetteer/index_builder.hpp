// Collects places and names from every source, ranks them, and writes the compiled index file
// (index_format.hpp). Sources add to it through gazetteer/sources.hpp. Places are kept compact
// in memory (place_store.hpp); the name postings, the bulk of the work, go through an external
// sort (name_sort.hpp) whose runs live in a scratch folder beside the index, so the full
// GeoNames dump builds in a few GB.
#pragma once

#include "common/geo.hpp"
#include "gazetteer/place.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::gazetteer {

struct PlaceEntry {
    std::uint64_t id = 0;
    std::string name;
    std::vector<std::string> alternate_names;
    char feature_class = ' ';
    std::string feature_code;
    std::string country; // ISO alpha-2 or empty
    std::string admin1;
    std::string admin2;
    std::string iso3166_2;
    std::uint64_t population = 0;
    LatLon position;
    float radius_km = 0; // 0: derived from the feature and population when written
    Precision precision = Precision::city;
    Source source = Source::geonames;
    double area_km2 = 0; // countries only: tie-break between countries
};

struct WriteSummary {
    std::uint32_t places = 0;
    std::uint32_t names = 0;
    std::uint32_t postings = 0;
    std::uint32_t tokens = 0;
    std::uint64_t file_size = 0;
};

class PlaceStore;

class IndexBuilder {
  public:
    IndexBuilder();
    ~IndexBuilder();
    IndexBuilder(const IndexBuilder& other); // a deep copy (fuzz targets start from a base)
    IndexBuilder& operator=(const IndexBuilder&) = delete;

    // Adds a place; its name and alternate names are indexed as NameKind::name. Returns its
    // index, usable with add_name() and place().
    std::uint32_t add_place(const PlaceEntry& entry);

    // Indexes one more name for an existing place (aliases, demonyms, alternateNames rows).
    void add_name(std::uint32_t place, std::string_view name, NameKind kind);

    // Corrects an existing place (a user gazetteer row naming its GeoNames id): position,
    // extent, precision, feature, population and codes from `fix`; its names are added.
    void correct_place(std::uint32_t place, const PlaceEntry& fix);

    // A copy of what was added (places are stored compactly, not as PlaceEntry).
    PlaceEntry place(std::uint32_t index) const;
    std::size_t size() const;
    // The compact records, for readers that scan every place (division centres).
    const PlaceStore& store() const { return *store_; }

    // Memory the name sort may hold before it writes a run to disk (default 512 MiB).
    void set_sort_budget(std::size_t bytes) { sort_budget_ = bytes; }

    // Ranks, builds the token trie and writes the index to `path` atomically (temporary file
    // then rename). Throws OutputError when the file cannot be written.
    WriteSummary write(const std::string& path, std::uint64_t source_fingerprint);

  private:
    std::unique_ptr<PlaceStore> store_;
    std::size_t sort_budget_ = std::size_t{512} << 20;
};

// The ranking prior: countries > macro-regions > capitals > first-level divisions > admin
// seats > towns, population within each tier. Exposed for tests.
double importance(const PlaceEntry& place);

// Radius of a disc with a country's area, in kilometres: how far a country reaches from its
// point, for its extent and for checking points that claim to be inside it.
double area_radius_km(double area_km2);

// Default extent of a place when its source gives none, in kilometres.
float default_radius_km(const PlaceEntry& place);

} // namespace eventmap::gazetteer
