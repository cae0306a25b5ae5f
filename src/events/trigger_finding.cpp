// Triggers: lexicon words on the tokens (nouns and verbs told apart by what precedes them),
// their modality, verbs in another sense, and light verbs that only say an event noun
// happened ("launched an assault").
#include "events/article_builder.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::events {

namespace {

// Words after which, with adjectives between, an event word is a noun: "launched another
// fierce assault", "a series of raids", "carried out several attacks".
constexpr std::array<std::string_view, 27> noun_determiners{
    "the",     "a",       "an",      "'s",    "this", "their",   "its",      "his",      "her",
    "our",     "another", "several", "many",  "more", "further", "multiple", "numerous", "fresh",
    "renewed", "of",      "two",     "three", "four", "five",    "these",    "those",    "new"};

// Nouns naming who, before a verb's bare form that is then a noun: "a police patrol".
constexpr std::array<std::string_view, 12> unit_nouns{"police",  "army",     "military", "security",
                                                      "border",  "commando", "foot",     "naval",
                                                      "passing", "routine",  "militia",  "troop"};

// Verbs that only say the event noun after them happened: "launched attacks".
const std::unordered_set<std::string>& light_verbs_before() {
    static const std::unordered_set<std::string> forms = [] {
        std::unordered_set<std::string> out;
        for (const char* lemma :
             {"launch", "stage",   "conduct",   "mount",  "wage",       "begin",       "continue",
              "resume", "unleash", "intensify", "carry",  "perpetrate", "commit",      "hold",
              "renew",  "start",   "escalate",  "engage", "expand",     "participate", "resort"}) {
            for (auto& f : verb_forms(lemma)) {
                out.insert(std::move(f));
            }
        }
        return out;
    }();
    return forms;
}

// Verbs that say the event noun before them happened: "clashes erupted", "the raid occurred".
const std::unordered_set<std::string>& light_verbs_after() {
    static const std::unordered_set<std::string> forms = [] {
        std::unordered_set<std::string> out;
        for (const char* lemma :
             {"erupt",    "occur", "happen", "break", "take",  "rage",   "escalate",
              "continue", "begin", "rock",   "rip",   "hit",   "strike", "target",
              "resume",   "go",    "leave",  "start", "flare", "surge",  "claim"}) {
            for (auto& f : verb_forms(lemma)) {
                out.insert(std::move(f));
            }
        }
        return out;
    }();
    return forms;
}

// "carried out", "stepped up": a light verb only with its particle ("a step toward talks" is
// none).
bool particle_light_verb(const std::string& verb, const std::string& particle) {
    static const std::unordered_set<std::string> steps{"step", "steps", "stepped", "stepping"};
    static const std::unordered_set<std::string> sets{"set", "sets", "setting"};
    return (particle == "out" && light_verbs_before().count(verb) > 0) ||
           (particle == "up" && steps.count(verb) > 0) ||
           (particle == "off" && sets.count(verb) > 0);
}

// A verb, a noun and a preposition that together only introduce an event noun: "took part in",
// "claimed responsibility for".
bool light_phrase(const std::vector<Token>& tokens, std::size_t verb) {
    static const std::unordered_set<std::string> take = [] {
        std::unordered_set<std::string> out;
        for (auto& f : verb_forms("take")) {
            out.insert(std::move(f));
        }
        return out;
    }();
    static const std::unordered_set<std::string> claim = [] {
        std::unordered_set<std::string> out;
        for (auto& f : verb_forms("claim")) {
            out.insert(std::move(f));
        }
        return out;
    }();
    const std::string& v = tokens[verb].key;
    const std::string& noun = tokens[verb + 1].key;
    const std::string& preposition = tokens[verb + 2].key;
    return (take.count(v) > 0 && noun == "part" && preposition == "in") ||
           (claim.count(v) > 0 && noun == "responsibility" && preposition == "for");
}

} // namespace

// event_at: the forced span becomes the sentence's trigger there, replacing what the
// lexicon found on those words but keeping its type; it is reported whatever its modality.
void ArticleBuilder::force_trigger(Analysis& a) const {
    if (!forced_ || a.tokens.empty() || forced_->first < a.tokens.front().begin ||
        forced_->first >= a.tokens.back().end) {
        return;
    }
    const std::size_t first = token_at_byte(a.tokens, forced_->first);
    std::size_t last = first;
    while (last + 1 < a.tokens.size() && a.tokens[last + 1].begin < forced_->second) {
        ++last;
    }
    TriggerHit hit{first, last, &forced_trigger_};
    hit.forced = true;
    std::vector<TriggerHit> kept;
    for (const TriggerHit& h : a.triggers) {
        if (h.last < first || h.first > last) {
            kept.push_back(h);
        } else {
            // "staged the assault": the light verb keeps its event noun, and the noun's
            // phrases ("the assault on X") stay the event's.
            hit.trigger = h.trigger;
            hit.planned = h.planned;
            hit.phrase_begin = h.phrase_begin;
            hit.phrase_end = h.phrase_end;
            hit.first = std::min(hit.first, h.first);
            hit.last = std::max(hit.last, h.last);
        }
    }
    const auto at =
        std::find_if(kept.begin(), kept.end(), [&](const TriggerHit& h) { return h.first > last; });
    kept.insert(at, hit);
    a.triggers = std::move(kept);
}

// Whether the name whose last token is `last` follows a determiner ("a U.S.", "the Kabul").
bool ArticleBuilder::determined_name(const Analysis& a, std::size_t last) {
    std::size_t first = last;
    while (first > 0 && a.mention_at[first - 1] == a.mention_at[last]) {
        --first;
    }
    return first > 0 && one_of(a.tokens[first - 1].key, noun_determiners);
}

// The object noun of a verb-object phrase past at most two lowercase modifiers ("threw a hand
// grenade", "took full control"), or 0: a preposition, a conjunction or a name ends the search.
std::size_t ArticleBuilder::object_after(const Analysis& a, std::size_t verb, const Trigger& t) {
    static const std::unordered_set<std::string> stops{
        "and",  "or",   "but",  "to",    "of",     "in",   "at",   "on",
        "from", "by",   "with", "that",  "which",  "who",  "not",  "as",
        "for",  "into", "over", "after", "before", "when", "while"};
    const auto& tokens = a.tokens;
    // A state after its object takes a longer one: "leaving at least four villagers dead".
    static const std::unordered_set<std::string> states{"dead", "wounded", "injured"};
    const bool state = states.count(t.words.back()) > 0;
    // Only as an adjunct after a comma: "the fighting has left 36 dead" is the fighting's
    // light verb, one event.
    if (state && (verb == 0 || tokens[verb - 1].key != ",")) {
        return 0;
    }
    const std::size_t reach = state ? 6 : 3;
    for (std::size_t k = verb + 1; k < tokens.size() && k <= verb + reach; ++k) {
        const bool at_least =
            k + 1 < tokens.size() && tokens[k].key == "at" && tokens[k + 1].key == "least";
        if (at_least && reach > 3) {
            ++k;
            continue;
        }
        if (!tokens[k].word || tokens[k].capitalized || a.mention_at[k] >= 0) {
            return 0;
        }
        if (k > verb + 1 && tokens[k].key == t.words.back()) {
            return k;
        }
        if (stops.count(tokens[k].key) > 0) {
            return 0;
        }
    }
    return 0;
}

// The last word of a verb phrase of three or more words past one lowercase modifier before it
// ("came under heavy fire", "took to the main streets"), or 0.
std::size_t ArticleBuilder::modified_last(const Analysis& a, std::size_t verb, const Trigger& t) {
    const std::size_t n = t.words.size();
    const auto& tokens = a.tokens;
    if (t.nominal || n < 3 || verb + n >= tokens.size()) {
        return 0;
    }
    for (std::size_t w = 1; w + 1 < n; ++w) {
        if (tokens[verb + w].key != t.words[w]) {
            return 0;
        }
    }
    const Token& modifier = tokens[verb + n - 1];
    const bool plain = modifier.word && !modifier.capitalized && a.mention_at[verb + n - 1] < 0;
    return plain && tokens[verb + n].key == t.words.back() ? verb + n : 0;
}

// The particle of a verb-particle phrase past one adverb ("fired blindly into"), or 0.
std::size_t ArticleBuilder::particle_after(const std::vector<Token>& tokens, std::size_t verb,
                                           const Trigger& t) {
    const std::size_t k = verb + 1;
    if (k + 1 >= tokens.size() || !tokens[k].word || tokens[k].capitalized) {
        return 0;
    }
    const std::string& adverb = tokens[k].key;
    const bool ly = adverb.size() > 4 && adverb.compare(adverb.size() - 2, 2, "ly") == 0;
    return ly && tokens[k + 1].key == t.words.back() ? k + 1 : 0;
}

void ArticleBuilder::find_triggers(Analysis& a) const {
    const auto& tokens = a.tokens;
    // Words inside a time expression name a time, not an event ("the September 11 attacks").
    std::vector<bool> in_time(tokens.size(), false);
    for (const auto* e : expressions_of(a)) {
        for (std::size_t k = token_at_byte(tokens, e->byte_start);
             k < tokens.size() && tokens[k].begin < e->byte_end; ++k) {
            in_time[k] = true;
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].word || (tokens[i].capitalized && i > 0) || a.mention_at[i] >= 0 ||
            in_time[i]) {
            continue;
        }
        const auto* list = lex_.triggers_starting(tokens[i].key);
        if (list == nullptr) {
            continue;
        }
        // After a determiner, and the adjectives after it, a word is a noun: "the attack",
        // "a fierce assault" are no verbs.
        // Right after a light verb an event word is its object noun: "has intensified raids".
        // So is one after a light verb and modifiers with no article: "launched brutal
        // attacks", "mounted large-scale raids" ("-ly" adverbs say a verb follows).
        bool noun_slot = i > 0 && light_verbs_before().count(tokens[i - 1].key) > 0;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 3 && !noun_slot; --k, ++steps) {
            const std::string& p = tokens[k - 1].key;
            noun_slot = one_of(p, noun_determiners) ||
                        (steps > 0 && (light_verbs_before().count(p) > 0 ||
                                       particle_light_verb(p, tokens[k].key)));
            const bool adverb = p.size() > 4 && p.compare(p.size() - 2, 2, "ly") == 0;
            if (!tokens[k - 1].word || tokens[k - 1].capitalized || adverb) {
                break;
            }
        }
        // "Mass protests also took place", "raids by bandits have occurred": a plural that the
        // verb after it says happened is a noun, though no determiner precedes it.
        if (!noun_slot && tokens[i].key.size() > 3 && tokens[i].key.back() == 's') {
            const std::size_t v =
                verb_past_phrase(tokens, after_adjuncts(tokens, i + 1, tokens.size()),
                                 tokens.size(), light_verbs_after(), light_verbs_before());
            noun_slot =
                v < tokens.size() && v > i + 1 && light_verbs_after().count(tokens[v].key) > 0;
        }
        const bool has_noun =
            noun_slot && std::any_of(list->begin(), list->end(), [&](std::size_t ti) {
                return lex_.triggers()[ti].nominal && lex_.triggers()[ti].words.size() == 1;
            });
        // "a patrol", "a Zembian patrol": a verb's bare form right after an article or a
        // demonym is a noun, and no event when the lexicon lists no noun for it.
        // "their patrol was hit", "a passing police patrol": likewise after a possessive or a
        // noun that names who.
        // "near a U.S. patrol", "the Kabul patrol": likewise after a place name that itself
        // follows a determiner.
        const bool bare_noun =
            i > 0 &&
            (one_of(tokens[i - 1].key, noun_determiners) || one_of(tokens[i - 1].key, unit_nouns) ||
             (a.mention_at[i - 1] >= 0 &&
              (mentions_[static_cast<std::size_t>(a.mention_at[i - 1])].type ==
                   geoparse::MentionType::demonym ||
               determined_name(a, i - 1))));
        for (const std::size_t ti : *list) {
            const Trigger& t = lex_.triggers()[ti];
            // Exact past forms ("killed", "fought") are never bare nouns.
            const std::string& form = t.words[0];
            const bool past = form.size() > 2 && form.compare(form.size() - 2, 2, "ed") == 0;
            const bool base_form =
                !t.nominal && t.words.size() == 1 && t.lemma == t.words[0] && !past;
            if (i + t.words.size() > tokens.size() ||
                (noun_slot && has_noun && !t.nominal && t.words.size() == 1) ||
                (bare_noun && !has_noun && base_form)) {
                continue;
            }
            bool match = true;
            for (std::size_t w = 1; w < t.words.size() && match; ++w) {
                match = tokens[i + w].key == t.words[w];
            }
            const std::size_t last = match               ? i + t.words.size() - 1
                                     : t.object_phrase   ? object_after(a, i, t)
                                     : t.particle_phrase ? particle_after(tokens, i, t)
                                                         : modified_last(a, i, t);
            if ((match || last > i) && !covered(a, i, last)) {
                a.triggers.push_back(TriggerHit{i, last, &t});
                i = last;
                break;
            }
        }
    }
    find_passive_finding(a);
    find_passive_objects(a);
    attach_light_verbs(a);
    // A light-only noun no light verb joined names no event of its own ("condemned the
    // violence"): it is no trigger at all, so it takes no places and drops no other noun.
    a.triggers.erase(std::remove_if(a.triggers.begin(), a.triggers.end(),
                                    [](const TriggerHit& h) {
                                        return h.trigger->light_only &&
                                               h.last + 1 - h.first == h.trigger->words.size();
                                    }),
                     a.triggers.end());
    for (std::size_t h = 0; h < a.triggers.size(); ++h) {
        TriggerHit& hit = a.triggers[h];
        const Modality m = modality_of(a, hit, lex_.types()[hit.trigger->type]);
        hit.dropped =
            m == Modality::negated || m == Modality::hypothetical || other_sense(a.tokens, hit);
        hit.planned = m == Modality::planned;
        // "Turkey condemned the attacks": a noun after another event's verb in the same
        // clause is what that verb is about.
        const auto clause = clause_of(a, hit.first);
        // Not so when its own verb says it happened: "blamed for the bombings that ripped
        // through a market" reports the bombings.
        // Nor for a participle after a comma with its object: ", killing six people".
        const bool participle = adjunct_participle(a.tokens, hit);
        for (std::size_t g = 0; g < h && hit.trigger->nominal && !hit.happened && !participle;
             ++g) {
            const TriggerHit& verb = a.triggers[g];
            if (!verb.trigger->nominal && verb.first >= clause.first &&
                verb.trigger->type != hit.trigger->type) {
                hit.dropped = true;
            }
        }
    }
}

// "a grenade was hurled at the guards", "shots were reportedly fired", "ties were cut": the
// passive of a verb-object phrase, from the object to the participle (an auxiliary, then up to
// two adverbs between). A bare noun trigger on the object ("rockets") takes the phrase's type.
// Not "find body" (find_passive_finding) nor "block road" ("the road was blocked by snow").
void ArticleBuilder::find_passive_objects(Analysis& a) const {
    static const std::unordered_set<std::string> auxiliaries{"was", "were", "is",
                                                             "are", "been", "being"};
    const auto& tokens = a.tokens;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        const auto* list = lex_.object_phrases_ending(tokens[i].key);
        if (list == nullptr || !tokens[i].word) {
            continue;
        }
        std::size_t k = i + 1;
        k += tokens[k].key == "had" || tokens[k].key == "have" || tokens[k].key == "has" ? 1 : 0;
        if (k + 1 >= tokens.size() || auxiliaries.count(tokens[k].key) == 0) {
            continue;
        }
        ++k;
        for (std::size_t adverbs = 0; adverbs < 2 && k + 1 < tokens.size(); ++adverbs) {
            const std::string& w = tokens[k].key;
            const bool ly = w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;
            if (!(ly || w == "also" || w == "then" || w == "later")) {
                break;
            }
            ++k;
        }
        const std::string& participle = tokens[k].key;
        if (participle.size() > 3 && participle.compare(participle.size() - 3, 3, "ing") == 0) {
            continue;
        }
        const Trigger* phrase = nullptr;
        for (const std::size_t ti : *list) {
            const Trigger& t = lex_.triggers()[ti];
            if (t.words.front() == participle && t.lemma.rfind("find ", 0) != 0 &&
                t.lemma.rfind("block ", 0) != 0) {
                phrase = &t;
                break;
            }
        }
        if (phrase == nullptr) {
            continue;
        }
        // Another trigger on the words between ("diplomats were expelled") stays as it is.
        auto bare = a.triggers.end();
        bool other = covered(a, i, k);
        for (auto h = a.triggers.begin(); h != a.triggers.end(); ++h) {
            if (h->first == i && h->last == i) {
                bare = h;
            } else if (!(h->last < i || h->first > k)) {
                other = true;
            }
        }
        if (other) {
            continue;
        }
        if (bare != a.triggers.end()) {
            bare->trigger = phrase;
            bare->last = k;
        } else {
            const auto at = std::find_if(a.triggers.begin(), a.triggers.end(),
                                         [i](const TriggerHit& h) { return h.first > i; });
            a.triggers.insert(at, TriggerHit{i, k, phrase});
        }
        i = k;
    }
}

// "the bodies of three farmers were found", "a corpse has been found": the passive of "find body"
// reports the killing on "found" (the active, "found two bodies", is the lexicon's phrase).
void ArticleBuilder::find_passive_finding(Analysis& a) const {
    static const std::unordered_set<std::string> bodies{"body", "bodies", "corpse", "corpses"};
    static const std::unordered_set<std::string> auxiliaries{"was", "were", "been", "is", "are"};
    const auto* list = lex_.triggers_starting("found");
    if (list == nullptr) {
        return;
    }
    const Trigger* found = nullptr;
    for (const std::size_t ti : *list) {
        const Trigger& t = lex_.triggers()[ti];
        if (t.words.size() == 2 && bodies.count(t.words[1]) > 0) {
            found = &t;
            break;
        }
    }
    const auto& tokens = a.tokens;
    for (std::size_t i = 1; found != nullptr && i < tokens.size(); ++i) {
        if (tokens[i].key != "found" || auxiliaries.count(tokens[i - 1].key) == 0 ||
            covered(a, i, i)) {
            continue;
        }
        // The subject's head within six words before, no comma or clause between.
        bool subject = false;
        for (std::size_t k = i - 1, steps = 0; k > 0 && steps < 6 && !subject; --k, ++steps) {
            if (!tokens[k - 1].word && tokens[k - 1].key != "'s") {
                break;
            }
            subject = bodies.count(tokens[k - 1].key) > 0;
        }
        if (subject) {
            const auto at = std::find_if(a.triggers.begin(), a.triggers.end(),
                                         [i](const TriggerHit& h) { return h.first > i; });
            // "bodies were found dumped by a road": the participle says how, one event.
            const bool how = i + 1 < tokens.size() && tokens[i + 1].word &&
                             !tokens[i + 1].capitalized && tokens[i + 1].key.size() > 4 &&
                             tokens[i + 1].key.compare(tokens[i + 1].key.size() - 2, 2, "ed") == 0;
            a.triggers.insert(at, TriggerHit{i, how ? i + 1 : i, found});
        }
    }
}

// "began attacking", "continued to shell": a verb of aspect before an event verb's -ing form
// or its infinitive joins its trigger, so the event is reported from the aspect verb on.
void ArticleBuilder::attach_aspect(const std::vector<Token>& tokens, TriggerHit& hit,
                                   std::size_t floor) {
    static const std::unordered_set<std::string> aspect = [] {
        std::unordered_set<std::string> forms;
        for (const char* lemma : {"begin", "start", "continue", "resume", "keep"}) {
            for (auto& f : verb_forms(lemma)) {
                forms.insert(std::move(f));
            }
        }
        return forms;
    }();
    const std::size_t k = hit.first;
    const std::string& head = tokens[k].key;
    const bool ing = head.size() > 5 && head.compare(head.size() - 3, 3, "ing") == 0;
    const bool infinitive = k >= 2 && tokens[k - 1].key == "to";
    const std::size_t verb = infinitive ? k - 2 : k - 1;
    if (k >= 1 && (ing || infinitive) && verb >= floor && verb < k &&
        aspect.count(tokens[verb].key) > 0) {
        hit.first = verb;
    }
}

// "launched a major assault", "carried out an air strike", "clashes took place", "fighting
// erupted": a verb that only says an event noun happened joins the noun's trigger, so the
// event is reported on the verb as news writes it and the verb's phrases govern it.
void ArticleBuilder::attach_light_verbs(Analysis& a) {
    const std::unordered_set<std::string>& before = light_verbs_before();
    const std::unordered_set<std::string>& after = light_verbs_after();
    const auto in = [](const std::unordered_set<std::string>& set, const std::string& k) {
        return set.count(k) > 0;
    };
    const auto& tokens = a.tokens;
    for (std::size_t h = 0; h < a.triggers.size(); ++h) {
        TriggerHit& hit = a.triggers[h];
        const std::size_t floor = h > 0 ? a.triggers[h - 1].last + 1 : 0;
        if (!hit.trigger->nominal) {
            attach_aspect(tokens, hit, floor);
            continue;
        }
        const std::size_t first_word = hit.first;
        // Back over articles and modifiers ("a powerful", "a Zembian", "the morning with a
        // sudden") to the verb.
        for (std::size_t k = hit.first, steps = 0; k > floor && steps < 6; --k, ++steps) {
            const Token& t = tokens[k - 1];
            // "mounted, late on Friday, a fierce raid": back over a short aside between
            // commas to the verb before it.
            if (t.key == "," && k >= 2) {
                std::size_t open = k - 1;
                while (open > floor && open + 5 > k && tokens[open - 1].word) {
                    --open;
                }
                if (open > floor && open + 1 < k - 1 && tokens[open - 1].key == "," && open >= 2 &&
                    in(before, tokens[open - 2].key)) {
                    hit.first = open - 2;
                }
                break;
            }
            if (!t.word) {
                break;
            }
            if (in(before, t.key) ||
                (k >= 2 && k - 2 >= floor && particle_light_verb(tokens[k - 2].key, t.key))) {
                // "carried out raids", "stepped up attacks", "set off bombs": the verb and its
                // particle.
                hit.first = in(before, t.key) ? k - 1 : k - 2;
                break;
            }
            // "took part in the offensive", "claimed responsibility for the bombing": the event
            // is reported from the verb on (a claim says the attack happened, and who did it).
            if (k >= 3 && k - 3 >= floor && light_phrase(tokens, k - 3)) {
                hit.first = k - 3;
                break;
            }
            if (a.mention_at[k - 1] < 0 && t.capitalized) {
                break; // a name between: "the group claimed the attack" is no light verb
            }
        }
        if (hit.first < first_word) {
            attach_aspect(tokens, hit, floor); // "began launching airstrikes"
        }
        // Forward: "took place", "broke out", "erupted", "ripped through"; adverbs and a
        // relative pronoun between ("fighting also erupted", "the raid, which occurred").
        const std::size_t limit =
            h + 1 < a.triggers.size() ? a.triggers[h + 1].first : tokens.size();
        std::size_t v = after_adjuncts(tokens, hit.last + 1, limit);
        // "the attack, blamed on a local militia, took place": past a participle's aside, or
        // one between dashes or brackets.
        std::size_t aside = past_participle_aside(tokens, v, limit);
        aside = aside != v ? aside : bracketed_aside(tokens, v, limit);
        if (aside != v && aside < limit && in(after, tokens[aside].key)) {
            v = aside;
        }
        // "clashes between X and Y erupted", "attacks by bandits on herders have occurred".
        v = verb_past_phrase(tokens, v, limit, after, before);
        // "the murders were committed", "an operation has been launched": the passive of a
        // light verb says the noun happened.
        const std::size_t noun_end = hit.last + 1;
        if (v < limit && v > hit.last + 1 && in(before, tokens[v].key) &&
            passive_participle(tokens, v)) {
            hit.last = v + 1 < limit && tokens[v + 1].key == "out" ? v + 1 : v;
        } else if (v < limit && in(after, tokens[v].key)) {
            const std::string& k = tokens[v].key;
            const bool particle = k.rfind("too", 0) == 0 || k.rfind("tak", 0) == 0 ||
                                  k.rfind("br", 0) == 0 || k.rfind("rip", 0) == 0 ||
                                  k.rfind("go", 0) == 0 || k == "went";
            // Only a relative clause says so apart from the clause's verb: "the riots that
            // erupted"; in "while riots erupted there" the verb's places stay the other event's.
            const bool relative =
                std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(hit.last + 1),
                            tokens.begin() + static_cast<std::ptrdiff_t>(v),
                            [](const Token& t) { return t.key == "that" || t.key == "which"; });
            hit.happened = relative && !particle;
            if (!particle) {
                hit.last = v;
            } else if (v + 1 < limit &&
                       (tokens[v + 1].key == "place" || tokens[v + 1].key == "out" ||
                        tokens[v + 1].key == "through" ||
                        (tokens[v + 1].key == "off" && (k == "went" || k.rfind("go", 0) == 0)))) {
                hit.last = v + 1;
                hit.happened = relative;
            }
        }
        if (hit.last >= v && v > noun_end) {
            hit.phrase_begin = noun_end;
            hit.phrase_end = v;
        }
    }
}

} // namespace eventmap::events
