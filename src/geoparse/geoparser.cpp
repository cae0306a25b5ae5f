// Geoparser::parse: tokenise, match, filter, resolve, mark actors, and turn the surviving
// matches into Mentions with code-point offsets. The stages live in recognizer.cpp,
// candidates.cpp, filters.cpp and resolver.cpp; this file wires them and owns the output record.
#include "geoparse/geoparser.hpp"

#include "common/utf8.hpp"
#include "geoparse/candidates.hpp"
#include "geoparse/filters.hpp"
#include "geoparse/lexicon.hpp"
#include "geoparse/recognizer.hpp"
#include "geoparse/resolver.hpp"

#include <algorithm>
#include <numeric>

namespace eventmap::geoparse {

Geoparser::Geoparser(const gazetteer::Gazetteer& gazetteer, GeoparseOptions options)
    : gazetteer_(gazetteer), options_(std::move(options)) {
    const std::string dir = options_.lexicon_directory.empty() ? Lexicon::default_directory()
                                                               : options_.lexicon_directory;
    lexicon_ = std::make_unique<const Lexicon>(Lexicon::load(dir));
}

Geoparser::~Geoparser() = default;
Geoparser::Geoparser(Geoparser&&) noexcept = default;

namespace {

// Places named by a separate dateline field ("GENEVA/BEIRUT"): the best entry for each part.
std::vector<gazetteer::PlaceView> dateline_places(const gazetteer::Gazetteer& g,
                                                  const std::string& dateline) {
    std::vector<gazetteer::PlaceView> out;
    std::size_t from = 0;
    while (from <= dateline.size()) {
        const std::size_t to = dateline.find_first_of("/,;", from);
        const std::string part =
            dateline.substr(from, to == std::string::npos ? std::string::npos : to - from);
        const auto found = g.lookup(part, {std::string(), 1});
        if (!found.empty()) {
            out.push_back(found.front().place);
        }
        if (to == std::string::npos) {
            break;
        }
        from = to + 1;
    }
    return out;
}

std::string feature_of(const gazetteer::PlaceView& p) {
    std::string f(1, p.feature_class);
    f += '.';
    f += p.feature_code;
    return f;
}

// How much of the unit's confidence a name placed on its unit keeps: the unit is right, the
// point inside it is not known.
constexpr double unlisted_confidence = 0.8;

Mention make_mention(const detail::Document& doc, const detail::Match& m,
                     std::size_t max_alternatives) {
    const detail::Candidate& c = (*m.candidates)[m.chosen];
    // A name the gazetteer lacks where the text puts it takes its containing unit's place;
    // its own candidates stay as the alternatives a reader may prefer.
    const detail::Match* unit =
        m.unit >= 0 ? &doc.matches[static_cast<std::size_t>(m.unit)] : nullptr;
    const gazetteer::PlaceView& p =
        unit != nullptr ? (*unit->candidates)[m.unit_candidate].place : c.place;
    Mention out;
    out.byte_start = doc.tokens[m.first].begin;
    out.byte_end = doc.tokens[m.last].end;
    // "in Iran." keeps the sentence's period inside the token; only an abbreviation ("Ky.",
    // "U.S.") owns its final period.
    const std::string_view last_surface = doc.surface(m.last);
    if (c.kind != gazetteer::NameKind::abbreviation && last_surface.size() > 1 &&
        last_surface.back() == '.' &&
        last_surface.substr(0, last_surface.size() - 1).find('.') == std::string_view::npos) {
        --out.byte_end;
    }
    out.text = std::string(doc.text.substr(out.byte_start, out.byte_end - out.byte_start));
    out.name = std::string(p.name);
    out.gazetteer_id = p.id;
    out.position = p.position;
    out.country = std::string(p.country);
    out.admin1 = std::string(p.admin1);
    out.feature_class = p.feature_class;
    out.feature_code = std::string(p.feature_code);
    out.precision = p.precision;
    out.radius_km = p.radius_km;
    out.population = p.population;
    out.type = m.demonym ? MentionType::demonym : MentionType::place;
    out.role = m.actor ? Role::actor : Role::location;
    out.confidence = unit != nullptr ? unit->confidence * unlisted_confidence : m.confidence;
    out.dateline = m.dateline;
    out.unlisted = unit != nullptr;
    out.feature = feature_of(p);

    std::vector<std::size_t> order(m.candidates->size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return (*m.candidates)[a].score > (*m.candidates)[b].score;
    });
    for (std::size_t i : order) {
        if (out.alternatives.size() >= max_alternatives) {
            break;
        }
        const detail::Candidate& alt = (*m.candidates)[i];
        if ((unit == nullptr && i == m.chosen) || alt.place.id == p.id) {
            continue;
        }
        out.alternatives.push_back(Alternative{alt.place.id, std::string(alt.place.name),
                                               std::string(alt.place.country), alt.place.position,
                                               alt.score});
    }
    return out;
}

} // namespace

std::vector<Mention> Geoparser::parse(const Article& article) const {
    detail::Document doc;
    detail::tokenize(gazetteer_, article.text, doc);
    detail::find_matches(gazetteer_, doc);
    detail::load_candidates(gazetteer_, doc);
    detail::mark_datelines(doc);
    detail::link_qualifiers(doc);
    detail::filter_matches(*lexicon_, options_.filters, doc);
    const auto dateline = article.dateline.empty() ? std::vector<gazetteer::PlaceView>()
                                                   : dateline_places(gazetteer_, article.dateline);
    detail::resolve(options_.resolver, dateline, doc);
    detail::mark_actors(*lexicon_, doc);

    std::vector<Mention> out;
    utf8::CodepointCursor cursor(doc.text);
    for (const detail::Match& m : doc.matches) {
        if (m.dropped || m.candidates->empty() || (m.demonym && !options_.include_demonyms)) {
            continue;
        }
        Mention mention = make_mention(doc, m, options_.max_alternatives);
        mention.start = cursor.to_codepoint(mention.byte_start);
        mention.end = cursor.to_codepoint(mention.byte_end);
        out.push_back(std::move(mention));
    }
    return out;
}

} // namespace eventmap::geoparse
