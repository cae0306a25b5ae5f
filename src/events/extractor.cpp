// The events stage's entry points: ids, and EventExtractor running the other stages and the
// per-article ArticleBuilder (article_builder.hpp) that decides the events.
#include "events/extractor.hpp"

#include "common/hash.hpp"
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"
#include "events/article_builder.hpp"

#include <cstdint>
#include <cstdio>

namespace eventmap::events {

namespace {

std::string hex16(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace

std::string content_hash(const std::string& text) {
    return hex16(fnv1a(text));
}

std::string event_id(const std::string& article_hash, std::size_t byte_begin,
                     std::size_t byte_end) {
    const std::string key =
        article_hash + ':' + std::to_string(byte_begin) + '-' + std::to_string(byte_end);
    return hex16(fnv1a(key));
}

EventExtractor::EventExtractor(const geoparse::Geoparser& geoparser, ExtractOptions options)
    : geoparser_(geoparser), options_(std::move(options)),
      lexicon_(EventLexicon::load(options_.lexicon_directory.empty()
                                      ? EventLexicon::default_directory()
                                      : options_.lexicon_directory)) {}

std::vector<Event> EventExtractor::extract(const Article& article) const {
    return process(article).events;
}

ArticleEvents EventExtractor::process(const Article& article) const {
    if (!utf8::is_valid(article.text)) {
        Article clean = article;
        clean.text = utf8::sanitize(article.text).text;
        return process(clean);
    }
    ArticleEvents out;
    out.content_hash = content_hash(article.text);
    dates::DateOptions date_options;
    date_options.published = options_.published;
    out.dates = dates::tag_dates(article, date_options);
    out.mentions = geoparser_.parse(article);
    out.events = extract(article, out.mentions, out.dates);
    return out;
}

std::vector<Event> EventExtractor::extract(const Article& article,
                                           const std::vector<geoparse::Mention>& mentions,
                                           const dates::DateResult& dates) const {
    ArticleBuilder builder(lexicon_, options_, article, mentions, dates);
    return builder.run();
}

std::optional<Event> EventExtractor::event_at(const Article& article,
                                              const std::vector<geoparse::Mention>& mentions,
                                              const dates::DateResult& dates,
                                              std::size_t byte_begin, std::size_t byte_end) const {
    ExtractOptions options = options_;
    options.keep_unlocated = true;
    options.min_confidence = 0;
    options.merge = false;
    ArticleBuilder builder(lexicon_, options, article, mentions, dates);
    builder.force(byte_begin, byte_end);
    std::vector<Event> events = builder.run();
    if (events.empty()) {
        return std::nullopt;
    }
    return std::move(events.front());
}

} // namespace eventmap::events
