// The article as a whole: sentences analysed in order, the headline folded into the body's
// events, and for each trigger its event with the place, date and actors chosen for it.
#include "events/article_builder.hpp"

#include "common/geo.hpp"
#include "common/utf8.hpp"
#include "events/merge.hpp"
#include "events/place_phrases.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::events {

// Takes the words at bytes [begin, end) as the one trigger to report (event_at).
void ArticleBuilder::force(std::size_t begin, std::size_t end) {
    forced_ = std::make_pair(begin, end);
    // Words the lexicon does not list report an event of unknown kind; ASSAULT stands in.
    const auto& types = lex_.types();
    for (std::size_t t = 0; t < types.size(); ++t) {
        if (types[t].name == "ASSAULT") {
            forced_trigger_.type = t;
            forced_trigger_.cameo_root = types[t].cameo_root;
        }
    }
    forced_trigger_.weight = 0.5;
}

std::vector<Event> ArticleBuilder::run() {
    const std::vector<Sentence> sentences = split_sentences(article_.text);
    analyses_.reserve(sentences.size());
    for (const Sentence& s : sentences) {
        analyses_.push_back(analyse(s));
    }
    find_dateline();
    const std::size_t headline = find_headline(sentences);
    std::size_t paragraph = static_cast<std::size_t>(-1);
    std::size_t headline_events = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (sentences[i].paragraph != paragraph) {
            paragraph = sentences[i].paragraph;
            narrative_.reset();
            paragraph_place_ = nullptr;
        }
        resolve_actors(analyses_[i]);
        events_of(sentences[i], analyses_[i]);
        update_narrative(analyses_[i]);
        if (i == headline) {
            headline_events = events_.size();
        }
    }
    if (!forced_) {
        fold_headline(headline_events);
    }
    if (options_.merge) {
        merge_events(events_);
    }
    return std::move(events_);
}

// The headline: the article's title, or a first line without a full stop in a paragraph
// of its own (a "Date:" header line before it is skipped). Returns sentences.size() when
// there is none.
std::size_t ArticleBuilder::find_headline(const std::vector<Sentence>& sentences) const {
    for (std::size_t i = 0; i < sentences.size() && i < 2; ++i) {
        const std::string_view text(article_.text.data() + sentences[i].byte_begin,
                                    sentences[i].byte_end - sentences[i].byte_begin);
        if (text.rfind("Date:", 0) == 0) {
            continue;
        }
        const bool alone =
            i + 1 >= sentences.size() || sentences[i + 1].paragraph != sentences[i].paragraph;
        const char last = text.back();
        const bool unfinished = last != '.' && last != '!' && last != '?' && last != '"';
        if ((!article_.title.empty() && text == article_.title) || (alone && unfinished)) {
            return i;
        }
        return sentences.size();
    }
    return sentences.size();
}

// A headline names, in the present tense and without a date, an event the body reports:
// fold each headline event into the body's event of the same type at the same place (or
// inside the headline's place: "Air strikes pound southern Idlib" / "... in Kafr Nabl").
void ArticleBuilder::fold_headline(std::size_t count) {
    std::vector<bool> folded(count, false);
    for (std::size_t h = 0; h < count; ++h) {
        const Event& head = events_[h];
        for (std::size_t b = count; b < events_.size(); ++b) {
            Event& body = events_[b];
            const auto& hl = head.event_loc;
            const auto& bl = body.event_loc;
            const bool same_place = hl.geonameid == bl.geonameid ||
                                    (hl.resolution <= bl.resolution &&
                                     distance_km(hl.position, bl.position) <=
                                         std::max(static_cast<double>(hl.radius_km), 1.0));
            if (body.event == head.event && hl.geonameid != 0 && same_place) {
                Event moved = head;
                moved.confidence = 0; // the body's report names and dates the event
                merge_into(body, std::move(moved));
                folded[h] = true;
                break;
            }
        }
    }
    std::vector<Event> kept;
    kept.reserve(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
        if (i >= count || !folded[i]) {
            kept.push_back(std::move(events_[i]));
        }
    }
    events_.swap(kept);
}

// Tokens, the mentions on them, clauses, people and organisations, triggers.
Analysis ArticleBuilder::analyse(const Sentence& s) {
    Analysis a;
    a.tokens = tokenize(article_.text, s.byte_begin, s.byte_end);
    a.mention_at.assign(a.tokens.size(), -1);
    if (a.tokens.empty()) {
        return a;
    }
    // Mentions are in text order; find those inside the sentence.
    auto it = std::lower_bound(
        mentions_.begin(), mentions_.end(), s.byte_begin,
        [](const geoparse::Mention& m, std::size_t b) { return m.byte_start < b; });
    for (; it != mentions_.end() && it->byte_end <= s.byte_end; ++it) {
        const std::size_t mi = static_cast<std::size_t>(it - mentions_.begin());
        const std::size_t first = token_at_byte(a.tokens, it->byte_start);
        std::size_t last = first;
        while (last + 1 < a.tokens.size() && a.tokens[last + 1].begin < it->byte_end) {
            ++last;
        }
        for (std::size_t k = first; k <= last; ++k) {
            a.mention_at[k] = static_cast<int>(mi);
        }
    }
    a.clauses = find_clauses(a.tokens, a.mention_at);
    find_organisations(a);
    find_titled_people(a);
    find_triggers(a);
    force_trigger(a);
    return a;
}

bool ArticleBuilder::covered(const Analysis& a, std::size_t first, std::size_t last) const {
    for (const ActorRef& r : a.actors) {
        if (!(last < r.first || first > r.last)) {
            return true;
        }
    }
    return false;
}

void ArticleBuilder::find_dateline() {
    for (const auto& m : mentions_) {
        if (m.dateline && m.type == geoparse::MentionType::place) {
            dateline_ = &m;
            return;
        }
    }
}

void ArticleBuilder::events_of(const Sentence& s, const Analysis& a) {
    for (const TriggerHit& hit : a.triggers) {
        if (forced_ ? hit.forced : !hit.dropped) {
            event_of(s, a, hit);
        }
    }
}

// "clashes broke out in X, where a bomb killed six": a trigger inside a "where" clause with
// no place of its own happens at the place the clause hangs on.
const PlaceCandidate* ArticleBuilder::where_antecedent(const Analysis& a,
                                                       const TriggerHit& hit) const {
    std::size_t w = hit.first;
    while (w > 0 && a.tokens[w - 1].key != "where") {
        const std::string& k = a.tokens[w - 1].key;
        if (k == "." || k == ";" || k == "," || hit.first - w > 8) {
            return nullptr; // another clause between
        }
        --w;
    }
    if (w < 2) {
        return nullptr;
    }
    std::size_t end = w - 1; // "where"
    if (a.tokens[end - 1].key == ",") {
        --end;
    }
    for (const PlaceCandidate& c : a.places) {
        if (c.last + 1 == end || (c.last + 2 == end && is_place_type(a.tokens[c.last + 1].key))) {
            return &c;
        }
    }
    return nullptr;
}

// "marched here Saturday", "demonstrated peacefully here": the adverb right after the verb
// points at the dateline's place; "here in X" names X instead.
bool ArticleBuilder::here_adverb(const std::vector<Token>& tokens, const TriggerHit& hit) {
    for (std::size_t k = hit.last + 1; k < tokens.size() && k <= hit.last + 2; ++k) {
        if (tokens[k].key == "here") {
            return k + 1 >= tokens.size() ||
                   !(tokens[k + 1].key == "in" || tokens[k + 1].key == "at");
        }
        if (!tokens[k].word || tokens[k].capitalized) {
            return false;
        }
    }
    return false;
}

// The place of a participle of force after a comma (", killing six in X") that continues
// `hit`'s clause; null when none follows or it names no place.
const PlaceCandidate* ArticleBuilder::continuation_place(const Analysis& a,
                                                         const TriggerHit& hit) const {
    for (const TriggerHit& other : a.triggers) {
        if (other.dropped || other.first <= hit.last) {
            continue;
        }
        const int quad = lex_.types()[other.trigger->type].quad_code;
        if (main_predicate(a, other, quad) == &hit) {
            return best_place(a, other, clause_of(a, other.first));
        }
    }
    return nullptr;
}

void ArticleBuilder::event_of(const Sentence& s, const Analysis& a, const TriggerHit& hit) {
    const EventType& type = lex_.types()[hit.trigger->type];
    const auto clause = clause_of(a, hit.first);
    const std::pair<std::size_t, std::size_t> sentence{0, a.tokens.size()};
    Event ev;
    ev.planned = hit.planned || future_in(a, clause);
    double confidence = hit.trigger->weight;

    // Place: the clause, the sentence, the dateline for meetings and agreements. A capital
    // standing for its government ("Damascus formally applied") is an actor, never the
    // place.
    // A verb in another sense ("captured the title") reports no event, so no event place.
    const bool event_sense = !other_sense(a.tokens, hit);
    // A verb of saying happens where the speaker is, never where what is said happened.
    const bool saying = speech_verb(a.tokens[hit.first].key);
    // "demonstrated here on Saturday": the event is where the reporter files from, the
    // dateline; the sentence's places are other events' or background.
    const bool here = event_sense && here_adverb(a.tokens, hit);
    const PlaceCandidate* place =
        event_sense && !here ? best_place(a, hit, saying ? speaker_range(a, hit, clause) : clause)
                             : nullptr;
    double place_factor = 1.0;
    // "A bomb exploded in X on Monday, killing six": the participle's event is where the
    // main clause's was.
    const TriggerHit* main =
        place == nullptr && event_sense ? main_predicate(a, hit, type.quad_code) : nullptr;
    if (main != nullptr) {
        place = best_place(a, *main, {0, hit.first});
        place_factor = 0.85;
    }
    if (place == nullptr && event_sense && !saying && !here) {
        place = where_antecedent(a, hit); // "in the X district, where a bomb killed six"
    }
    if (place == nullptr && event_sense && !saying && !here) {
        // "A bomb exploded, killing six in X": the participle of force that continues this
        // clause says where (the converse of the fallback above).
        place = continuation_place(a, hit);
        place_factor = place != nullptr ? 0.85 : place_factor;
    }
    if (place == nullptr && event_sense && !saying && !here) {
        place = best_place(a, hit, sentence);
        place_factor = 0.85;
    }
    std::string basis = place_factor < 1.0 ? "sentence" : "clause";
    const geoparse::Mention* where =
        place != nullptr && place->has_mention ? &mentions_[place->mention] : nullptr;
    if (place != nullptr && place->unlisted && !place->has_mention) {
        where = containing_place(a, *place);
    }
    assign_actors(a, hit, clause, ev);
    // Verbs only: a noun without a place ("blamed them for the attack") mostly refers back
    // to an event already reported.
    if (here && dateline_ != nullptr) {
        where = dateline_;
        place_factor = 0.8;
        basis = "dateline";
    }
    if (event_sense && !saying && !here && place == nullptr && paragraph_place_ != nullptr &&
        type.quad_code == 4 && !hit.trigger->nominal) {
        where = paragraph_place_; // "Two soldiers died in the attack." after "... in X"
        place_factor = 0.7;
        basis = "paragraph";
    }
    if (event_sense && where == nullptr && place == nullptr && dateline_ != nullptr &&
        (type.name == "CONSULT" || type.name == "AGREE")) {
        where = dateline_;
        place_factor = 0.6;
        basis = "dateline";
    }
    const bool named = place != nullptr && place->unlisted;
    if (where == nullptr && !options_.keep_unlocated) {
        return; // a name without coordinates too: only when unlocated events are asked for
    }
    if (where != nullptr) {
        set_place(ev, *where);
        confidence *= place_factor * (0.5 + 0.5 * where->confidence);
    } else if (!named) {
        confidence *= 0.5; // kept only with keep_unlocated: triggers of weight >= 0.5 survive
    }
    // A name the text marks as a place ("the village of X") that no unit contains still says
    // where: the trigger is as sure as a located one (the name's 0.9 below), and only the map
    // lacks its point (kept only with keep_unlocated, like any event without coordinates).
    if (where != nullptr && place != nullptr && place->offset_km > 0) {
        // Moved by the phrase's distance and direction; the uncertainty grows with it,
        // and the precision is no better than a district's.
        EventLocation& loc = ev.event_loc;
        loc.position = offset_point(loc.position, place->offset_km, place->bearing_deg);
        loc.radius_km = std::max(loc.radius_km, static_cast<float>(0.25 * place->offset_km));
        loc.resolution = std::min(loc.resolution, 3);
    }
    if (named) {
        // The name the text gives is kept; the point, precision and radius are the
        // container's, honestly coarser.
        const Token& f = a.tokens[place->first];
        const Token& l = a.tokens[place->last];
        ev.event_loc.extracted_place = article_.text.substr(f.begin, l.end - f.begin);
        ev.event_loc.unresolved = ev.event_loc.extracted_place;
        ev.event_loc.start = codepoint_of(s, f.begin);
        ev.event_loc.end = codepoint_of(s, l.end);
        confidence *= 0.9;
    }
    if (where != nullptr || named) {
        ev.event_loc.basis = basis;
    }

    // Date: the clause, the sentence, the paragraph's narrative time, the publication.
    const DateCandidate* when = best_date(a, hit, clause);
    if (when == nullptr) {
        when = best_date(a, hit, sentence);
    }
    if (when != nullptr) {
        set_date(ev, when->value);
        ev.date_source = source_of(*when->expression);
        ev.planned = ev.planned || after_publication(*when->expression, when->value);
        confidence *= ev.date_source == model::DateSource::explicit_date ? 1.0 : 0.95;
    } else if (narrative_ && !hit.planned) {
        set_date(ev, narrative_->value);
        ev.date_source = narrative_->source;
        confidence *= 0.85;
    } else if (!dates_.published.value.empty()) {
        if (auto v = parse_value(dates_.published.value)) {
            set_date(ev, *v);
        }
        ev.date_source = dates_.published.inferred ? model::DateSource::inferred
                                                   : model::DateSource::publication;
        confidence *= dates_.published.inferred ? 0.7 : 0.85;
    }

    if (ev.planned) {
        confidence *= 0.9;
    }
    if (!ev.actor.empty()) {
        last_actors_ = ev.actor;
    }
    ev.confidence = std::round(confidence * 1000.0) / 1000.0;
    if (ev.confidence < options_.min_confidence) {
        return;
    }

    const Token& first = a.tokens[hit.first];
    const Token& last = a.tokens[hit.last];
    ev.id = event_id(hash_, first.begin, last.end);
    ev.event = model::parse_plover_type(type.name).value(); // checked by the lexicon
    ev.quad_code = model::parse_quad_code(type.quad_code).value();
    ev.cameo_root = hit.trigger->cameo_root;
    ev.mode = hit.trigger->mode;
    ev.trigger = article_.text.substr(first.begin, last.end - first.begin);
    ev.trigger_start =
        s.start +
        utf8::count_codepoints(
            std::string_view(article_.text).substr(s.byte_begin, first.begin - s.byte_begin));
    ev.trigger_end = ev.trigger_start + utf8::count_codepoints(ev.trigger);
    ev.event_text = article_.text.substr(s.byte_begin, s.byte_end - s.byte_begin);
    ev.article_id = article_.id;
    ev.article_title = article_.title;
    ev.article_url = article_.url;
    ev.published = dates_.published.value;
    ev.sources.push_back(EventSource{article_.id, ev.event_text, s.start, s.end});
    if (where != nullptr && place != nullptr && place->has_mention) {
        paragraph_place_ = where;
    }
    events_.push_back(std::move(ev));
}

} // namespace eventmap::events
