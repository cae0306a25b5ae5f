// Landing names the gazetteer lacks on the units the text names (units.hpp). Sections:
//   1. Explicit qualifiers that disagree with the chosen entry
//   2. The article's country
//   3. Generic-headed names
#include "geoparse/units.hpp"

#include "common/geo.hpp"
#include "geoparse/qualifiers.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace eventmap::geoparse::detail {

using gazetteer::PlaceView;
using gazetteer::Precision;

namespace {

// ---- 1. Explicit qualifiers that disagree with the chosen entry ---------------------------------

// A unit close enough to the chosen place agrees with it even when the gazetteer's codes
// differ (a town on a boundary, a district coded under its old region).
constexpr double unit_agreement_min_km = 25.0;

bool agrees(const PlaceView& unit, const PlaceView& p) {
    if (unit.index == p.index || area_contains(unit, p)) {
        return true;
    }
    const double reach = std::max<double>(unit.radius_km, unit_agreement_min_km);
    return distance_km(unit.position, p.position) <= reach;
}

bool is_unit(const PlaceView& p) {
    return p.precision == Precision::country || p.precision == Precision::admin1 ||
           p.precision == Precision::admin2;
}

const PlaceView& chosen_place(const Match& m) {
    return (*m.candidates)[m.chosen].place;
}

struct UnitRef {
    int match = -1; // index into doc.matches, -1: none
    std::size_t candidate = 0;
};

const PlaceView& unit_place(const Document& doc, UnitRef u) {
    return (*doc.matches[static_cast<std::size_t>(u.match)].candidates)[u.candidate].place;
}

// The unit an explicit qualifier stands for: its chosen entry, or, when a list's kind pulled
// it to a town named like its region ("X, Kelvin, on Sunday" after other towns), its likeliest
// unit entry.
std::optional<std::size_t> unit_candidate(const Match& q) {
    if (is_unit(chosen_place(q))) {
        return q.chosen;
    }
    for (std::size_t c = 0; c < q.candidates->size(); ++c) {
        if (is_unit((*q.candidates)[c].place)) {
            return c;
        }
    }
    return std::nullopt;
}

// The explicit qualifier a group's name lands on, or none: when no qualifier the text names
// agrees with the chosen place and at least one explicit unit coarser than it does not, the
// name is a village or camp the gazetteer lacks there, and its namesake elsewhere is wrong.
// The most precise unit wins when the coarser ones contain it ("X (Y district, Z region)").
UnitRef unit_for(const Document& doc, const NameGroup& g) {
    const Match& first = doc.matches[g.members.front()];
    // A capital too: "Paris (Kelvin district, Ontario)" is a village named after it.
    if (first.demonym) {
        return {};
    }
    const PlaceView& p = chosen_place(first);
    std::vector<UnitRef> units;
    for (std::size_t i : g.members) {
        for (const QualifierLink& q : textual_qualifiers(doc, i)) {
            const Match& qm = doc.matches[q.match];
            const std::optional<std::size_t> c = unit_candidate(qm);
            if (agrees(chosen_place(qm), p) || (c && agrees((*qm.candidates)[*c].place, p))) {
                return {};
            }
            if (q.explicit_unit && c && (*qm.candidates)[*c].place.precision < p.precision) {
                units.push_back(UnitRef{static_cast<int>(q.match), *c});
            }
        }
    }
    if (units.empty()) {
        return {};
    }
    std::stable_sort(units.begin(), units.end(), [&](UnitRef a, UnitRef b) {
        return unit_place(doc, a).precision > unit_place(doc, b).precision;
    });
    for (const UnitRef u : units) {
        const PlaceView& up = unit_place(doc, u);
        const bool nested = std::all_of(units.begin(), units.end(), [&](UnitRef v) {
            const PlaceView& vp = unit_place(doc, v);
            return vp.precision >= up.precision || area_contains(vp, up);
        });
        if (nested) {
            return u;
        }
    }
    return units.back();
}

// ---- 2. The article's country -------------------------------------------------------------------

// The article's country: the one holding nearly all of the support its places give (the
// places' groups, weighted as evidence), when that support is substantial. Empty otherwise.
constexpr double focus_share = 0.8;
constexpr double focus_min_support = 3.0;
// A namesake this small abroad is likelier a village the gazetteer lacks at home.
constexpr std::uint64_t focus_small_population = 100'000;

struct Focus {
    std::string_view country;
    double support = 0;
    double total = 0;
};

Focus article_focus(const Document& doc, const std::vector<NameGroup>& groups) {
    std::unordered_map<std::string_view, double> support;
    Focus f;
    for (const NameGroup& g : groups) {
        const PlaceView& p = chosen_place(doc.matches[g.members.front()]);
        if (!p.country.empty()) {
            support[p.country] += g.weight;
            f.total += g.weight;
        }
    }
    for (const auto& [country, s] : support) {
        if (s > f.support) {
            f.country = country;
            f.support = s;
        }
    }
    return f;
}

// "Gunmen raided Qorvantu on Sunday" in an article whose every other place is in one country,
// with Qorvantu known to the gazetteer only as a small town of another continent: the name
// lands on that country (honest precision, the name kept) rather than on the namesake. The
// country must be named in the article (its mention supplies the place).
// True when group gi chose a small place abroad in an article about one other country.
bool small_abroad(const Document& doc, const std::vector<NameGroup>& groups, std::size_t gi,
                  const Focus& focus) {
    const NameGroup& g = groups[gi];
    const Match& first = doc.matches[g.members.front()];
    const PlaceView& p = chosen_place(first);
    if (first.big || first.demonym || g.dateline || focus.country.empty() ||
        p.country == focus.country || p.precision < Precision::city ||
        p.population >= focus_small_population) {
        return false;
    }
    const double own = p.country.empty() ? 0.0 : g.weight;
    return focus.support >= focus_min_support && focus.support >= focus_share * (focus.total - own);
}

// "Qorvantu" in such an article, known both as a town abroad and a village at home: the
// home namesake, best scored first. The scores weighed the country once; an article about
// nothing else makes the small place abroad an unlikely reading.
std::optional<std::size_t> home_namesake(const Match& first, const Focus& focus) {
    std::optional<std::size_t> best;
    for (std::size_t c = 0; c < first.candidates->size(); ++c) {
        const Candidate& cand = (*first.candidates)[c];
        if (cand.place.country == focus.country &&
            (!best || cand.score > (*first.candidates)[*best].score)) {
            best = c;
        }
    }
    return best;
}

UnitRef focus_unit_for(const Document& doc, const NameGroup& g, const Focus& focus) {
    const Match& first = doc.matches[g.members.front()];
    UnitRef unit;
    for (std::size_t k = 0; k < doc.matches.size(); ++k) {
        const Match& m = doc.matches[k];
        if (m.dropped || m.demonym || m.candidates->empty()) {
            continue;
        }
        const PlaceView& q = chosen_place(m);
        if (q.precision != Precision::country || q.country != focus.country) {
            continue;
        }
        // The nearest mention before the name, else the first after it.
        if (m.first > first.first && unit.match >= 0) {
            break;
        }
        unit = UnitRef{static_cast<int>(k), m.chosen};
        if (m.first > first.first) {
            break;
        }
    }
    return unit;
}

// ---- 3. Generic-headed names --------------------------------------------------------------------

// Where a generic-headed name the gazetteer lacks ("Tal Quorvan") goes, finest first: the
// place the text names as containing it ("Tal Quorvan in the Kelvin district", "Kelvin's Tal
// Quorvan"), a place right beside it in its sentence ("Tal Quorvan near Kelvin"), the
// article's country, else the country of the nearest place when the article names it.
// None: the name is dropped rather than put on its head's namesake.
constexpr std::size_t generic_beside_tokens = 6;
constexpr std::size_t generic_reach_tokens = 25;

bool usable(const Match& m) {
    return !m.dropped && !m.demonym && !m.generic && !m.candidates->empty();
}

// Tokens between two matches, and whether a sentence ends between them.
std::size_t gap_between(const Document& doc, const Match& a, const Match& b, bool& sentence_end) {
    const std::size_t from = std::min(a.last, b.last);
    const std::size_t to = std::max(a.first, b.first);
    sentence_end = false;
    for (std::size_t t = from + 1; t < to; ++t) {
        const char c = doc.is_barrier(t) ? doc.barrier_char(t) : ' ';
        sentence_end = sentence_end || c == '.' || c == '!' || c == '?' || c == ';';
    }
    return to > from ? to - from : 0;
}

UnitRef generic_unit_for(const Document& doc, const NameGroup& g, const Focus& focus) {
    std::vector<UnitRef> containers;
    for (std::size_t i : g.members) {
        for (const QualifierLink& q : textual_qualifiers(doc, i)) {
            if (usable(doc.matches[q.match])) {
                containers.push_back(
                    UnitRef{static_cast<int>(q.match), doc.matches[q.match].chosen});
            }
        }
    }
    if (!containers.empty()) {
        return *std::max_element(containers.begin(), containers.end(), [&](UnitRef a, UnitRef b) {
            return unit_place(doc, a).precision < unit_place(doc, b).precision;
        });
    }
    const Match& name = doc.matches[g.members.front()];
    std::string_view nearest_country;
    std::size_t best_gap = generic_reach_tokens + 1;
    UnitRef beside;
    for (std::size_t k = 0; k < doc.matches.size(); ++k) {
        const Match& m = doc.matches[k];
        bool sentence_end = false;
        const std::size_t gap = usable(m) ? gap_between(doc, name, m, sentence_end) : best_gap;
        if (gap < best_gap && !sentence_end && !chosen_place(m).country.empty()) {
            best_gap = gap;
            nearest_country = chosen_place(m).country;
            beside =
                gap <= generic_beside_tokens ? UnitRef{static_cast<int>(k), m.chosen} : UnitRef{};
        }
    }
    if (beside.match >= 0) {
        return beside;
    }
    const std::string_view country = focus.country.empty() ? nearest_country : focus.country;
    if (country.empty()) {
        return {};
    }
    for (std::size_t k = 0; k < doc.matches.size(); ++k) {
        const Match& m = doc.matches[k];
        if (usable(m) && chosen_place(m).precision == Precision::country &&
            chosen_place(m).country == country) {
            return UnitRef{static_cast<int>(k), m.chosen};
        }
    }
    return {};
}

} // namespace

void land_on_units(Document& doc, const std::vector<NameGroup>& groups) {
    std::vector<UnitRef> unit(groups.size());
    const Focus focus = article_focus(doc, groups);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        if (doc.matches[groups[gi].members.front()].generic) {
            unit[gi] = generic_unit_for(doc, groups[gi], focus);
            continue;
        }
        unit[gi] = unit_for(doc, groups[gi]);
        if (unit[gi].match >= 0 || !small_abroad(doc, groups, gi, focus)) {
            continue;
        }
        const Match& first = doc.matches[groups[gi].members.front()];
        if (const std::optional<std::size_t> home = home_namesake(first, focus)) {
            for (std::size_t i : groups[gi].members) {
                doc.matches[i].chosen = *home;
            }
        } else {
            unit[gi] = focus_unit_for(doc, groups[gi], focus);
        }
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        for (std::size_t i : groups[gi].members) {
            Match& m = doc.matches[i];
            m.unit = unit[gi].match;
            m.unit_candidate = unit[gi].candidate;
            m.dropped = m.dropped || (m.generic && m.unit < 0);
        }
    }
}

} // namespace eventmap::geoparse::detail
