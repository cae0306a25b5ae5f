// Dates: the calendar time expressions of a sentence, the one a trigger takes, the
// paragraph's narrative date and the publication date as fallbacks.
#include "common/assert.hpp"
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"
#include "events/article_builder.hpp"

namespace eventmap::events {

std::vector<const dates::TimeExpression*> ArticleBuilder::expressions_of(const Analysis& a) const {
    std::vector<const dates::TimeExpression*> out;
    if (a.tokens.empty()) {
        return out;
    }
    for (const std::size_t i :
         dates::expressions_in(dates_, a.tokens.front().begin, a.tokens.back().end)) {
        out.push_back(&dates_.expressions[i]);
    }
    return out;
}

const DateCandidate* ArticleBuilder::best_date(const Analysis& a, const TriggerHit& hit,
                                               std::pair<std::size_t, std::size_t> range) const {
    const DateCandidate* best = nullptr;
    for (const DateCandidate& c : a.dates) {
        if (c.token < range.first || c.token >= range.second || !available(a, c.token, hit)) {
            continue;
        }
        if (hit.planned && !after_publication(*c.expression, c.value)) {
            continue;
        }
        if (best == nullptr || c.value.rank > best->value.rank ||
            (c.value.rank == best->value.rank &&
             distance(c.token, hit) < distance(best->token, hit))) {
            best = &c;
        }
    }
    return best;
}

// A planned event takes a time after the publication: marked future by the date tagger,
// or simply later than the publication date ("agreed to meet in Brussels on February 9").
bool ArticleBuilder::after_publication(const dates::TimeExpression& e, const DateValue& v) const {
    return e.future || (!dates_.published.value.empty() && v.date > dates_.published.value);
}

// Any future expression in the range, calendar value or not ("next week").
bool ArticleBuilder::future_in(const Analysis& a, std::pair<std::size_t, std::size_t> range) const {
    for (const auto* e : expressions_of(a)) {
        const std::size_t t = token_at_byte(a.tokens, e->byte_start);
        if (e->future && t >= range.first && t < range.second) {
            return true;
        }
    }
    return false;
}

model::DateSource ArticleBuilder::source_of(const dates::TimeExpression& e) const {
    if (e.anchor == "absolute" || e.anchor.empty()) {
        return model::DateSource::explicit_date;
    }
    // Resolved against a publication date the dates stage had to infer: as good as that.
    if (dates_.published.inferred && e.anchor.rfind("published", 0) == 0) {
        return model::DateSource::inferred;
    }
    return model::DateSource::relative;
}

void ArticleBuilder::set_date(Event& ev, const DateValue& v) const {
    const bool valid = model::set_iso_dates(ev, v.date, v.enddate, v.precision);
    EVENTMAP_ASSERT(valid, "parse_value made a date the model cannot hold");
}

std::size_t ArticleBuilder::codepoint_of(const Sentence& s, std::size_t byte) const {
    return s.start + utf8::count_codepoints(
                         std::string_view(article_.text).substr(s.byte_begin, byte - s.byte_begin));
}

void ArticleBuilder::update_narrative(const Analysis& a) {
    for (const DateCandidate& c : a.dates) {
        if (!c.expression->future && c.value.rank >= 2) {
            narrative_ = Narrative{c.value, source_of(*c.expression)};
        }
    }
}

} // namespace eventmap::events
