// Recognition, second step: the gazetteer entries each match may name (ranked by how their
// own name compares with what was written), demonym flags, datelines and qualifier links.
#include "geoparse/candidates.hpp"

#include "common/ascii.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::geoparse::detail {

using gazetteer::NameKind;
using gazetteer::Precision;

namespace {

constexpr std::size_t max_candidates = 24;
// An entry that matched only through an alternate name ("Santa Ana" is also an old name of
// Taguig) ranks below entries whose own name is the one written.
constexpr double alternate_name_penalty = 3.0;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

} // namespace

namespace {

// How far an entry's own name is from what the article wrote, for ASCII spellings: the same
// ("Damascus", or "Washington, D.C." for "Washington"), a longer name that starts with it
// ("Mexico City" for "Mexico"), or another name altogether (an alternate name or a
// transliteration-key collision: "Taguig" for "Santa Ana", "Hee" for "He").
enum class Spelling { same, longer, other };

Spelling spelling(std::string_view own, std::string_view written) {
    if (own == written || starts_with(own, std::string(written) + ",") ||
        starts_with(own, std::string(written) + " (")) {
        return Spelling::same;
    }
    return starts_with(own, std::string(written) + " ") ? Spelling::longer : Spelling::other;
}

constexpr double longer_name_penalty = 2.0;
constexpr std::uint64_t metropolis_population = 1'000'000;
constexpr double country_shadow = 3.0;

} // namespace

void load_candidates(const gazetteer::Gazetteer& g, Document& doc) {
    // A name repeated in the article shares the first mention's list (same trie node, same
    // all-caps form: "US" and "Us" differ in what an acronym may be).
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (std::size_t index = 0; index < doc.matches.size(); ++index) {
        Match& m = doc.matches[index];
        const std::uint64_t key =
            (std::uint64_t{m.node} << 1) | (doc.tokens[m.first].all_caps ? 1U : 0U);
        const auto [it, fresh] = seen.emplace(key, index);
        if (!fresh) {
            const Match& f = doc.matches[it->second];
            m.candidates = f.candidates;
            m.demonym = f.demonym;
            m.exact = f.exact;
            m.big = f.big;
            continue;
        }
        bool any_demonym = false;
        for (const gazetteer::Posting& p : g.postings(m.node)) {
            any_demonym = any_demonym || p.kind == NameKind::demonym;
        }
        // "Syrian" names Syria only as an adjective or its people; when a name is both (rare),
        // the adjective reading wins because demonyms point at countries.
        m.demonym = any_demonym;
        std::string surface(doc.text.substr(doc.tokens[m.first].begin,
                                            doc.tokens[m.last].end - doc.tokens[m.first].begin));
        while (!surface.empty() && surface.back() == '.') {
            surface.pop_back();
        }
        const std::string written = ascii_lower(surface);
        const bool ascii = is_ascii(written);
        bool exact_exists = !ascii;
        for (const gazetteer::Posting& p : g.postings(m.node)) {
            if (m.candidates->size() >= max_candidates) {
                break;
            }
            if ((p.kind == NameKind::demonym) != m.demonym) {
                continue;
            }
            Candidate c;
            c.place = g.place(p.place);
            c.kind = p.kind;
            c.prior = c.place.importance;
            const std::string own = ascii_lower(c.place.name);
            exact_exists = exact_exists || p.kind != NameKind::name || !is_ascii(own) ||
                           spelling(own, written) == Spelling::same;
            m.candidates->push_back(c);
        }
        m.exact = exact_exists;
        if (ascii && exact_exists) {
            for (Candidate& c : *m.candidates) {
                const std::string own = ascii_lower(c.place.name);
                if (c.kind != NameKind::name || !is_ascii(own)) {
                    continue;
                }
                const Spelling sp = spelling(own, written);
                c.prior -= sp == Spelling::same     ? 0.0
                           : sp == Spelling::longer ? longer_name_penalty
                                                    : alternate_name_penalty;
            }
        }
        // "Egypt", "China": when the name is a country's own name, towns called so (Egypt,
        // Illinois; China, Kagoshima) need more than the document's drift to win.
        const bool names_country =
            std::any_of(m.candidates->begin(), m.candidates->end(), [&](const Candidate& c) {
                return c.place.precision == Precision::country &&
                       (!ascii || spelling(ascii_lower(c.place.name), written) == Spelling::same);
            });
        if (names_country) {
            for (Candidate& c : *m.candidates) {
                if (c.place.precision > Precision::admin1) {
                    c.prior -= country_shadow;
                }
            }
        }
        // "Geneva", "Kano", "Sao Paulo", "New York": a first-level region named after its seat
        // or its metropolis. Unqualified news means the city; "the state" or "province" after
        // the name says otherwise (resolver's type cues).
        bool region_seat = false;
        for (Candidate& seat : *m.candidates) {
            const bool seat_or_metropolis = seat.place.feature_code == "PPLA" ||
                                            seat.place.feature_code == "PPLC" ||
                                            seat.place.population >= metropolis_population;
            if (seat.place.feature_class != 'P' || !seat_or_metropolis) {
                continue;
            }
            for (const Candidate& region : *m.candidates) {
                if (region.place.precision == Precision::admin1 &&
                    region.place.country == seat.place.country &&
                    region.place.admin1 == seat.place.admin1) {
                    seat.prior = std::max(seat.prior, region.prior + 0.1);
                    region_seat = true;
                }
            }
        }
        std::stable_sort(m.candidates->begin(), m.candidates->end(),
                         [](const Candidate& a, const Candidate& b) { return a.prior > b.prior; });
        if (!m.candidates->empty()) {
            const gazetteer::PlaceView& top = m.candidates->front().place;
            // A big place spelt otherwise ("Valley" ~ The Valley) gets no benefit of the doubt.
            const bool spelt = !ascii ||
                               spelling(ascii_lower(top.name), written) == Spelling::same ||
                               m.candidates->front().kind != NameKind::name;
            m.big = spelt && (top.precision <= Precision::admin1 || top.feature_code == "PPLC" ||
                              region_seat);
        }
    }
}

namespace {

// True when a dash or an opening bracket follows byte `at`, after spaces.
bool dash_follows(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) {
        ++at;
    }
    const std::string_view rest = text.substr(at, 3);
    return starts_with(rest, "-") || starts_with(rest, "\u2014") || starts_with(rest, "\u2013") ||
           starts_with(rest, "(");
}

} // namespace

void mark_datelines(Document& doc) {
    // "GENEVA/BEIRUT - ...", "NAIROBI, Kenya (Reuters) -": all-caps names opening a paragraph,
    // separated by slashes or commas (a comma may introduce a capitalised qualifier), then a
    // dash or an opening bracket.
    const std::size_t n = doc.tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (doc.is_barrier(i) || !doc.sentence_initial[i] || !doc.tokens[i].all_caps) {
            continue;
        }
        if (i > 0 && !newline_between(doc.text, doc.tokens[i - 1].end, doc.tokens[i].begin)) {
            continue;
        }
        std::size_t end = n; // last word of the dateline when one is found
        bool after_comma = false;
        for (std::size_t j = i; j < n && j < i + 12; ++j) {
            if (doc.is_barrier(j)) {
                const char c = doc.barrier_char(j);
                if (c != '/' && c != ',') {
                    break;
                }
                after_comma = c == ',';
                continue;
            }
            const auto& t = doc.tokens[j];
            if (!t.all_caps && !(after_comma && t.capitalized)) {
                break;
            }
            if (dash_follows(doc.text, t.end)) {
                end = j;
                break;
            }
        }
        if (end == n) {
            continue;
        }
        for (std::size_t k = i; k <= end; ++k) {
            if (doc.match_at[k] >= 0) {
                doc.matches[static_cast<std::size_t>(doc.match_at[k])].dateline = true;
            }
        }
        i = end;
    }
}

void link_qualifiers(Document& doc) {
    // "Damascus, Md.", "Paris, Texas", "Geneva (Switzerland)": a name, one comma or opening
    // bracket, then a larger area containing one of its candidates.
    for (std::size_t k = 0; k + 1 < doc.matches.size(); ++k) {
        Match& a = doc.matches[k];
        Match& b = doc.matches[k + 1];
        if (a.demonym || b.demonym || b.first != a.last + 2) {
            continue;
        }
        const char c = doc.barrier_char(a.last + 1);
        if (c != ',' && c != '(') {
            continue;
        }
        bool linked = false;
        for (const Candidate& area : *b.candidates) {
            for (const Candidate& inner : *a.candidates) {
                linked = linked || area_contains(area.place, inner.place);
            }
        }
        if (linked) {
            a.qualifier = static_cast<int>(k + 1);
            b.qualified = static_cast<int>(k);
        }
    }
}

} // namespace eventmap::geoparse::detail
