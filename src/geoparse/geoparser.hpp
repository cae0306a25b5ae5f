// The geoparser: article text in, resolved place mentions out (mention.hpp).
// One Geoparser is built per opened gazetteer and is safe to share between threads: parse()
// is const and keeps its scratch space per call.
#pragma once

#include "common/article.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/mention.hpp"

#include <memory>
#include <string>
#include <vector>

namespace eventmap::geoparse {

struct Lexicon;

// The filters that keep what is not a place off the map. Each can be switched off so the
// evaluation can measure what it buys (`eventmap eval geoparse --ablate`).
struct FilterRules {
    bool persons = true;          // "President Obama", "Sergei Lavrov", later "Lavrov said"
    bool organisations = true;    // "Arab League", "New York Times", "Reston ebolavirus"
    bool not_places = true;       // May, Assad, Ebola: gazetteer names that news means otherwise
    bool sentence_initial = true; // "Reading the report..." capitalised only by the sentence
    bool proper_phrases = true;   // a place name inside a longer capitalised name
    bool acronyms = true;         // short all-caps words (WHO, FAO) need an abbreviation entry
    bool common_nouns = true;     // "Center", "Royal": small places whose name the article also
                                  // writes in lower case, or an English word (english_words.txt)
    bool loose_matches = true;    // short words reaching a name only through transliteration
                                  // keys ("He" ~ Hee) when no entry is spelt that way
};

enum class ResolverKind {
    context,   // qualifiers, document countries/regions, dateline, proximity, importance
    population // the naive baseline: the candidate with the largest population
};

struct GeoparseOptions {
    std::size_t max_alternatives = 3; // runners-up kept per mention
    bool include_demonyms = true;     // report "Syrian" etc. as type demonym
    FilterRules filters;
    ResolverKind resolver = ResolverKind::context;
    std::string lexicon_directory; // empty: Lexicon::default_directory() (assets/geoparse)
};

class Geoparser {
  public:
    // Loads the lexicon (throws InputError naming a missing list). The gazetteer must outlive
    // the Geoparser.
    explicit Geoparser(const gazetteer::Gazetteer& gazetteer, GeoparseOptions options = {});
    ~Geoparser();
    Geoparser(Geoparser&&) noexcept;

    // All place mentions in the article, in text order, each resolved to one gazetteer entry.
    std::vector<Mention> parse(const Article& article) const;

    const GeoparseOptions& options() const { return options_; }

  private:
    const gazetteer::Gazetteer& gazetteer_;
    GeoparseOptions options_;
    std::unique_ptr<const Lexicon> lexicon_;
};

} // namespace eventmap::geoparse
