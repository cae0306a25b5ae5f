// From one article to its events: sentences, triggers, and for each trigger the place, date,
// actors and recipient that govern it (issue 5). The geoparser and the date tagger do the
// finding of places and times; this stage decides which of them belongs to which event.
#pragma once

#include "common/article.hpp"
#include "dates/time_expression.hpp"
#include "events/event.hpp"
#include "events/lexicon.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/mention.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eventmap::events {

struct ExtractOptions {
    std::string published;         // YYYY-MM-DD overriding the article's (--published)
    double min_confidence = 0.25;  // events below are dropped
    bool keep_unlocated = false;   // keep events no place governs (null geometry)
    bool merge = true;             // merge the article's duplicate reports of one event
    std::string lexicon_directory; // empty: EventLexicon::default_directory()
};

// Everything the pipeline learnt about one article (ingest stores the mentions too).
struct ArticleEvents {
    std::string content_hash; // content_hash(text)
    dates::DateResult dates;
    std::vector<geoparse::Mention> mentions;
    std::vector<Event> events;
};

class EventExtractor {
  public:
    // Loads the lexicon (throws InputError naming a bad file and line). The geoparser must
    // outlive the extractor. extract() is const and safe to call from several threads.
    explicit EventExtractor(const geoparse::Geoparser& geoparser, ExtractOptions options = {});

    // The whole pipeline for one article: geoparse, tag dates, find events, merge duplicates.
    std::vector<Event> extract(const Article& article) const;
    // The same, keeping the other stages' results. Invalid UTF-8 is sanitised first.
    ArticleEvents process(const Article& article) const;

    // The events stage alone, given the other stages' results for the same (valid UTF-8) text.
    std::vector<Event> extract(const Article& article,
                               const std::vector<geoparse::Mention>& mentions,
                               const dates::DateResult& dates) const;

    // The event reported by the words at bytes [byte_begin, byte_end) of the article, taken as
    // a trigger whether or not the lexicon lists them (as ASSAULT when it does not), whatever
    // its modality or confidence, located or not. Place attachment given the event word: what
    // `eval events` scores. Empty when the span lies in no sentence.
    std::optional<Event> event_at(const Article& article,
                                  const std::vector<geoparse::Mention>& mentions,
                                  const dates::DateResult& dates, std::size_t byte_begin,
                                  std::size_t byte_end) const;

    const EventLexicon& lexicon() const { return lexicon_; }
    const ExtractOptions& options() const { return options_; }

  private:
    const geoparse::Geoparser& geoparser_;
    ExtractOptions options_;
    EventLexicon lexicon_;
};

// 16 hex digits identifying an article's text (FNV-1a 64 of its bytes).
std::string content_hash(const std::string& text);

// The event id: content hash and trigger byte span, hashed again (16 hex digits). The same
// text always gives the same ids, whichever file or run it came from.
std::string event_id(const std::string& article_hash, std::size_t byte_begin, std::size_t byte_end);

} // namespace eventmap::events
