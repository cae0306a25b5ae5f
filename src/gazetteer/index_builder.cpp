// Sections: 1. collecting names  2. ranking postings  3. writing the file (the trie, pool and
//           section writer are index_writer.cpp's; the ranking prior and default extents,
//           place_prior.cpp's)
#include "gazetteer/index_builder.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/index_writer.hpp"
#include "gazetteer/name_sort.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/place_store.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::gazetteer {

// ---- 1. Collecting names --------------------------------------------------------------------

IndexBuilder::IndexBuilder() : store_(std::make_unique<PlaceStore>()) {}
IndexBuilder::~IndexBuilder() = default;
IndexBuilder::IndexBuilder(const IndexBuilder& other)
    : store_(std::make_unique<PlaceStore>(*other.store_)), sort_budget_(other.sort_budget_) {}

std::uint32_t IndexBuilder::add_place(const PlaceEntry& entry) {
    if (store_->size() >= 0xFFFFFFFFULL) {
        throw DataError("more places than the index format holds (2^32 - 1)");
    }
    return store_->add(entry);
}

void IndexBuilder::add_name(std::uint32_t place, std::string_view name, NameKind kind) {
    store_->add_name(place, name, kind);
}

void IndexBuilder::correct_place(std::uint32_t place, const PlaceEntry& fix) {
    store_->correct(place, fix);
}

PlaceEntry IndexBuilder::place(std::uint32_t index) const {
    return store_->entry(index);
}

std::size_t IndexBuilder::size() const {
    return store_->size();
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

std::string join_tokens(const std::vector<std::string>& tokens) {
    std::string key;
    for (const auto& t : tokens) {
        if (!key.empty()) {
            key += ' ';
        }
        key += t;
    }
    return key;
}

// Feeds every name of every place to the sorter and remembers each distinct token. A place's
// own names come first, in the order given (its name, then its alternate names; each also
// without an Arabic article where that applies), then the names added later: among the names
// of one place that normalise alike, the first given is the one the index keeps.
class NameCollector {
  public:
    NameCollector(NameSorter& sorter, std::unordered_set<std::string>& tokens)
        : sorter_(sorter), tokens_(tokens) {}

    // Returns the key of the place's own name (normalize_name(name)), for ranking.
    std::string add_place(const PlaceStore& store, std::uint32_t index) {
        const StoredPlace& p = store[index];
        order_ = 0;
        const bool arabic = arabic_article_country(store.code(p.country));
        std::vector<std::string> own = normalize_tokens(store.name(p));
        std::string own_key = join_tokens(own);
        if (is_latin_text(store.name(p))) {
            add_variants(std::move(own), index, arabic, store.name(p));
        }
        store.for_each_alternate(p, [&](std::string_view alt) {
            if (!alt.empty() && !is_code_like(alt) && is_latin_text(alt)) {
                add_variants(normalize_tokens(alt), index, arabic, alt);
            }
        });
        return own_key;
    }

    void add_extra(const StoredName& name, std::string_view text) {
        // After every place's own names (order >= 2^31), in the order they were added.
        if (extra_order_ == 0xFFFFFFFFU) {
            throw DataError("more added names than the index builder can order (2^31)");
        }
        order_ = extra_order_++;
        add(normalize_tokens(text), name.place, name.kind, text);
    }

  private:
    void add_variants(std::vector<std::string> toks, std::uint32_t place, bool arabic,
                      std::string_view surface) {
        if (toks.empty()) {
            return;
        }
        const bool strip = toks.size() >= 2 && is_arabic_article(toks[0]) && arabic;
        add(toks, place, NameKind::name, surface);
        // "Al-Ghouta" is also indexed as "Ghouta": news drops and varies the article.
        if (strip) {
            toks.erase(toks.begin());
            add(toks, place, NameKind::name, surface);
        }
    }

    void add(const std::vector<std::string>& toks, std::uint32_t place, NameKind kind,
             std::string_view surface) {
        if (toks.empty()) {
            return;
        }
        for (const auto& t : toks) {
            if (tokens_.count(t) == 0) {
                tokens_.insert(t);
            }
        }
        const std::string key = join_tokens(toks);
        sorter_.add(NameRecord{key, place, kind, order_, surface});
        if (order_ < 0x7FFFFFFFU) {
            ++order_;
        }
    }

    NameSorter& sorter_;
    std::unordered_set<std::string>& tokens_;
    std::uint32_t order_ = 0;
    std::uint32_t extra_order_ = 0x80000000U;
};

// ---- 2. Ranking postings --------------------------------------------------------------------

// Orders one name's postings best first. A first- or second-level division named like a
// large city of the same country in it (Geneva, New York, São Paulo) ranks after that city:
// news means the city.
// A place reached through its own name ranks above one reached through an alternate name of
// the same tier ("Santa Ana" the city over a district once called Santa Ana).
constexpr double own_name_bonus = 0.5;

// `records` arrive sorted by place, kind and order (record_less); the first of each place is
// the one kept: the plainest kind, then the name given first.
std::vector<const NameRecord*> rank_postings(const std::vector<NameRecord>& records,
                                             std::uint64_t key_hash, const PlaceStore& store,
                                             const std::vector<double>& prior,
                                             const std::vector<std::uint64_t>& own_key_hash) {
    std::vector<const NameRecord*> postings;
    for (const NameRecord& r : records) {
        if (postings.empty() || postings.back()->place != r.place) {
            postings.push_back(&r);
        }
    }
    std::vector<double> score(postings.size());
    for (std::size_t i = 0; i < postings.size(); ++i) {
        const std::uint32_t place = postings[i]->place;
        score[i] = prior[place] + (own_key_hash[place] == key_hash ? own_name_bonus : 0.0);
    }
    // Only large cities can push a division down: collect them once, in posting order, so a
    // name shared by thousands of places costs divisions x large cities, not its square.
    std::vector<std::size_t> big_cities;
    for (std::size_t j = 0; j < postings.size(); ++j) {
        const StoredPlace& city = store[postings[j]->place];
        if (city.feature_class == 'P' && city.population >= 100000) {
            big_cities.push_back(j);
        }
    }
    for (std::size_t i = 0; i < postings.size() && !big_cities.empty(); ++i) {
        const StoredPlace& admin = store[postings[i]->place];
        if (admin.precision != Precision::admin1 && admin.precision != Precision::admin2) {
            continue;
        }
        for (const std::size_t j : big_cities) {
            const StoredPlace& city = store[postings[j]->place];
            if (city.country == admin.country && score[j] < score[i] &&
                (admin.admin1 == 0 || city.admin1 == admin.admin1)) {
                score[i] = score[j] - 0.01;
            }
        }
    }
    std::vector<std::size_t> order(postings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::vector<const NameRecord*> sorted;
    sorted.reserve(postings.size());
    for (const std::size_t i : order) {
        sorted.push_back(postings[i]);
    }
    return sorted;
}

// ---- 3. Writing the file --------------------------------------------------------------------

// Ids name places in every output, so two places may never share one. Hashed ids (divisions
// without a GeoNames id, supplement rows) can collide, and sources can repeat a row: either
// would make one place answer for another, so the build stops and names both.
void require_unique_ids(const PlaceStore& store) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ids(store.size());
    for (std::size_t i = 0; i < store.size(); ++i) {
        ids[i] = {store[i].id, static_cast<std::uint32_t>(i)};
    }
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (ids[i].first == ids[i - 1].first) {
            const StoredPlace& first = store[ids[i - 1].second];
            const StoredPlace& second = store[ids[i].second];
            throw DataError("two places share the id " + std::to_string(ids[i].first) + ": '" +
                            std::string(store.name(first)) + "' (" + store.code(first.country) +
                            ") and '" + std::string(store.name(second)) + "' (" +
                            store.code(second.country) +
                            "); change the key of one (a hashed id collided, or a source "
                            "lists a place twice)");
        }
    }
}

// Token ids in ascending order of the token strings: then names sorted as strings (tokens
// joined by a space, which sorts below every token byte) come in ascending order of their
// token-id sequences, the order the trie's edges are searched in.
std::vector<std::string> sorted_tokens(std::unordered_set<std::string>& set) {
    std::vector<std::string> tokens;
    tokens.reserve(set.size());
    for (auto it = set.begin(); it != set.end();) {
        tokens.push_back(std::move(set.extract(it++).value()));
    }
    std::sort(tokens.begin(), tokens.end());
    return tokens;
}

std::uint32_t next_power_of_two(std::uint32_t n) {
    std::uint32_t p = 1;
    while (p < n) {
        p <<= 1;
    }
    return p;
}

PlaceRecord place_record(const PlaceStore& store, const StoredPlace& p, double prior,
                         StringPool& pool) {
    PlaceRecord r;
    std::memset(&r, 0, sizeof(r));
    r.id = p.id;
    r.population = p.population;
    r.lat = static_cast<float>(p.lat);
    r.lon = static_cast<float>(p.lon);
    r.radius_km = p.radius_km;
    r.importance = static_cast<float>(prior);
    r.name = pool.add(store.name(p));
    r.admin1 = pool.add(store.code(p.admin1));
    r.admin2 = pool.add(store.code(p.admin2));
    r.iso3166_2 = pool.add(store.code(p.iso3166_2));
    const std::string& code = store.code(p.feature_code);
    std::memcpy(r.feature_code, code.data(), std::min(code.size(), sizeof(r.feature_code) - 1));
    const std::string& country = store.code(p.country);
    r.country[0] = country.size() == 2 ? country[0] : ' ';
    r.country[1] = country.size() == 2 ? country[1] : ' ';
    r.feature_class = p.feature_class;
    r.precision = static_cast<std::uint8_t>(p.precision);
    r.source = static_cast<std::uint8_t>(p.source);
    return r;
}

// What ranking and the importance prior read of a place (no names: they are not needed).
PlaceEntry ranking_entry(const PlaceStore& store, const StoredPlace& p) {
    PlaceEntry e;
    e.feature_class = p.feature_class;
    e.feature_code = store.code(p.feature_code);
    e.population = p.population;
    e.precision = p.precision;
    e.source = p.source;
    e.area_km2 = p.area_km2;
    return e;
}

struct Built {
    ChunkedVector<PostingRecord> postings;
    TrieWriter trie;
    std::vector<std::string> tokens;
    std::uint32_t names = 0;
};

std::vector<TokenRecord> token_records(const Built& built, StringPool& pool) {
    std::vector<TokenRecord> records(built.tokens.size(), TokenRecord{0, 0, 0, 0});
    for (std::size_t t = 0; t < built.tokens.size(); ++t) {
        records[t].string = pool.add(built.tokens[t]);
        records[t].length = static_cast<std::uint32_t>(built.tokens[t].size());
        records[t].hash = static_cast<std::uint32_t>(fnv1a(built.tokens[t]));
    }
    const NodeRecord& root = built.trie.nodes[0];
    for (std::uint32_t e = root.first_edge; e < root.first_edge + root.edge_count; ++e) {
        records[built.trie.edges[e].token].root_child = built.trie.edges[e].child;
    }
    return records;
}

std::vector<std::uint32_t> token_slots(const std::vector<std::string>& tokens) {
    const std::uint32_t slot_count =
        next_power_of_two(static_cast<std::uint32_t>(tokens.size()) * 2 + 2);
    std::vector<std::uint32_t> slots(slot_count, 0);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::uint64_t h = fnv1a(tokens[t]) & (slot_count - 1);
        while (slots[h] != 0) {
            h = (h + 1) & (slot_count - 1);
        }
        slots[h] = static_cast<std::uint32_t>(t + 1);
    }
    return slots;
}

// Streams every section to the temporary index (created O_EXCL | O_NOFOLLOW by AtomicFile),
// then reads it back and checks it whole before it replaces anything; on failure AtomicFile's
// destructor removes it.
WriteSummary write_sections(AtomicFile& file, const Built& built, const PlaceStore& store,
                            const std::vector<double>& prior, StringPool& pool,
                            std::uint64_t source_fingerprint) {
    const std::vector<TokenRecord> tokens = token_records(built, pool);
    const std::vector<std::uint32_t> slots = token_slots(built.tokens);
    // Every place's strings enter the pool before the places section is written; the second
    // add() while writing finds them again.
    for (std::size_t i = 0; i < store.size(); ++i) {
        place_record(store, store[i], prior[i], pool);
    }

    SectionFileWriter out(file.create_temp(), file.target());
    out.begin(Section::places);
    std::vector<PlaceRecord> chunk;
    chunk.reserve(65536);
    for (std::size_t i = 0; i < store.size(); ++i) {
        chunk.push_back(place_record(store, store[i], prior[i], pool));
        if (chunk.size() == 65536 || i + 1 == store.size()) {
            out.write(chunk.data(), chunk.size() * sizeof(PlaceRecord));
            chunk.clear();
        }
    }
    out.end();
    out.begin(Section::strings);
    out.write_all(pool.bytes());
    out.end();
    out.begin(Section::slots);
    out.write(slots.data(), slots.size() * sizeof(std::uint32_t));
    out.end();
    out.begin(Section::tokens);
    out.write(tokens.data(), tokens.size() * sizeof(TokenRecord));
    out.end();
    out.begin(Section::nodes);
    out.write_all(built.trie.nodes);
    out.end();
    out.begin(Section::edges);
    out.write_all(built.trie.edges);
    out.end();
    out.begin(Section::postings);
    out.write_all(built.postings);
    out.end();

    Header header;
    std::memset(&header, 0, sizeof(header));
    std::memcpy(header.magic, index_magic, sizeof(index_magic));
    header.format_version = index_format_version;
    header.header_size = sizeof(Header);
    header.source_fingerprint = source_fingerprint;
    header.built_at = static_cast<std::int64_t>(std::time(nullptr));
    header.place_count = static_cast<std::uint32_t>(store.size());
    header.token_count = static_cast<std::uint32_t>(built.tokens.size());
    header.token_slots = static_cast<std::uint32_t>(slots.size());
    header.node_count = static_cast<std::uint32_t>(built.trie.nodes.size());
    header.edge_count = static_cast<std::uint32_t>(built.trie.edges.size());
    header.name_count = built.names;
    header.posting_count = static_cast<std::uint32_t>(built.postings.size());
    out.finish(header);

    // Checked whole before it replaces anything (open() itself only checks the header).
    try {
        Gazetteer::open(file.temp_path()).verify();
    } catch (const Error& e) {
        throw OutputError(std::string("index failed verification after writing: ") + e.what(),
                          file.target());
    }
    file.commit();

    WriteSummary summary;
    summary.places = header.place_count;
    summary.names = header.name_count;
    summary.postings = header.posting_count;
    summary.tokens = header.token_count;
    summary.file_size = header.file_size;
    return summary;
}

} // namespace

WriteSummary IndexBuilder::write(const std::string& path, std::uint64_t source_fingerprint) {
    PlaceStore& store = *store_;
    require_unique_ids(store);
    std::vector<double> prior(store.size());
    for (std::size_t i = 0; i < store.size(); ++i) {
        StoredPlace& p = store[i];
        const PlaceEntry e = ranking_entry(store, p);
        if (p.radius_km <= 0) {
            p.radius_km = default_radius_km(e);
        }
        prior[i] = importance(e);
    }

    AtomicFile file(path);
    const std::string folder = std::filesystem::path(file.temp_path()).parent_path().string();
    NameSorter sorter(folder.empty() ? "." : folder, sort_budget_);
    std::unordered_set<std::string> token_set;
    std::vector<std::uint64_t> own_key_hash(store.size());
    {
        NameCollector collect(sorter, token_set);
        for (std::size_t i = 0; i < store.size(); ++i) {
            own_key_hash[i] = fnv1a(collect.add_place(store, static_cast<std::uint32_t>(i)));
        }
        const auto& extra = store.extra_names();
        for (std::size_t i = 0; i < extra.size(); ++i) {
            collect.add_extra(extra[i], store.text(extra[i].text));
        }
        store.release_extra_names();
    }

    Built built;
    built.tokens = sorted_tokens(token_set);
    std::unordered_map<std::string_view, std::uint32_t> token_ids;
    token_ids.reserve(built.tokens.size());
    for (std::size_t t = 0; t < built.tokens.size(); ++t) {
        token_ids.emplace(built.tokens[t], static_cast<std::uint32_t>(t));
    }

    StringPool pool;
    std::vector<std::uint32_t> ids;
    sorter.for_each_group([&](std::string_view key, const std::vector<NameRecord>& records) {
        const auto ranked = rank_postings(records, fnv1a(key), store, prior, own_key_hash);
        const auto first = static_cast<std::uint32_t>(built.postings.size());
        for (const NameRecord* r : ranked) {
            // Padding bytes zeroed, so the same index has the same checksum.
            PostingRecord posting;
            std::memset(&posting, 0, sizeof(posting));
            posting.place = r->place;
            posting.name = pool.add(r->surface);
            posting.kind = static_cast<std::uint8_t>(r->kind);
            built.postings.push_back(posting);
        }
        ids.clear();
        for (std::size_t start = 0; start <= key.size();) {
            const std::size_t space = std::min(key.find(' ', start), key.size());
            ids.push_back(token_ids.at(key.substr(start, space - start)));
            start = space + 1;
        }
        built.trie.add(ids, first, static_cast<std::uint32_t>(ranked.size()));
        ++built.names;
    });
    built.trie.finish();
    return write_sections(file, built, store, prior, pool, source_fingerprint);
}

} // namespace eventmap::gazetteer
