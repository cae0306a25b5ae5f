// Collects places and names from every source in memory, ranks them, and writes the compiled
// index file (index_format.hpp). Sources add to it through gazetteer/sources.hpp.
#pragma once

#include "common/geo.hpp"
#include "gazetteer/place.hpp"

#include <cstdint>
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

class IndexBuilder {
  public:
    // Adds a place; its name and alternate names are indexed as NameKind::name. Returns its
    // index, usable with add_name() and place().
    std::uint32_t add_place(PlaceEntry entry);

    // Indexes one more name for an existing place (aliases, demonyms, alternateNames rows).
    void add_name(std::uint32_t place, std::string_view name, NameKind kind);

    PlaceEntry& place(std::uint32_t index) { return places_[index]; }
    const std::vector<PlaceEntry>& places() const { return places_; }

    // Ranks, builds the token trie and writes the index to `path` atomically (temporary file
    // then rename). Throws OutputError when the file cannot be written.
    WriteSummary write(const std::string& path, std::uint64_t source_fingerprint);

  private:
    struct NameRef {
        std::uint32_t place;
        NameKind kind;
        std::string name;
    };
    std::vector<PlaceEntry> places_;
    std::vector<NameRef> extra_names_;
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
