// What follows an event noun up to the verb that says it happened: adverbs and auxiliaries
// ("clashes also erupted"), asides ("the raid, carried out by masked men, took place") and a
// short phrase of who, where or against whom ("attacks by rebels on farmers have occurred").
#include "events/article_builder.hpp"

#include <unordered_set>

namespace eventmap::events {

namespace {

// A closing quotation mark: "\"Mass rallies\" also took place".
bool closing_quote(const Token& t) {
    return !t.word && (t.key == "\"" || t.key == "\u201d" || t.key == "\u2019");
}

} // namespace

// The first token at or after `k` (before `limit`) past adverbs, auxiliaries and a relative
// pronoun: "clashes also erupted", "the raid, which had occurred", "riots reportedly broke out".
std::size_t ArticleBuilder::after_adjuncts(const std::vector<Token>& tokens, std::size_t k,
                                           std::size_t limit) {
    static const std::unordered_set<std::string> skip{
        "also", "again", "later", "then", "first", "soon", "which", "that", "has", "have", "had",
        "again", "once", "finally", "suddenly", "reportedly", "subsequently",
        // "clashes are now occurring", "the raid was still continuing"
        "is", "are", "was", "were", "been", "being", "now", "still"};
    const std::size_t start = k;
    for (std::size_t n = 0; k < limit && n < 3; ++n) {
        const std::string& key = tokens[k].key;
        const bool relative = key == "," && k + 1 < limit &&
                              (tokens[k + 1].key == "which" || tokens[k + 1].key == "that");
        const bool adverb = tokens[k].word && !tokens[k].capitalized && key.size() > 4 &&
                            key.compare(key.size() - 2, 2, "ly") == 0;
        // "a car bomb on Friday ripped through", "clashes Wednesday erupted".
        const auto day = [&tokens](std::size_t at) {
            static const std::unordered_set<std::string> days{
                "monday",   "tuesday", "wednesday", "thursday",  "friday",
                "saturday", "sunday",  "today",     "yesterday", "tonight"};
            return days.count(tokens[at].key) > 0;
        };
        if (key == "on" && k + 1 < limit && day(k + 1)) {
            ++k; // and the day below
        } else if (!(relative || adverb || day(k) || closing_quote(tokens[k]) ||
                     skip.count(key) > 0)) {
            return k;
        }
        ++k;
    }
    return k < limit ? k : start;
}

// The word after a reduced relative clause set off after an event noun ("the raid, carried
// out by masked men, took place"; "the attack attributed to a militia, occurred"), or `v`
// when none starts there: a lowercase past participle, then up to ten words to a comma.
std::size_t ArticleBuilder::past_participle_aside(const std::vector<Token>& tokens, std::size_t v,
                                                  std::size_t limit) {
    const std::size_t start = v < limit && tokens[v].key == "," ? v + 1 : v;
    if (start >= limit || !tokens[start].word || tokens[start].capitalized) {
        return v;
    }
    const std::string& p = tokens[start].key;
    if (p.size() < 5 || p.compare(p.size() - 2, 2, "ed") != 0) {
        return v;
    }
    for (std::size_t k = start + 1; k < limit && k <= start + 10; ++k) {
        if (tokens[k].key == ",") {
            return k + 1 < limit ? after_adjuncts(tokens, k + 1, limit) : v;
        }
        if (!tokens[k].word && tokens[k].key != "'s" && tokens[k].key != "-") {
            return v;
        }
    }
    return v;
}

// The word after an aside between dashes or brackets right after an event noun ("the
// blast -- which also wrecked two shops -- occurred", "the raid (the third this month) took
// place"), or `v` when none starts there: up to fourteen tokens to the closing mark.
std::size_t ArticleBuilder::bracketed_aside(const std::vector<Token>& tokens, std::size_t v,
                                            std::size_t limit) {
    const auto dash = [&tokens](std::size_t k) {
        const std::string& key = tokens[k].key;
        return !tokens[k].word && (key == "-" || key == "_" || key == "\u2014" || key == "\u2013");
    };
    if (v >= limit || !(dash(v) || tokens[v].key == "(")) {
        return v;
    }
    const bool bracket = tokens[v].key == "(";
    std::size_t k = v + 1;
    while (!bracket && k < limit && dash(k)) {
        ++k; // "--"
    }
    for (const std::size_t open = k; k < limit && k <= open + 14; ++k) {
        if (bracket ? tokens[k].key == ")" : dash(k)) {
            while (!bracket && k + 1 < limit && dash(k + 1)) {
                ++k;
            }
            return k + 1 < limit ? after_adjuncts(tokens, k + 1, limit) : v;
        }
    }
    return v;
}

// Whether the token at `at` is a passive participle: "an operation was launched".
bool ArticleBuilder::passive_participle(const std::vector<Token>& tokens, std::size_t at) {
    static const std::unordered_set<std::string> auxiliaries{"is",   "are",  "was",
                                                             "were", "been", "being"};
    const std::string& k = tokens[at].key;
    return at > 0 && auxiliaries.count(tokens[at - 1].key) > 0 && k.size() > 3 &&
           k.compare(k.size() - 2, 2, "ed") == 0;
}

// The verb that says an event noun happened past a short phrase after the noun, or `v` when
// none: who fought ("clashes between X and Y erupted", "fighting with rebels broke out"),
// who did it and to whom ("attacks by bandits on herders have occurred"), where ("fighting in
// the hills of Tarvel has left 12 dead"), what ("the last raid of the campaign was launched").
// The phrase has no comma and no clause of its own, and the verb comes within eleven words
// ("the shelling of the farms around X in the eastern hills has left"). `after` holds the
// verbs that say so ("erupted"), `before` the light verbs whose passive does ("was launched").
std::size_t ArticleBuilder::verb_past_phrase(const std::vector<Token>& tokens, std::size_t v,
                                             std::size_t limit,
                                             const std::unordered_set<std::string>& after,
                                             const std::unordered_set<std::string>& before) {
    static const std::unordered_set<std::string> prepositions{
        "between", "with", "involving", "by",    "against", "on",      "in",    "at",
        "near",    "of",   "across",    "along", "around",  "outside", "inside"};
    // A clause of its own starts: "the attack on the town where the rebels took control".
    static const std::unordered_set<std::string> clause{
        "who", "whom",  "whose",  "where", "when",  "while", "but",  "because", "if",
        "as",  "after", "before", "since", "until", "said",  "says", "say"};
    if (v >= limit || prepositions.count(tokens[v].key) == 0) {
        return v;
    }
    for (std::size_t k = v + 1; k < limit && k <= v + 11; ++k) {
        const Token& t = tokens[k];
        if ((!t.word && t.key != "'s" && t.key != "-") || clause.count(t.key) > 0) {
            return v;
        }
        if (after.count(t.key) > 0 || (before.count(t.key) > 0 && passive_participle(tokens, k))) {
            return k;
        }
    }
    return v;
}

} // namespace eventmap::events
