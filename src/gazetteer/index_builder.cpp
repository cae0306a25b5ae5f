// Sections: 1. ranking prior and extents  2. collecting names  3. the token trie
//           4. string pool and token hash  5. writing the file
#include "gazetteer/index_builder.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/normalize.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <numeric>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::gazetteer {

// ---- 1. Ranking prior and extents -----------------------------------------------------------

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

double log_pop(std::uint64_t population) {
    return std::log10(static_cast<double>(population) + 1.0);
}

} // namespace

double importance(const PlaceEntry& p) {
    const std::string_view code = p.feature_code;
    const double lp = log_pop(p.population);
    if (code == "CONT") {
        return 9.6;
    }
    if (p.precision == Precision::country || starts_with(code, "PCL")) {
        // Countries share one tier; area breaks ties between same-named ones.
        return 9.0 + std::min(0.4, std::log10(p.area_km2 + 1.0) / 20.0);
    }
    if (p.precision == Precision::region) {
        return 8.4 + std::min(0.3, lp / 40.0);
    }
    if (code == "PPLC") {
        return 7.0 + lp / 20.0;
    }
    if (code == "ADM1" || p.precision == Precision::admin1) {
        return 6.5 + lp / 20.0;
    }
    if (code == "ADM2" || p.precision == Precision::admin2) {
        return 3.0 + lp / 5.0;
    }
    if (p.feature_class == 'P') {
        double bonus = 0.0;
        if (code == "PPLA") {
            bonus = 0.6;
        } else if (code == "PPLA2") {
            bonus = 0.3;
        } else if (code == "PPLA3" || code == "PPLA4") {
            bonus = 0.1;
        } else if (code == "PPLX" || code == "PPLH" || code == "PPLQ" || code == "PPLW") {
            bonus = -0.5; // sections of places and historical places: rarely what news means
        }
        // A district or town the project's supplement adds is there because news names it:
        // it outranks same-named villages of a few thousand people.
        if (p.source == Source::supplement) {
            return std::max(0.9 * lp, 4.0) + 0.5;
        }
        return 0.9 * lp + bonus;
    }
    // Water bodies, terrain, spots: named by news in their own right; unknown population.
    if (p.source == Source::supplement) {
        return 5.5 + lp / 10.0;
    }
    return 1.0 + lp / 2.0;
}

double area_radius_km(double area_km2) {
    return std::sqrt(std::max(area_km2, 0.0) / 3.14159265358979323846);
}

float default_radius_km(const PlaceEntry& p) {
    switch (p.precision) {
    case Precision::continent:
        return 3000.0F;
    case Precision::region:
        return 500.0F;
    case Precision::country:
        return static_cast<float>(area_radius_km(p.area_km2));
    case Precision::admin1:
        return 150.0F;
    case Precision::admin2:
        return 30.0F;
    case Precision::district:
        return 2.0F;
    case Precision::point:
        return 0.5F;
    case Precision::city:
        break;
    }
    // Built-up area grows roughly with the fourth root of population: 500 people ~ 3 km,
    // 1 million ~ 19 km.
    const float r =
        0.6F * std::pow(static_cast<float>(std::max<std::uint64_t>(p.population, 1)), 0.25F);
    return std::clamp(r, 1.0F, 40.0F);
}

// ---- 2. Collecting names --------------------------------------------------------------------

std::uint32_t IndexBuilder::add_place(PlaceEntry entry) {
    places_.push_back(std::move(entry));
    return static_cast<std::uint32_t>(places_.size() - 1);
}

void IndexBuilder::add_name(std::uint32_t place, std::string_view name, NameKind kind) {
    extra_names_.push_back(NameRef{place, kind, std::string(name)});
}

namespace {

// Countries whose place names carry the Arabic article; elsewhere "El Paso" stays whole.
bool arabic_article_country(std::string_view cc) {
    static const std::unordered_set<std::string_view> countries = {
        "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA",
        "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH", "TD"};
    return countries.count(cc) > 0;
}

// Alternate names that are codes (airport, postal, ISO) rather than names people write.
bool is_code_like(std::string_view name) {
    if (name.size() <= 3) {
        return std::all_of(name.begin(), name.end(),
                           [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
    }
    return std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Latin-script names only: the geoparser reads English news, and other scripts would only
// grow the index.
bool has_latin_letter(std::string_view name) {
    for (unsigned char c : name) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return true;
        }
    }
    return false;
}

bool is_latin_text(std::string_view name) {
    if (!has_latin_letter(name)) {
        return false;
    }
    // Reject names mixing in Cyrillic, Arabic, CJK... (lead bytes of 3/4-byte sequences and
    // two-byte sequences beyond Latin Extended-B/IPA/combining marks).
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0xD0 && c < 0xE0) {
            return false; // U+0400 and above in two bytes: Cyrillic, Armenian, Hebrew, Arabic
        }
        if (c >= 0xE0) {
            // Allow Latin Extended Additional (U+1E00-U+1EFF: E1 B8..BB) and general
            // punctuation (U+2000-U+206F: E2 80..81), reject the rest.
            if (i + 1 < name.size()) {
                const auto n = static_cast<unsigned char>(name[i + 1]);
                if ((c == 0xE1 && n >= 0xB8 && n <= 0xBB) || (c == 0xE2 && n <= 0x81)) {
                    continue;
                }
            }
            return false;
        }
    }
    return true;
}

// A posting while building: the surface name is kept as a string until the pool exists.
struct BuildPosting {
    std::uint32_t place;
    NameKind kind;
    std::string surface;
};

struct NameTable {
    std::unordered_map<std::string, std::uint32_t> token_ids;
    std::vector<std::string> tokens;
    std::unordered_map<std::string, std::uint32_t> key_ids;
    std::vector<std::vector<std::uint32_t>> name_tokens;
    std::vector<std::string> keys;
    std::vector<std::vector<BuildPosting>> name_postings;

    void add(std::string_view name, std::uint32_t place, NameKind kind) {
        std::vector<std::string> toks = normalize_tokens(name);
        if (toks.empty()) {
            return;
        }
        add_tokens(toks, place, kind, name);
    }

    void add_tokens(const std::vector<std::string>& toks, std::uint32_t place, NameKind kind,
                    std::string_view surface) {
        std::string key;
        for (const auto& t : toks) {
            if (!key.empty()) {
                key += ' ';
            }
            key += t;
        }
        auto [it, inserted] = key_ids.try_emplace(std::move(key), name_tokens.size());
        if (inserted) {
            std::vector<std::uint32_t> ids;
            ids.reserve(toks.size());
            for (const auto& t : toks) {
                auto [tit, tnew] = token_ids.try_emplace(t, tokens.size());
                if (tnew) {
                    tokens.push_back(t);
                }
                ids.push_back(tit->second);
            }
            name_tokens.push_back(std::move(ids));
            keys.push_back(it->first);
            name_postings.emplace_back();
        }
        name_postings[it->second].push_back(BuildPosting{place, kind, std::string(surface)});
    }
};

void add_place_names(NameTable& table, const PlaceEntry& p, std::uint32_t index) {
    auto add_one = [&](const std::string& name) {
        if (name.empty() || !is_latin_text(name)) {
            return;
        }
        std::vector<std::string> toks = normalize_tokens(name);
        if (toks.empty()) {
            return;
        }
        table.add_tokens(toks, index, NameKind::name, name);
        // "Al-Ghouta" is also indexed as "Ghouta": news drops and varies the article.
        if (toks.size() >= 2 && is_arabic_article(toks[0]) && arabic_article_country(p.country)) {
            toks.erase(toks.begin());
            table.add_tokens(toks, index, NameKind::name, name);
        }
    };
    add_one(p.name);
    for (const auto& alt : p.alternate_names) {
        if (!is_code_like(alt)) {
            add_one(alt);
        }
    }
}

// Orders one name's postings best first. A first- or second-level division named like a
// large city of the same country in it (Geneva, New York, São Paulo) ranks after that city:
// news means the city.
// A place reached through its own name ranks above one reached through an alternate name of
// the same tier ("Santa Ana" the city over a district once called Santa Ana).
constexpr double own_name_bonus = 0.5;

void rank_postings(std::vector<BuildPosting>& postings, const std::string& key,
                   const std::vector<PlaceEntry>& places, const std::vector<double>& prior,
                   const std::vector<std::string>& own_keys) {
    // One posting per place; the plainest kind wins (a name over an abbreviation), then the
    // first name added (a place's own name before its alternates).
    std::stable_sort(postings.begin(), postings.end(),
                     [](const BuildPosting& a, const BuildPosting& b) {
                         return a.place != b.place ? a.place < b.place : a.kind < b.kind;
                     });
    postings.erase(std::unique(postings.begin(), postings.end(),
                               [](const BuildPosting& a, const BuildPosting& b) {
                                   return a.place == b.place;
                               }),
                   postings.end());
    std::vector<double> score(postings.size());
    for (std::size_t i = 0; i < postings.size(); ++i) {
        score[i] =
            prior[postings[i].place] + (own_keys[postings[i].place] == key ? own_name_bonus : 0.0);
    }
    for (std::size_t i = 0; i < postings.size(); ++i) {
        const PlaceEntry& admin = places[postings[i].place];
        if (admin.precision != Precision::admin1 && admin.precision != Precision::admin2) {
            continue;
        }
        for (std::size_t j = 0; j < postings.size(); ++j) {
            const PlaceEntry& city = places[postings[j].place];
            if (city.feature_class == 'P' && city.country == admin.country &&
                city.population >= 100000 && score[j] < score[i] &&
                (admin.admin1.empty() || city.admin1 == admin.admin1)) {
                score[i] = score[j] - 0.01;
            }
        }
    }
    std::vector<std::size_t> order(postings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::vector<BuildPosting> sorted;
    sorted.reserve(postings.size());
    for (std::size_t i : order) {
        sorted.push_back(std::move(postings[i]));
    }
    postings = std::move(sorted);
}

// ---- 3. The token trie ----------------------------------------------------------------------

class StringPool {
  public:
    StringPool() { bytes_.push_back('\0'); }
    std::uint32_t add(const std::string& s) {
        if (s.empty()) {
            return 0;
        }
        auto [it, inserted] = offsets_.try_emplace(s, static_cast<std::uint32_t>(bytes_.size()));
        if (inserted) {
            bytes_.insert(bytes_.end(), s.begin(), s.end());
            bytes_.push_back('\0');
        }
        return it->second;
    }
    const std::vector<char>& bytes() const { return bytes_; }

  private:
    std::vector<char> bytes_;
    std::unordered_map<std::string, std::uint32_t> offsets_;
};

struct Trie {
    std::vector<NodeRecord> nodes;
    std::vector<EdgeRecord> edges;
    std::vector<Posting> postings;
};

void build_trie_node(Trie& trie, std::uint32_t node, const std::vector<std::uint32_t>& order,
                     std::size_t lo, std::size_t hi, std::size_t depth, const NameTable& names,
                     StringPool& pool) {
    if (lo < hi && names.name_tokens[order[lo]].size() == depth) {
        const auto& p = names.name_postings[order[lo]];
        trie.nodes[node].first_posting = static_cast<std::uint32_t>(trie.postings.size());
        trie.nodes[node].posting_count = static_cast<std::uint32_t>(p.size());
        for (const BuildPosting& b : p) {
            trie.postings.push_back(Posting{b.place, pool.add(b.surface), b.kind});
        }
        ++lo;
    }
    // Children: one per distinct token at this depth, contiguous in the edge array.
    struct Group {
        std::uint32_t token;
        std::size_t lo, hi;
    };
    std::vector<Group> groups;
    for (std::size_t i = lo; i < hi;) {
        const std::uint32_t token = names.name_tokens[order[i]][depth];
        std::size_t j = i + 1;
        while (j < hi && names.name_tokens[order[j]][depth] == token) {
            ++j;
        }
        groups.push_back(Group{token, i, j});
        i = j;
    }
    trie.nodes[node].first_edge = static_cast<std::uint32_t>(trie.edges.size());
    trie.nodes[node].edge_count = static_cast<std::uint32_t>(groups.size());
    const std::size_t first_edge = trie.edges.size();
    for (const auto& g : groups) {
        trie.edges.push_back(EdgeRecord{g.token, static_cast<std::uint32_t>(trie.nodes.size())});
        trie.nodes.push_back(NodeRecord{0, 0, 0, 0});
    }
    for (std::size_t k = 0; k < groups.size(); ++k) {
        build_trie_node(trie, trie.edges[first_edge + k].child, order, groups[k].lo, groups[k].hi,
                        depth + 1, names, pool);
    }
}

Trie build_trie(const NameTable& names, StringPool& pool) {
    std::vector<std::uint32_t> order(names.name_tokens.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return names.name_tokens[a] < names.name_tokens[b];
    });
    Trie trie;
    trie.nodes.push_back(NodeRecord{0, 0, 0, 0});
    build_trie_node(trie, 0, order, 0, order.size(), 0, names, pool);
    return trie;
}

// ---- 4. String pool and token hash ----------------------------------------------------------

std::uint32_t next_power_of_two(std::uint32_t n) {
    std::uint32_t p = 1;
    while (p < n) {
        p <<= 1;
    }
    return p;
}

// ---- 5. Writing the file --------------------------------------------------------------------

class SectionWriter {
  public:
    template <typename T> void add(Section s, const std::vector<T>& items) {
        align();
        offsets[s] = sizeof(Header) + payload.size();
        sizes[s] = items.size() * sizeof(T);
        const auto* p = reinterpret_cast<const unsigned char*>(items.data());
        payload.insert(payload.end(), p, p + sizes[s]);
    }
    void align() {
        while (payload.size() % 8 != 0) {
            payload.push_back(0);
        }
    }
    std::vector<unsigned char> payload;
    std::uint64_t offsets[Section::count] = {};
    std::uint64_t sizes[Section::count] = {};
};

void write_atomically(const std::string& path, const Header& header,
                      const std::vector<unsigned char>& payload) {
    AtomicFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) {
            throw OutputError(std::string("cannot create index: ") + std::strerror(errno), path);
        }
        out.write(reinterpret_cast<const char*>(&header), sizeof(header));
        out.write(reinterpret_cast<const char*>(payload.data()),
                  static_cast<std::streamsize>(payload.size()));
        out.flush();
        if (!out) {
            throw OutputError("cannot write index (disk full?)", path);
        }
    }
    // What was written is read back and checked whole before it replaces anything (checksums
    // are verified at build); open() itself only checks the header. On failure AtomicFile's
    // destructor removes the temporary file.
    try {
        Gazetteer::open(file.temp_path()).verify();
    } catch (const Error& e) {
        throw OutputError(std::string("index failed verification after writing: ") + e.what(),
                          path);
    }
    file.commit();
}

} // namespace

namespace {

// Ids name places in every output, so two places may never share one. Hashed ids (divisions
// without a GeoNames id, supplement rows) can collide, and sources can repeat a row: either
// would make one place answer for another, so the build stops and names both.
void require_unique_ids(const std::vector<PlaceEntry>& places) {
    std::unordered_map<std::uint64_t, std::size_t> seen;
    seen.reserve(places.size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        const auto [it, fresh] = seen.emplace(places[i].id, i);
        if (!fresh) {
            const PlaceEntry& first = places[it->second];
            throw DataError("two places share the id " + std::to_string(places[i].id) + ": '" +
                            first.name + "' (" + first.country + ") and '" + places[i].name +
                            "' (" + places[i].country +
                            "); change the key of one (a hashed id collided, or a source "
                            "lists a place twice)");
        }
    }
}

} // namespace

WriteSummary IndexBuilder::write(const std::string& path, std::uint64_t source_fingerprint) {
    require_unique_ids(places_);
    std::vector<double> prior(places_.size());
    for (std::size_t i = 0; i < places_.size(); ++i) {
        if (places_[i].radius_km <= 0) {
            places_[i].radius_km = default_radius_km(places_[i]);
        }
        prior[i] = importance(places_[i]);
    }

    NameTable names;
    for (std::size_t i = 0; i < places_.size(); ++i) {
        add_place_names(names, places_[i], static_cast<std::uint32_t>(i));
    }
    for (const auto& extra : extra_names_) {
        names.add(extra.name, extra.place, extra.kind);
    }
    std::vector<std::string> own_keys(places_.size());
    for (std::size_t i = 0; i < places_.size(); ++i) {
        own_keys[i] = normalize_name(places_[i].name);
    }
    for (std::size_t n = 0; n < names.name_postings.size(); ++n) {
        rank_postings(names.name_postings[n], names.keys[n], places_, prior, own_keys);
    }
    StringPool pool;
    const Trie trie = build_trie(names, pool);

    std::vector<PlaceRecord> records(places_.size());
    for (std::size_t i = 0; i < places_.size(); ++i) {
        const PlaceEntry& p = places_[i];
        PlaceRecord& r = records[i];
        std::memset(&r, 0, sizeof(r));
        r.id = p.id;
        r.population = p.population;
        r.lat = static_cast<float>(p.position.lat);
        r.lon = static_cast<float>(p.position.lon);
        r.radius_km = p.radius_km;
        r.importance = static_cast<float>(prior[i]);
        r.name = pool.add(p.name);
        r.admin1 = pool.add(p.admin1);
        r.admin2 = pool.add(p.admin2);
        r.iso3166_2 = pool.add(p.iso3166_2);
        std::memcpy(r.feature_code, p.feature_code.data(),
                    std::min(p.feature_code.size(), sizeof(r.feature_code) - 1));
        r.country[0] = p.country.size() == 2 ? p.country[0] : ' ';
        r.country[1] = p.country.size() == 2 ? p.country[1] : ' ';
        r.feature_class = p.feature_class;
        r.precision = static_cast<std::uint8_t>(p.precision);
        r.source = static_cast<std::uint8_t>(p.source);
    }
    std::vector<TokenRecord> token_records(names.tokens.size(), TokenRecord{0, 0, 0, 0});
    for (std::size_t t = 0; t < names.tokens.size(); ++t) {
        token_records[t].string = pool.add(names.tokens[t]);
        token_records[t].length = static_cast<std::uint32_t>(names.tokens[t].size());
        token_records[t].hash = static_cast<std::uint32_t>(fnv1a(names.tokens[t]));
    }
    const NodeRecord& root = trie.nodes[0];
    for (std::uint32_t e = root.first_edge; e < root.first_edge + root.edge_count; ++e) {
        token_records[trie.edges[e].token].root_child = trie.edges[e].child;
    }
    const std::uint32_t slot_count =
        next_power_of_two(static_cast<std::uint32_t>(names.tokens.size()) * 2 + 2);
    std::vector<std::uint32_t> slots(slot_count, 0);
    for (std::size_t t = 0; t < names.tokens.size(); ++t) {
        std::uint64_t h = fnv1a(names.tokens[t]) & (slot_count - 1);
        while (slots[h] != 0) {
            h = (h + 1) & (slot_count - 1);
        }
        slots[h] = static_cast<std::uint32_t>(t + 1);
    }

    SectionWriter sections;
    sections.add(Section::places, records);
    sections.add(Section::strings, pool.bytes());
    sections.add(Section::slots, slots);
    sections.add(Section::tokens, token_records);
    sections.add(Section::nodes, trie.nodes);
    sections.add(Section::edges, trie.edges);
    sections.add(Section::postings, trie.postings);
    sections.align();

    Header header;
    std::memset(&header, 0, sizeof(header));
    std::memcpy(header.magic, index_magic, sizeof(index_magic));
    header.format_version = index_format_version;
    header.header_size = sizeof(Header);
    header.file_size = sizeof(Header) + sections.payload.size();
    header.source_fingerprint = source_fingerprint;
    header.built_at = static_cast<std::int64_t>(std::time(nullptr));
    header.place_count = static_cast<std::uint32_t>(records.size());
    header.token_count = static_cast<std::uint32_t>(names.tokens.size());
    header.token_slots = slot_count;
    header.node_count = static_cast<std::uint32_t>(trie.nodes.size());
    header.edge_count = static_cast<std::uint32_t>(trie.edges.size());
    header.name_count = static_cast<std::uint32_t>(names.name_tokens.size());
    header.posting_count = static_cast<std::uint32_t>(trie.postings.size());
    std::copy(std::begin(sections.offsets), std::end(sections.offsets), header.offsets);
    std::copy(std::begin(sections.sizes), std::end(sections.sizes), header.sizes);
    for (std::uint32_t s = 0; s < Section::count; ++s) {
        header.section_checksums[s] = index_checksum(
            sections.payload.data() + (sections.offsets[s] - sizeof(Header)), sections.sizes[s]);
    }
    header.header_checksum = header_checksum(header);

    write_atomically(path, header, sections.payload);

    WriteSummary summary;
    summary.places = header.place_count;
    summary.names = header.name_count;
    summary.postings = header.posting_count;
    summary.tokens = header.token_count;
    summary.file_size = header.file_size;
    return summary;
}

} // namespace eventmap::gazetteer
