// Resolution. Sections:
//   1. Groups: mentions of one name (with one qualifier) resolve together
//   2. Document evidence: countries, first-level regions, points, datelines
//   3. Scoring and the iterative choice
//   4. The naive population baseline
//   5. Metonymy
// Names the gazetteer lacks where the text puts them land on their units in units.cpp.
#include "geoparse/resolver.hpp"

#include "common/geo.hpp"
#include "geoparse/qualifiers.hpp"
#include "geoparse/units.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace eventmap::geoparse::detail {

using gazetteer::PlaceView;
using gazetteer::Precision;

namespace {

// Weights of the evidence, in units of the gazetteer's importance prior (a country ~9, a
// capital ~7.3, a town of 10,000 ~3.6). Set once on the project's own fixtures and checked on
// the dev corpus as a whole (notes in the commit log), never per document.
constexpr double country_weight = 1.7;   // per log(1 + supporting mentions) of the country
constexpr double admin1_weight = 2.0;    // per log(1 + mentions) in the same state/province
constexpr double proximity_weight = 1.6; // times exp(-distance / proximity_scale_km)
constexpr double proximity_scale_km = 150.0;
constexpr double qualifier_bonus = 8.0; // "Paris, Texas": the qualifier contains it
constexpr double qualifier_area_bonus = 4.0;
constexpr double dateline_evidence = 2.0;
constexpr double demonym_evidence = 0.6;
constexpr int iterations = 3;

// ---- 1. Groups -------------------------------------------------------------------------------

struct Group {
    std::vector<std::size_t> members;  // indices into doc.matches
    std::size_t chosen = 0;            // index into the first member's candidates
    std::vector<double> bonus;         // qualifier bonus per candidate
    double weight = 1.0;               // how much this group's choice counts as evidence
    bool dateline = false;             // resolved on its own: datelines name well-known places
    std::vector<std::size_t> siblings; // groups listed with this one: "Oregon, Idaho and X"
};

std::string group_key(const Document& doc, const Match& m) {
    std::string key = m.key;
    key += m.demonym ? "|d" : "|p";
    if (m.qualifier >= 0) {
        key += "|" + doc.matches[static_cast<std::size_t>(m.qualifier)].key;
    }
    return key;
}

// The most the document's evidence can add to a candidate (country, region and proximity
// terms at their practical maxima); a candidate further than this below the best prior can
// never be chosen, so it is not scored.
constexpr double max_evidence = 9.0;

// "Washington state", "Nyanza province", "Monroe county", "Mexico city": a type word right
// after the name says which kind of entry is meant.
enum class FeatureCue { none, admin1, admin2, populated };
constexpr double feature_cue_bonus = 4.0;

FeatureCue feature_cue(const Document& doc, const Match& m) {
    const std::size_t j = m.last + 1;
    if (j >= doc.tokens.size() || doc.is_barrier(j)) {
        return FeatureCue::none;
    }
    const std::string& k = doc.tokens[j].key;
    if (k == "state" || k == "province" || k == "region" || k == "prefecture" ||
        k == "governorate" || k == "oblast") {
        return FeatureCue::admin1;
    }
    // Token keys are loose romanisations: "county" is keyed like "cunty".
    static const std::string county = gazetteer::normalize_name("county");
    if (k == county || k == "district" || k == "municipality" || k == "parish") {
        return FeatureCue::admin2;
    }
    if (k == "city" || k == "town" || k == "village") {
        return FeatureCue::populated;
    }
    return FeatureCue::none;
}

bool fits(FeatureCue cue, const PlaceView& p) {
    switch (cue) {
    case FeatureCue::admin1:
        return p.precision == Precision::admin1;
    case FeatureCue::admin2:
        return p.precision == Precision::admin2;
    case FeatureCue::populated:
        return p.feature_class == 'P';
    case FeatureCue::none:
        return false;
    }
    return false;
}

// Matches k and k+1 are items of one list when only commas, "and" or "or" stand between.
bool listed_together(const Document& doc, const Match& a, const Match& b) {
    if (b.first <= a.last + 1) {
        return false;
    }
    bool joined = false;
    for (std::size_t t = a.last + 1; t < b.first; ++t) {
        const std::string& k = doc.tokens[t].key;
        if (doc.is_barrier(t) ? doc.barrier_char(t) != ',' : (k != "and" && k != "or")) {
            return false;
        }
        joined = true;
    }
    return joined && b.first - a.last <= 4;
}

void link_siblings(const Document& doc, std::vector<Group>& groups) {
    std::vector<int> group_of(doc.matches.size(), -1);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        for (std::size_t i : groups[gi].members) {
            group_of[i] = static_cast<int>(gi);
        }
    }
    for (std::size_t k = 0; k + 1 < doc.matches.size(); ++k) {
        const int a = group_of[k];
        const int b = group_of[k + 1];
        if (a < 0 || b < 0 || a == b || doc.matches[k].demonym || doc.matches[k + 1].demonym ||
            !listed_together(doc, doc.matches[k], doc.matches[k + 1])) {
            continue;
        }
        groups[static_cast<std::size_t>(a)].siblings.push_back(static_cast<std::size_t>(b));
        groups[static_cast<std::size_t>(b)].siblings.push_back(static_cast<std::size_t>(a));
    }
}

std::vector<Group> make_groups(const Document& doc) {
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < doc.matches.size(); ++i) {
        const Match& m = doc.matches[i];
        if (m.dropped || m.candidates->empty()) {
            continue;
        }
        const auto [it, fresh] = by_key.emplace(group_key(doc, m), groups.size());
        if (fresh) {
            groups.emplace_back();
        }
        groups[it->second].members.push_back(i);
    }
    for (Group& g : groups) {
        const Match& m = doc.matches[g.members.front()];
        g.bonus.assign(m.candidates->size(), 0.0);
        bool dateline = false;
        for (std::size_t i : g.members) {
            dateline = dateline || doc.matches[i].dateline;
        }
        // Repetition strengthens a name's say about the document, with diminishing returns.
        g.dateline = dateline;
        g.weight = (1.0 + 0.5 * std::log(static_cast<double>(g.members.size()))) *
                   (m.demonym ? demonym_evidence : 1.0) * (dateline ? dateline_evidence : 1.0);
        if (m.generic) {
            g.weight = 0.0; // its candidates are the head's, no evidence for the others
        }
        // Containing qualifiers say the same thing however many there are (the largest bonus
        // counts); being the qualifier of another name is separate evidence and adds to it.
        std::vector<double> qualified(m.candidates->size(), 0.0);
        const auto link = [&](int other, double amount, bool other_is_area) {
            if (other < 0) {
                return;
            }
            const Match& o = doc.matches[static_cast<std::size_t>(other)];
            std::vector<double>& into = other_is_area ? g.bonus : qualified;
            for (std::size_t c = 0; c < m.candidates->size(); ++c) {
                for (const Candidate& oc : *o.candidates) {
                    const bool ok = other_is_area
                                        ? area_contains(oc.place, (*m.candidates)[c].place)
                                        : area_contains((*m.candidates)[c].place, oc.place);
                    if (ok) {
                        into[c] = std::max(into[c], amount);
                        break;
                    }
                }
            }
        };
        link(m.qualifier, qualifier_bonus, true);
        link(m.qualified, qualifier_area_bonus, false);
        // "Dunmore (Kelvin district, Ontario)", "Dunmore, Kelvin district, Ontario",
        // "Dunmore in Ontario": every place the text names as containing the name qualifies
        // it, even past a district the gazetteer lacks.
        for (std::size_t i : g.members) {
            for (const QualifierLink& q : textual_qualifiers(doc, i)) {
                if (static_cast<int>(q.match) != m.qualifier) {
                    link(static_cast<int>(q.match), qualifier_bonus, true);
                }
            }
        }
        for (std::size_t c = 0; c < qualified.size(); ++c) {
            g.bonus[c] += qualified[c];
        }
        for (std::size_t i : g.members) {
            const FeatureCue cue = feature_cue(doc, doc.matches[i]);
            if (cue == FeatureCue::none) {
                continue;
            }
            for (std::size_t c = 0; c < m.candidates->size(); ++c) {
                if (fits(cue, (*m.candidates)[c].place)) {
                    g.bonus[c] = std::max(g.bonus[c], feature_cue_bonus);
                }
            }
        }
    }
    link_siblings(doc, groups);
    return groups;
}

// ---- 2. Document evidence --------------------------------------------------------------------

struct Point {
    LatLon position;
    double weight = 0;
    std::size_t group = 0;
};

struct Evidence {
    std::unordered_map<std::string, double> country;
    std::unordered_map<std::string, double> admin1; // "US.TX"
    std::vector<Point> points;
};

std::string admin1_key(const PlaceView& p) {
    std::string key(p.country);
    key += '.';
    key += p.admin1;
    return key;
}

// Distance for the proximity term only: an equirectangular approximation, good to a few per
// cent at the ranges where exp(-d / 150 km) matters, and a cheap latitude cut beyond them.
constexpr double proximity_cutoff_deg = 9.0; // ~1000 km: exp(-1000/150) is nothing

double near_distance_km(LatLon a, LatLon b) {
    constexpr double rad = 3.14159265358979323846 / 180.0;
    const double x = (b.lon - a.lon) * rad * std::cos((a.lat + b.lat) * 0.5 * rad);
    const double y = (b.lat - a.lat) * rad;
    return std::sqrt(x * x + y * y) * earth_radius_km;
}

bool is_area(const PlaceView& p) {
    return p.precision <= Precision::admin1;
}

Evidence gather(const Document& doc, const std::vector<Group>& groups,
                const std::vector<PlaceView>& dateline_places) {
    Evidence e;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        const PlaceView& p = (*doc.matches[g.members.front()].candidates)[g.chosen].place;
        if (!p.country.empty()) {
            e.country[std::string(p.country)] += g.weight;
            if (p.precision >= Precision::admin1) {
                e.admin1[admin1_key(p)] +=
                    p.precision == Precision::admin1 ? g.weight : 0.5 * g.weight;
            }
        }
        if (!is_area(p)) {
            e.points.push_back(Point{p.position, g.weight, gi});
        }
    }
    for (const PlaceView& p : dateline_places) {
        e.country[std::string(p.country)] += dateline_evidence;
        if (!is_area(p)) {
            e.points.push_back(Point{p.position, dateline_evidence, groups.size()});
        }
    }
    return e;
}

// ---- 3. Scoring ------------------------------------------------------------------------------

double score(const Candidate& c, double bonus, const Evidence& e, const Group& own,
             const PlaceView& own_choice, std::size_t own_index) {
    const PlaceView& p = c.place;
    double s = c.prior + bonus;
    if (!p.country.empty()) {
        const auto it = e.country.find(std::string(p.country));
        double support = it == e.country.end() ? 0.0 : it->second;
        if (own_choice.country == p.country) {
            support -= own.weight; // a name is no evidence for itself
        }
        s += country_weight * std::log1p(std::max(0.0, support));
    }
    if (p.precision >= Precision::admin1 && !p.country.empty()) {
        const std::string key = admin1_key(p);
        const auto it = e.admin1.find(key);
        double support = it == e.admin1.end() ? 0.0 : it->second;
        if (own_choice.precision >= Precision::admin1 && admin1_key(own_choice) == key) {
            support -= own_choice.precision == Precision::admin1 ? own.weight : 0.5 * own.weight;
        }
        s += admin1_weight * std::log1p(std::max(0.0, support));
    }
    if (!is_area(p)) {
        double near = 0.0;
        for (const Point& q : e.points) {
            if (q.group == own_index ||
                std::abs(q.position.lat - p.position.lat) > proximity_cutoff_deg) {
                continue;
            }
            double dlon = std::abs(q.position.lon - p.position.lon);
            dlon = std::min(dlon, 360.0 - dlon);
            if (dlon > proximity_cutoff_deg * 3) {
                continue;
            }
            near = std::max(near, q.weight * std::exp(-near_distance_km(p.position, q.position) /
                                                      proximity_scale_km));
        }
        s += proximity_weight * std::min(near, 1.5);
    }
    return s;
}

double margin_confidence(double best, double second) {
    return 1.0 / (1.0 + std::exp(-(best - second)));
}

// Items of one list are usually of one kind: "California, Oregon and Washington" are states,
// "Paris, Lyon and Marseille" cities of one country.
constexpr double sibling_weight = 1.5;

double sibling_bonus(const Document& doc, const std::vector<Group>& groups, const Group& g,
                     const PlaceView& p) {
    if (g.siblings.empty()) {
        return 0.0;
    }
    double agree = 0.0;
    for (std::size_t s : g.siblings) {
        const Group& other = groups[s];
        const PlaceView& q = (*doc.matches[other.members.front()].candidates)[other.chosen].place;
        if (q.precision == p.precision) {
            agree += q.country == p.country || p.precision == Precision::country ? 1.0 : 0.5;
        }
    }
    return sibling_weight * agree / static_cast<double>(g.siblings.size());
}

void resolve_context(const std::vector<PlaceView>& dateline_places, Document& doc,
                     std::vector<Group>& groups) {
    for (Group& g : groups) {
        const Match& m = doc.matches[g.members.front()];
        double best = -1e9;
        for (std::size_t c = 0; c < m.candidates->size(); ++c) {
            const double s = (*m.candidates)[c].prior + g.bonus[c];
            if (s > best) {
                best = s;
                g.chosen = c;
            }
        }
    }
    for (int round = 0; round < iterations; ++round) {
        const Evidence e = gather(doc, groups, dateline_places);
        std::vector<std::size_t> next(groups.size());
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            Group& g = groups[gi];
            Match& m = doc.matches[g.members.front()];
            const PlaceView own = (*m.candidates)[g.chosen].place;
            double best = -1e9;
            double best_prior = -1e9;
            for (std::size_t c = 0; c < m.candidates->size(); ++c) {
                best_prior = std::max(best_prior, (*m.candidates)[c].prior + g.bonus[c]);
            }
            for (std::size_t c = 0; c < m.candidates->size(); ++c) {
                Candidate& cand = (*m.candidates)[c];
                if (cand.prior + g.bonus[c] < best_prior - max_evidence) {
                    cand.score = cand.prior + g.bonus[c];
                    continue;
                }
                // A dateline names the place the reporter files from: a city readers know,
                // or one qualified on the spot ("SPRINGFIELD, Ill."), not one the body
                // makes likely.
                cand.score =
                    g.dateline ? cand.prior + g.bonus[c] : score(cand, g.bonus[c], e, g, own, gi);
                cand.score += sibling_bonus(doc, groups, g, cand.place);
                if (cand.score > best) {
                    best = cand.score;
                    next[gi] = c;
                }
            }
        }
        bool changed = false;
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            changed = changed || next[gi] != groups[gi].chosen;
            groups[gi].chosen = next[gi];
        }
        if (!changed && round > 0) {
            break;
        }
    }
}

// ---- 4. The naive population baseline --------------------------------------------------------

void resolve_population(Document& doc, std::vector<Group>& groups) {
    for (Group& g : groups) {
        Match& m = doc.matches[g.members.front()];
        for (std::size_t c = 0; c < m.candidates->size(); ++c) {
            Candidate& cand = (*m.candidates)[c];
            // Population decides; the prior only breaks ties (countries carry no population).
            cand.score =
                std::log10(static_cast<double>(cand.place.population) + 1.0) + cand.prior / 100.0;
            if (cand.score > (*m.candidates)[g.chosen].score) {
                g.chosen = c;
            }
        }
    }
}

} // namespace

void resolve(ResolverKind kind, const std::vector<PlaceView>& dateline_places, Document& doc) {
    std::vector<Group> groups = make_groups(doc);
    if (kind == ResolverKind::population) {
        resolve_population(doc, groups);
    } else {
        resolve_context(dateline_places, doc, groups);
    }
    for (Group& g : groups) {
        const Match& first = doc.matches[g.members.front()];
        double second = -1e9;
        const double best = (*first.candidates)[g.chosen].score;
        for (std::size_t c = 0; c < first.candidates->size(); ++c) {
            if (c != g.chosen) {
                second = std::max(second, (*first.candidates)[c].score);
            }
        }
        const double confidence =
            first.candidates->size() == 1 ? 0.9 : margin_confidence(best, second);
        for (std::size_t i : g.members) {
            Match& m = doc.matches[i];
            m.candidates = first.candidates;
            m.chosen = g.chosen;
            m.confidence = confidence;
        }
    }
    if (kind == ResolverKind::context) {
        std::vector<NameGroup> names;
        names.reserve(groups.size());
        for (const Group& g : groups) {
            names.push_back(NameGroup{g.members, g.weight, g.dateline});
        }
        land_on_units(doc, names);
    }
}

// ---- 5. Metonymy -----------------------------------------------------------------------------

namespace {

bool can_act(const Match& m) {
    if (m.dropped || m.demonym || m.candidates->empty()) {
        return false;
    }
    const PlaceView& p = (*m.candidates)[m.chosen].place;
    return p.precision == Precision::country || p.feature_code == "PPLC";
}

bool is_locative_preposition(std::string_view key) {
    static constexpr std::string_view words[] = {
        "in",  "at", "from",   "to",     "near",    "into",   "across", "throughout", "of",
        "for", "on", "within", "around", "outside", "inside", "via",    "toward",     "towards"};
    return std::find(std::begin(words), std::end(words), key) != std::end(words);
}

} // namespace

void mark_actors(const Lexicon& lex, Document& doc) {
    const std::size_t n = doc.tokens.size();
    for (Match& m : doc.matches) {
        if (!can_act(m)) {
            continue;
        }
        // "in Damascus was ..." is a place: a locative preposition before the name rules the
        // agent reading out.
        if (m.first > 0 && !doc.is_barrier(m.first - 1) &&
            is_locative_preposition(doc.tokens[m.first - 1].key)) {
            continue;
        }
        std::size_t j = m.last + 1;
        // "Washington and Moscow differ": skip coordinated capitals.
        while (j + 1 < n && !doc.is_barrier(j) &&
               (doc.tokens[j].key == "and" || doc.tokens[j].key == "or") &&
               doc.match_at[j + 1] >= 0 &&
               can_act(doc.matches[static_cast<std::size_t>(doc.match_at[j + 1])])) {
            j = doc.matches[static_cast<std::size_t>(doc.match_at[j + 1])].last + 1;
        }
        // "Damascus formally applied", "Washington was not satisfied".
        for (int skips = 0; skips < 2 && j < n && !doc.is_barrier(j); ++skips) {
            const std::string& k = doc.tokens[j].key;
            const bool adverb = k.size() > 4 && k.compare(k.size() - 2, 2, "ly") == 0;
            if (!(adverb || k == "not" || k == "also" || k == "too")) {
                break;
            }
            ++j;
        }
        if (j < n && !doc.is_barrier(j) && !doc.tokens[j].capitalized &&
            Lexicon::contains(lex.metonymy_verbs, doc.tokens[j].key)) {
            m.actor = true;
        }
    }
}

} // namespace eventmap::geoparse::detail
