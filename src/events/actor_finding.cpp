// Actors: organisations the lexicon lists, titled people ("Foreign Minister X") and their
// surnames later, countries and capitals acting for governments; the actors and recipients
// of an event by their side of the trigger.
#include "events/article_builder.hpp"
#include "events/locative.hpp"
#include "events/place_phrases.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace eventmap::events {

void ArticleBuilder::find_organisations(Analysis& a) const {
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
        const std::string surface =
            article_.text.substr(a.tokens[i].begin, a.tokens[i].end - a.tokens[i].begin);
        const auto* list = lex_.actors_starting(surface);
        if (list == nullptr) {
            continue;
        }
        for (const std::size_t ai : *list) {
            const ActorName& name = lex_.actors()[ai];
            if (i + name.words.size() > a.tokens.size()) {
                continue;
            }
            bool match = true;
            for (std::size_t w = 1; w < name.words.size() && match; ++w) {
                const Token& t = a.tokens[i + w];
                match = article_.text.compare(t.begin, t.end - t.begin, name.words[w]) == 0;
            }
            if (match) {
                const std::size_t last = i + name.words.size() - 1;
                a.actors.push_back(ActorRef{i, last, name.name, name.country});
                i = last;
                break;
            }
        }
    }
}

// "Freedonian Foreign Minister Ana Holt", "Ruritanian President Jan Vorel", "UN special
// envoy Mira Castell": a title, then capitalised name words. A demonym, country or
// organisation right before the title gives the person's country or affiliation.
void ArticleBuilder::find_titled_people(Analysis& a) {
    const auto& tokens = a.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t title_len = 0;
        const auto* candidates = lex_.titles_starting(tokens[i].key);
        if (candidates == nullptr) {
            continue;
        }
        for (const std::size_t ti : *candidates) {
            const auto& title = lex_.titles()[ti];
            if (i + title.size() >= tokens.size()) {
                continue;
            }
            bool match = true;
            for (std::size_t w = 0; w < title.size() && match; ++w) {
                match = tokens[i + w].key == title[w] ||
                        (title[w].back() == '.' && tokens[i + w].key + "." == title[w] &&
                         i + w + 1 < tokens.size() && tokens[i + w + 1].key == ".");
            }
            if (match) {
                title_len = title.size();
                break;
            }
        }
        if (title_len == 0) {
            continue;
        }
        std::size_t name_first = i + title_len;
        if (name_first < tokens.size() && tokens[name_first].key == ".") {
            ++name_first; // "Gen. Ali"
        }
        std::size_t name_last = name_first;
        while (name_last < tokens.size() && name_last - name_first < 4 &&
               name_part(tokens[name_last]) && a.mention_at[name_last] < 0 &&
               !covered(a, name_last, name_last)) {
            ++name_last;
        }
        if (name_last == name_first || !tokens[name_first].capitalized ||
            covered(a, i, i + title_len - 1)) {
            continue;
        }
        --name_last;
        if (!tokens[name_last].capitalized && tokens[name_last].key.rfind("al-", 0) != 0) {
            continue;
        }
        // "the town of Sheikh X", "the Sheikh Y area", "Emir Z Hill": a title inside a place's
        // name (a type word before "of" or after the name) names no person.
        const bool typed_before = i >= 2 &&
                                  (tokens[i - 1].key == "of" || tokens[i - 1].key == "called") &&
                                  is_place_type(tokens[i - 2].key);
        const bool typed_after =
            is_place_type(tokens[name_last].key) ||
            (name_last + 1 < tokens.size() && !tokens[name_last + 1].capitalized &&
             is_place_type(tokens[name_last + 1].key));
        if (typed_before || typed_after) {
            i = name_last;
            continue;
        }
        Person person;
        person.name = article_.text.substr(tokens[name_first].begin,
                                           tokens[name_last].end - tokens[name_first].begin);
        std::size_t first = i;
        // What stands before the title: a country ("US", "Russian") or an organisation.
        if (i > 0 && a.mention_at[i - 1] >= 0) {
            const auto& m = mentions_[static_cast<std::size_t>(a.mention_at[i - 1])];
            if (m.type == geoparse::MentionType::demonym ||
                m.precision == gazetteer::Precision::country) {
                person.country = m.country;
                first = token_at_byte(tokens, m.byte_start);
            }
        }
        std::string affiliation;
        for (auto& r : a.actors) {
            if (i > 0 && r.last == i - 1) {
                affiliation = r.name;
                person.country = person.country.empty() ? r.country : person.country;
            }
        }
        register_person(tokens[name_last].key, person);
        a.actors.push_back(ActorRef{first, name_last, display(person), person.country});
        i = name_last;
    }
}

void ArticleBuilder::register_person(const std::string& surname, const Person& p) {
    people_[surname_key(surname)] = p;
    people_[surname_key(surname) + "\n" + p.name] = p;
}

std::string ArticleBuilder::display(const Person& p) {
    return p.country.empty() ? p.name : p.name + " (" + p.country + ")";
}

// After every sentence was analysed (people are known by surname from anywhere in the
// article): surnames alone, demonyms, countries and capitals acting for governments.
void ArticleBuilder::resolve_actors(Analysis& a) {
    const auto& tokens = a.tokens;
    std::vector<bool> trigger_at(tokens.size(), false);
    std::vector<bool> noun_at(tokens.size(), false);
    for (const TriggerHit& hit : a.triggers) {
        for (std::size_t k = hit.first; k <= hit.last; ++k) {
            if (k >= hit.phrase_begin && k < hit.phrase_end) {
                continue; // "clashes between X and Y in Z erupted": Z may be a place
            }
            trigger_at[k] = true;
            // Only conflict nouns: "the Tarvel shootout", not "Tarvel ceasefire talks".
            noun_at[k] = hit.trigger->nominal && lex_.types()[hit.trigger->type].quad_code >= 3;
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalized || a.mention_at[i] >= 0 || covered(a, i, i)) {
            continue;
        }
        const auto it = people_.find(surname_key(tokens[i].key));
        if (it != people_.end()) {
            a.actors.push_back(ActorRef{i, i, display(it->second), it->second.country});
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (a.mention_at[i] < 0 || (i > 0 && a.mention_at[i - 1] == a.mention_at[i])) {
            continue;
        }
        const std::size_t mi = static_cast<std::size_t>(a.mention_at[i]);
        const auto& m = mentions_[mi];
        std::size_t last = i;
        while (last + 1 < tokens.size() && a.mention_at[last + 1] == a.mention_at[i]) {
            ++last;
        }
        if (covered(a, i, last)) {
            continue; // part of a person's introduction ("Russian Foreign Minister")
        }
        if (military_unit(tokens, i, last)) {
            i = last;
            continue; // "the 4th Armoured Division": a unit's name, no place
        }
        // "Varga was captured": a lone name before a passive is a person more often than a
        // hamlet of the same name; a town of some size or a region is a place.
        const bool sized = m.precision < gazetteer::Precision::city || m.population >= 10000 ||
                           last > i || (i > 0 && tokens[i - 1].key == "the");
        const bool passive = ((passive_subject(tokens, last) && !perfect_active(tokens, last)) ||
                              undergoes(tokens, last)) &&
                             sized && !captive(a, i, last);
        const bool locative =
            // "the Tarvel shootout" is where; "US air strikes" says whose (a country acts).
            (locative_context(tokens, i, trigger_at) || possessive_area(tokens, last) || passive ||
             (names_event(tokens, last, noun_at) && m.precision != gazetteer::Precision::country) ||
             names_facility(tokens, last) || on_feature(tokens, i, m) ||
             offset_apposition(tokens, last)) &&
            !adjectival(tokens, last) && !in_organisation_name(tokens, i);
        if (m.type == geoparse::MentionType::demonym) {
            a.actors.push_back(ActorRef{i, last, country_name(m), m.country});
        } else if (m.role == geoparse::Role::actor &&
                   !(m.type == geoparse::MentionType::place &&
                     (passive || governed_by_preposition(tokens, i)))) {
            // "X was shelled": the subject of a passive attack is where it happened, even
            // when the geoparser read the subject as a government acting; so is a name a
            // preposition governs ("a bomb in northern X has killed six").
            a.actors.push_back(ActorRef{i, last, country_name(m), m.country, static_cast<int>(mi)});
        } else if (locative || m.dateline) {
            if (!m.dateline && !is_qualifier(a, i)) {
                add_mention_place(a, mi, i, last);
            }
        } else if (m.precision == gazetteer::Precision::country) {
            a.actors.push_back(ActorRef{i, last, m.name, m.country});
        }
        i = last;
    }
    add_unlisted_places(a, trigger_at);
    // A place that only says whose office a title is, where a source reports from, who are
    // the parties of a relation or where a unit is based names no event's place.
    a.places.erase(std::remove_if(a.places.begin(), a.places.end(),
                                  [&](const PlaceCandidate& c) {
                                      return title_qualifier(a, c, trigger_at) ||
                                             reporter_place(tokens, c.first) ||
                                             relation_party(tokens, c.first) ||
                                             home_base(tokens, c.first, trigger_at);
                                  }),
                   a.places.end());
    for (const auto* e : expressions_of(a)) {
        if (e->type != dates::TimexType::date && e->type != dates::TimexType::time) {
            continue;
        }
        auto value = parse_value(e->value);
        if (value) {
            a.dates.push_back(
                DateCandidate{e, std::move(*value), token_at_byte(tokens, e->byte_start)});
        }
    }
}

// "Zembia has captured", "Norden and Tarvel have patrolled": a perfect without "been" is
// active; its subject acts (a government), it is not where something was done.
bool ArticleBuilder::perfect_active(const std::vector<Token>& tokens, std::size_t last) {
    std::size_t j = last + 1;
    if (j >= tokens.size() ||
        (tokens[j].key != "has" && tokens[j].key != "have" && tokens[j].key != "had")) {
        return false;
    }
    ++j;
    while (j < tokens.size() && (tokens[j].key == "also" || tokens[j].key == "reportedly" ||
                                 tokens[j].key == "repeatedly" || tokens[j].key == "again")) {
        ++j;
    }
    return j < tokens.size() && tokens[j].key != "been" && tokens[j].key != "being";
}

// "Tarvel came under heavy shelling", "Norden has witnessed a wave of bombings": a place
// that undergoes an event is where it happened, not who acts.
bool ArticleBuilder::undergoes(const std::vector<Token>& tokens, std::size_t last) {
    static constexpr std::array<std::string_view, 11> experienced{
        "witnessed", "witnesses", "suffered", "suffers",     "saw",        "sees",
        "seen",      "endured",   "endures",  "experienced", "experiences"};
    static constexpr std::array<std::string_view, 4> come{"came", "come", "comes", "coming"};
    std::size_t j = last + 1;
    if (j < tokens.size() &&
        (tokens[j].key == "has" || tokens[j].key == "have" || tokens[j].key == "had")) {
        ++j;
    }
    if (j + 1 >= tokens.size()) {
        return false;
    }
    return one_of(tokens[j].key, experienced) ||
           (one_of(tokens[j].key, come) && tokens[j + 1].key == "under");
}

// Whether an event's noun comes within three words from `from` ("a lightning offensive",
// "an assault by", "a surprise attack").
static bool manner_of_capture(const Analysis& a, std::size_t from) {
    const std::size_t end = std::min(a.tokens.size(), from + 3);
    return std::any_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& h) {
        return h.first >= from && h.first < end && h.trigger->nominal;
    });
}

// "Varga was captured in a hotel", "Varga was captured by troops in Tarvel" (Tarvel in
// another country than the town Varga): a town is not captured inside a building, an area or
// another country's town; the captured one is a person.
bool ArticleBuilder::captive(const Analysis& a, std::size_t first, std::size_t last) const {
    const auto& tokens = a.tokens;
    if (first != last || last + 2 >= tokens.size() ||
        (tokens[last + 1].key != "was" && tokens[last + 1].key != "were") ||
        tokens[last + 2].key != "captured") {
        return false;
    }
    const auto& self = mentions_[static_cast<std::size_t>(a.mention_at[first])];
    for (std::size_t j = last + 3; j + 1 < tokens.size() && j <= last + 14; ++j) {
        const std::string& k = tokens[j].key;
        if (k == "," || k == ";" || k == "and" || k == "when" || k == "after") {
            return false;
        }
        if (k != "in" && k != "at") {
            continue;
        }
        std::size_t p = j + 1;
        if (tokens[p].key == "a" || tokens[p].key == "an") {
            // "Tarvel was captured in a dawn offensive": an event's noun says how the town
            // fell, not a building a person was taken in.
            if (manner_of_capture(a, p + 1)) {
                continue;
            }
            return true;
        }
        while (p + 1 < tokens.size() && (tokens[p].key == "the" || is_place_modifier(tokens[p]))) {
            ++p;
        }
        if (a.mention_at[p] >= 0) {
            const auto& there = mentions_[static_cast<std::size_t>(a.mention_at[p])];
            return !self.country.empty() && !there.country.empty() && there.country != self.country;
        }
    }
    return false;
}

// Countries are named by their name where the article names them; a capital standing for
// its government keeps its own name otherwise ("Damascus").
std::string ArticleBuilder::country_name(const geoparse::Mention& m) {
    if (m.type != geoparse::MentionType::demonym && m.precision == gazetteer::Precision::country) {
        return m.name;
    }
    if (!country_names_) {
        country_names_.emplace();
        for (const auto& other : mentions_) {
            if (other.type == geoparse::MentionType::place &&
                other.precision == gazetteer::Precision::country) {
                country_names_->emplace(other.country, other.name); // the first one stays
            }
        }
    }
    const auto found = country_names_->find(m.country);
    return found != country_names_->end() ? found->second : m.name;
}

// Before the trigger in its clause: actors; after it: recipients. A passive trigger
// followed by "by" swaps them ("a plan welcomed on Monday by Ruritanian President Vorel").
// With no actor in the clause, the nearest one before it in the sentence acts
// ("Holt and Vorel said they agreed").
void ArticleBuilder::assign_actors(const Analysis& a, const TriggerHit& hit,
                                   std::pair<std::size_t, std::size_t> clause, Event& ev) const {
    std::size_t by = a.tokens.size();
    for (std::size_t i = hit.last + 1; i < clause.second && i <= hit.last + 6; ++i) {
        if (a.tokens[i].key == "by") {
            by = i;
            break;
        }
    }
    const std::string& key = a.tokens[hit.last].key;
    const bool passive =
        by < a.tokens.size() && key.size() > 2 && key.compare(key.size() - 2, 2, "ed") == 0;
    // The subject is what stands after the last comma before the trigger ("..., Holt
    // and Vorel said they agreed"); recipients follow the trigger closely.
    std::size_t subject_from = clause.first;
    for (std::size_t i = clause.first; i < hit.first; ++i) {
        if (a.tokens[i].key == ",") {
            subject_from = i + 1;
        }
    }
    constexpr std::size_t recipient_window = 8;
    std::vector<const ActorRef*> before;
    std::vector<const ActorRef*> after;
    const ActorRef* nearest_outside = nullptr;
    for (const ActorRef& r : a.actors) {
        if (r.last < hit.first && r.first >= subject_from) {
            before.push_back(&r);
        } else if (r.last < hit.first) {
            if (nearest_outside == nullptr || r.last > nearest_outside->last) {
                nearest_outside = &r;
            }
        } else if (r.first > hit.last && r.last < clause.second &&
                   (r.first - hit.last <= recipient_window || (passive && r.first > by))) {
            after.push_back(&r);
        }
    }
    // "They would meet again": a pronoun subject continues the previous event's actors.
    bool pronoun = false;
    for (std::size_t i = subject_from; i < hit.first; ++i) {
        const std::string& k = a.tokens[i].key;
        pronoun = pronoun || k == "they" || k == "he" || k == "she" || k == "we";
    }
    if (before.empty() && pronoun && !last_actors_.empty()) {
        ev.actor = last_actors_;
    } else if (before.empty() && nearest_outside != nullptr) {
        before.push_back(nearest_outside);
    }
    std::vector<const ActorRef*> actors;
    std::vector<const ActorRef*> recipients;
    for (const ActorRef* r : before) {
        (passive ? recipients : actors).push_back(r);
    }
    for (const ActorRef* r : after) {
        (passive && r->first > by ? actors : recipients).push_back(r);
    }
    auto add = [](std::vector<std::string>& list, const std::string& name) {
        if (std::find(list.begin(), list.end(), name) == list.end()) {
            list.push_back(name);
        }
    };
    for (const ActorRef* r : actors) {
        add(ev.actor, r->name);
    }
    for (const ActorRef* r : recipients) {
        if (std::find(ev.actor.begin(), ev.actor.end(), r->name) == ev.actor.end()) {
            add(ev.recipient, r->name);
        }
    }
}

} // namespace eventmap::events
