#include "eval/events_scorer.hpp"

#include "common/article.hpp"
#include "common/geo.hpp"
#include "common/utf8.hpp"

#include <chrono>

namespace eventmap::eval {

namespace {

// Byte offset of code point `cp` in valid UTF-8 text.
std::size_t byte_of(const std::string& text, std::size_t cp) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < cp && i < text.size(); ++n) {
        utf8::next(text, i);
    }
    return i;
}

std::string slice(const std::string& text, Span s) {
    const std::size_t b = byte_of(text, s.start);
    return text.substr(b, byte_of(text, s.end) - b);
}

bool has_place(const events::Event& e) {
    return !e.event_loc.extracted_place.empty() || e.event_loc.geonameid != 0;
}

bool on_gold(const events::Event& e, const EventSentence& s) {
    for (const Span& g : s.locations) {
        if (e.event_loc.start < g.end && g.start < e.event_loc.end) {
            return true;
        }
    }
    return false;
}

// Right: a gold place when the sentence names one, no place when it names none.
bool right(const events::Event* e, const EventSentence& s) {
    if (s.locations.empty()) {
        return e == nullptr || !has_place(*e);
    }
    return e != nullptr && has_place(*e) && on_gold(*e, s);
}

// Where the geoparser puts a gold span: the first mention overlapping it, or none.
const geoparse::Mention* gold_mention(const std::vector<geoparse::Mention>& mentions,
                                      const EventSentence& s) {
    for (const Span& g : s.locations) {
        for (const geoparse::Mention& m : mentions) {
            if (m.start < g.end && g.start < m.end && m.gazetteer_id != 0) {
                return &m;
            }
        }
    }
    return nullptr;
}

// The distance proxy: how far the reported event's dot lies from the gold place's point.
void score_dot(const events::Event* reported, const std::vector<geoparse::Mention>& mentions,
               const EventSentence& s, EventLinkScore& score) {
    if (reported == nullptr || !has_place(*reported) || reported->event_loc.geonameid == 0) {
        return;
    }
    const geoparse::Mention* gold = gold_mention(mentions, s);
    if (gold == nullptr) {
        return;
    }
    const double km = distance_km(reported->event_loc.position, gold->position);
    ++score.dots;
    score.dots_near += km <= EventLinkScore::near_km ? 1 : 0;
    score.dots_far += km > EventLinkScore::far_km ? 1 : 0;
}

} // namespace

std::string score_sentence(const events::EventExtractor& extractor, const EventSentence& s,
                           EventLinkScore& score, EventMiss* miss) {
    Article article;
    article.id = "line " + std::to_string(s.line);
    article.text = s.text;
    const events::ArticleEvents found = extractor.process(article);
    const std::size_t verb_begin = byte_of(s.text, s.verb.start);
    const std::size_t verb_end = byte_of(s.text, s.verb.end);

    // The pipeline's own event on the gold verb: its trigger overlaps the verb.
    const events::Event* reported = nullptr;
    for (const events::Event& e : found.events) {
        if (e.trigger_start < s.verb.end && s.verb.start < e.trigger_end) {
            reported = &e;
            break;
        }
    }
    const std::optional<events::Event> given =
        extractor.event_at(article, found.mentions, found.dates, verb_begin, verb_end);

    ++score.sentences;
    score.located += s.locations.empty() ? 0 : 1;
    score.triggers += reported != nullptr ? 1 : 0;
    const bool linked = right(given ? &*given : nullptr, s);
    score.linked += linked ? 1 : 0;
    score.linked_placed += linked && !s.locations.empty() ? 1 : 0;
    score.end_to_end += right(reported, s) ? 1 : 0;
    score.any_event += found.events.empty() ? 0 : 1;
    score_dot(reported, found.mentions, s, score);

    std::string kind;
    if (!linked) {
        const bool placed = given && has_place(*given);
        kind = s.locations.empty() ? "spurious-place" : placed ? "wrong-place" : "no-place";
    } else if (reported == nullptr) {
        kind = "trigger";
    }
    if (miss != nullptr && !kind.empty()) {
        miss->line = s.line;
        miss->kind = kind;
        miss->text = s.text;
        miss->verb = slice(s.text, s.verb);
        miss->gold.clear();
        for (const Span& g : s.locations) {
            miss->gold.push_back(slice(s.text, g));
        }
        miss->predicted = given ? given->event_loc.extracted_place : std::string();
        miss->event = reported != nullptr ? model::to_string(reported->event) : "";
    }
    return kind;
}

EventScoreReport score_events(const events::EventExtractor& extractor,
                              const std::vector<EventSentence>& sentences,
                              std::vector<EventMiss>* misses) {
    EventScoreReport report;
    const auto start = std::chrono::steady_clock::now();
    for (const EventSentence& s : sentences) {
        EventMiss miss;
        EventLinkScore one;
        const std::string kind = score_sentence(extractor, s, one, &miss);
        report.total += one;
        report.by_source[s.source.empty() ? "-" : s.source] += one;
        if (misses != nullptr && !kind.empty()) {
            misses->push_back(std::move(miss));
        }
    }
    report.total.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace eventmap::eval
