// Hierarchy qualifiers written after a name: in brackets, as a comma chain, or after "in"/"of".
#include "geoparse/qualifiers.hpp"

#include "gazetteer/normalize.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace eventmap::geoparse::detail {

namespace {

// A qualifier sits close to its name: "X (Y district, Z state)" is a dozen tokens at most.
constexpr std::size_t max_span = 12;
constexpr std::size_t max_chain_items = 3;

// Token keys are normalised names (a loose romanisation: "southern" may not stay
// "southern"), so word lists are compared in that form, normalised once.
template <std::size_t N>
std::unordered_set<std::string> normalised(const std::array<std::string_view, N>& words) {
    std::unordered_set<std::string> out;
    for (const std::string_view w : words) {
        out.insert(gazetteer::normalize_name(w));
    }
    return out;
}

// Words for a kind of settlement or area that may stand between a name and its container:
// "X village in Y", "the X camp of Y".
bool is_settlement_word(const std::string& key) {
    static const std::unordered_set<std::string> words = normalised(
        std::array<std::string_view, 10>{"town", "village", "city", "camp", "area", "neighbourhood",
                                         "neighborhood", "suburb", "township", "hamlet"});
    return words.count(key) != 0;
}

bool barrier_is(const Document& doc, std::size_t t, char c) {
    return t < doc.tokens.size() && doc.is_barrier(t) && doc.barrier_char(t) == c;
}

// The match starting at token t that can name a place, or -1.
int place_match_at(const Document& doc, std::size_t t) {
    if (t >= doc.tokens.size()) {
        return -1;
    }
    const int k = doc.match_at[t];
    if (k < 0) {
        return -1;
    }
    const Match& m = doc.matches[static_cast<std::size_t>(k)];
    return m.demonym || m.dropped || m.candidates->empty() || m.first != t ? -1 : k;
}

// True when the likeliest entry of `outer` contains the likeliest entry of `inner`: "Kelvin,
// Ontario" nests, "Ohio, Indiana" does not, whatever obscure namesakes either has.
bool nests(const Match& outer, const Match& inner) {
    return !outer.candidates->empty() && !inner.candidates->empty() &&
           area_contains(outer.candidates->front().place, inner.candidates->front().place);
}

// One item of a comma chain: capitalised words, place names and unit words up to the next
// punctuation ("Kelvin district", "Ontario", "the Upper Nile region").
struct ChainItem {
    int match = -1;
    bool typed = false;      // a unit word names the item ("Kelvin district")
    bool bare = true;        // no other capitalised word: "Ontario", not "Ontario Quorvant"
    bool possessive = false; // "X, Ontario's premier": the name modifies what follows
    std::size_t end = 0;     // first token after the item
};

bool possessive_after(const Document& doc, std::size_t last) {
    const std::string_view after = doc.text.substr(doc.tokens[last].end, 4);
    return after.rfind("'s", 0) == 0 || after.rfind("\u2019s", 0) == 0;
}

ChainItem read_item(const Document& doc, std::size_t t, std::size_t limit) {
    ChainItem item;
    if (t < limit && !doc.is_barrier(t) && doc.tokens[t].key == "the") {
        ++t;
    }
    while (t < limit && !doc.is_barrier(t)) {
        const int k = place_match_at(doc, t);
        if (k >= 0 && item.match < 0) {
            item.match = k;
            t = doc.matches[static_cast<std::size_t>(k)].last + 1;
            item.possessive = possessive_after(doc, t - 1);
            continue;
        }
        const std::string& key = doc.tokens[t].key;
        if (is_unit_word(key)) {
            item.typed = true;
        } else if (!doc.tokens[t].capitalized) {
            break;
        } else {
            item.bare = false;
        }
        ++t;
    }
    item.end = t;
    return item;
}

void bracket_links(const Document& doc, std::size_t open, std::vector<QualifierLink>& out) {
    const std::size_t n = doc.tokens.size();
    for (std::size_t t = open + 1; t < n && t <= open + max_span; ++t) {
        if (barrier_is(doc, t, ')')) {
            break;
        }
        const int k = place_match_at(doc, t);
        if (k >= 0) {
            out.push_back(QualifierLink{static_cast<std::size_t>(k), true});
        }
    }
}

// True when token t ends the phrase a chain item belongs to: a full stop or closing bracket,
// or a comma or word that does not continue a list ("..., on Sunday", "... said").
bool closes_phrase(const Document& doc, std::size_t t) {
    const std::size_t n = doc.tokens.size();
    if (t >= n) {
        return true;
    }
    const auto continues_list = [&](std::size_t w) {
        return w < n && !doc.is_barrier(w) &&
               (doc.tokens[w].capitalized || doc.tokens[w].key == "and" ||
                doc.tokens[w].key == "or");
    };
    if (!doc.is_barrier(t)) {
        return !continues_list(t);
    }
    const char c = doc.barrier_char(t);
    if (c == ',') {
        return t + 1 < n && !doc.is_barrier(t + 1) && !continues_list(t + 1);
    }
    return c == '.' || c == ')' || c == ';' || c == ':';
}

// "X, Y district, Z": items after commas. The chain goes on past an item only when that item
// is a unit (a unit word names it, or it nests in the next item), so a list of peers ("X, Y,
// Z and W", "Syria, Iraq, Iran") gives its first item at most. An item is explicit when a
// unit word names it or it nests in its neighbour.
void chain_links(const Document& doc, std::size_t comma, bool small_name,
                 std::vector<QualifierLink>& out) {
    const std::size_t limit = std::min(doc.tokens.size(), comma + 1 + max_span);
    std::vector<ChainItem> items;
    std::size_t t = comma;
    for (std::size_t read = 0; read < max_chain_items && barrier_is(doc, t, ','); ++read) {
        const ChainItem item = read_item(doc, t + 1, limit);
        if (item.possessive) {
            break;
        }
        // "X, Kelvin district, Ontario": a unit the gazetteer lacks is passed over.
        if (item.match < 0 && !(item.typed && item.end > t + 1)) {
            break;
        }
        t = item.end;
        if (item.match < 0) {
            continue;
        }
        const Match& m = doc.matches[static_cast<std::size_t>(item.match)];
        const bool unit_next =
            barrier_is(doc, t, ',') && place_match_at(doc, t + 1) >= 0 &&
            nests(doc.matches[static_cast<std::size_t>(place_match_at(doc, t + 1))], m);
        const bool nested_in_previous =
            !items.empty() && nests(m, doc.matches[static_cast<std::size_t>(items.back().match)]);
        out.push_back(QualifierLink{static_cast<std::size_t>(item.match),
                                    item.typed || unit_next || nested_in_previous});
        items.push_back(item);
        if (!item.typed && !unit_next) {
            break;
        }
    }
    // "Qorvantu, Ontario, on Sunday": a lone region or country after a small place's name,
    // closing the phrase rather than opening a list ("X, Ontario and Quebec"), is its unit.
    if (small_name && items.size() == 1 && items.front().bare && !out.empty() &&
        !out.back().explicit_unit) {
        const Match& only = doc.matches[static_cast<std::size_t>(items.front().match)];
        const auto precision = only.candidates->front().place.precision;
        const bool area =
            precision == gazetteer::Precision::country || precision == gazetteer::Precision::admin1;
        out.back().explicit_unit = area && closes_phrase(doc, items.front().end);
    }
}

// "X in Y", "X district of Y", "X village in Y province".
void preposition_link(const Document& doc, std::size_t t, std::vector<QualifierLink>& out) {
    const std::size_t n = doc.tokens.size();
    bool typed_name = false;
    if (t < n && !doc.is_barrier(t) &&
        (is_unit_word(doc.tokens[t].key) || is_settlement_word(doc.tokens[t].key))) {
        typed_name = true;
        ++t;
    }
    if (t >= n || doc.is_barrier(t)) {
        return;
    }
    const std::string& prep = doc.tokens[t].key;
    if (prep != "in" && !(prep == "of" && typed_name)) {
        return;
    }
    ++t;
    if (t < n && !doc.is_barrier(t) && doc.tokens[t].key == "the") {
        ++t;
    }
    const int k = place_match_at(doc, t);
    if (k < 0) {
        return;
    }
    const std::size_t after = doc.matches[static_cast<std::size_t>(k)].last + 1;
    const bool typed = after < n && !doc.is_barrier(after) && is_unit_word(doc.tokens[after].key);
    out.push_back(QualifierLink{static_cast<std::size_t>(k), typed});
}

bool is_direction_word(const std::string& key) {
    // "north-eastern" is two tokens; its second part is a direction word of its own.
    static const std::unordered_set<std::string> words = normalised(std::array<std::string_view, 9>{
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
        "southeastern", "southwestern"});
    return words.count(key) != 0;
}

// "Ontario's Kelvin district", "Nigeria's northern Borno state": a region or country in the
// possessive right before the name (one direction word may stand between) contains it.
void possessive_link(const Document& doc, std::size_t k, std::vector<QualifierLink>& out) {
    const Match& m = doc.matches[k];
    std::size_t before = m.first;
    if (before > 0 && !doc.is_barrier(before - 1) &&
        is_direction_word(doc.tokens[before - 1].key)) {
        --before;
    }
    if (before == 0 || k == 0) {
        return;
    }
    const Match& q = doc.matches[k - 1];
    if (q.last + 1 != before || place_match_at(doc, q.first) != static_cast<int>(k - 1)) {
        return;
    }
    if (!possessive_after(doc, q.last)) {
        return;
    }
    const auto precision = q.candidates->front().place.precision;
    const bool unit = precision == gazetteer::Precision::country ||
                      precision == gazetteer::Precision::admin1 ||
                      precision == gazetteer::Precision::admin2;
    out.push_back(QualifierLink{k - 1, unit});
}

} // namespace

bool is_unit_word(const std::string& key) {
    static const std::unordered_set<std::string> words =
        normalised(std::array<std::string_view, 16>{
            "state", "province", "district", "county", "governorate", "region", "prefecture",
            "oblast", "department", "municipality", "parish", "division", "subdistrict", "commune",
            "emirate", "canton"});
    return words.count(key) != 0;
}

std::vector<QualifierLink> textual_qualifiers(const Document& doc, std::size_t k) {
    std::vector<QualifierLink> out;
    possessive_link(doc, k, out);
    const Match& m = doc.matches[k];
    std::size_t next = m.last + 1;
    if (next >= doc.tokens.size()) {
        return out;
    }
    // "X district (Y province)": the name's own unit word may come first.
    if (!doc.is_barrier(next) && is_unit_word(doc.tokens[next].key) &&
        next + 1 < doc.tokens.size() && doc.is_barrier(next + 1)) {
        ++next;
    }
    if (barrier_is(doc, next, '(')) {
        bracket_links(doc, next, out);
    } else if (barrier_is(doc, next, ',')) {
        // A city of this size is no village the gazetteer could lack.
        constexpr std::uint64_t small_population = 100'000;
        const bool small = !m.big && !m.candidates->empty() &&
                           m.candidates->front().place.population < small_population;
        chain_links(doc, next, small, out);
    } else {
        preposition_link(doc, m.last + 1, out);
    }
    out.erase(std::remove_if(out.begin(), out.end(),
                             [k](const QualifierLink& q) { return q.match == k; }),
              out.end());
    return out;
}

} // namespace eventmap::geoparse::detail
