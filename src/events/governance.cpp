#include "events/governance.hpp"

#include <string>
#include <unordered_set>

namespace eventmap::events {

namespace {

bool in(const std::unordered_set<std::string>& set, const std::string& key) {
    return set.count(key) > 0;
}

const std::unordered_set<std::string>& auxiliaries() {
    static const std::unordered_set<std::string> words{
        "is",   "are",   "was",   "were", "has",   "have",   "had",    "will",    "would",
        "can",  "could", "did",   "does", "said",  "says",   "told",   "added",   "say",
        "tell", "may",   "might", "must", "shall", "should", "stated", "reported"};
    return words;
}

// Common irregular pasts a sentence chains as a second predicate ("fled", "came").
const std::unordered_set<std::string>& irregular_pasts() {
    static const std::unordered_set<std::string> words{
        "went",  "came",  "took",  "fled", "fought", "left",  "gave",   "made",    "met",
        "held",  "began", "broke", "ran",  "saw",    "sent",  "led",    "brought", "found",
        "got",   "kept",  "stood", "fell", "spoke",  "wrote", "became", "threw",   "hid",
        "drove", "flew",  "rode",  "won",  "lost",   "shot",  "struck", "blew",    "sought"};
    return words;
}

const std::unordered_set<std::string>& determiners() {
    static const std::unordered_set<std::string> words{
        "the",     "a",    "an",    "its",   "their", "his",     "her",
        "our",     "this", "these", "those", "'s",    "two",     "three",
        "several", "many", "some",  "other", "of",    "heavily", "newly"};
    return words;
}

bool relative_pronoun(const std::string& key) {
    return key == "who" || key == "which" || key == "whom" || key == "whose";
}

// The first verb after a subordinator or conjunction, skipping its subject (a few words).
bool verb_within(const std::vector<Token>& tokens, std::size_t from, std::size_t end,
                 std::size_t reach, const std::vector<bool>& event_word) {
    for (std::size_t k = from; k < end && k < from + reach; ++k) {
        if (!tokens[k].word) {
            return false;
        }
        if (verb_like(tokens, k)) {
            return !event_word[k];
        }
    }
    return false;
}

// A present participle opening a clause after a comma: ", targeting", ", killing". Words of
// that form that work as prepositions ("including", "according") do not.
bool participle(const Token& t) {
    static const std::unordered_set<std::string> prepositions{
        "including", "according",       "during",  "following", "regarding",   "concerning",
        "excluding", "notwithstanding", "pending", "bordering", "overlooking", "adjoining"};
    const std::string& key = t.key;
    return t.word && !t.capitalized && key.size() > 5 &&
           key.compare(key.size() - 3, 3, "ing") == 0 && !in(prepositions, key);
}

} // namespace

bool verb_like(const std::vector<Token>& tokens, std::size_t k) {
    const Token& t = tokens[k];
    if (!t.word || t.capitalized) {
        return false;
    }
    const std::string& key = t.key;
    if (in(auxiliaries(), key) || in(irregular_pasts(), key)) {
        return true;
    }
    const bool past = key.size() >= 4 && key.compare(key.size() - 2, 2, "ed") == 0 &&
                      key.find('-') == std::string::npos;
    // "the armed men", "two wounded soldiers": after a determiner it is an adjective.
    return past && !(k > 0 && in(determiners(), tokens[k - 1].key));
}

bool other_predicate_between(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                             std::size_t trigger_first, std::size_t trigger_last,
                             const std::vector<bool>& event_word) {
    if (first > trigger_last) {
        for (std::size_t k = trigger_last + 1; k < first; ++k) {
            const std::string& key = tokens[k].key;
            if (relative_pronoun(key) ||
                (key == "that" && verb_within(tokens, k + 1, first, 4, event_word))) {
                return true; // "detained a man who had fought in X"
            }
            if (key == "," && k + 1 < first && participle(tokens[k + 1])) {
                return true; // "launched an offensive in X, targeting Y": Y is the target's
            }
            if (key == "and" && k + 1 < first &&
                (tokens[k + 1].key == "later" || tokens[k + 1].key == "then") &&
                verb_within(tokens, k + 2, first, 2, std::vector<bool>(tokens.size(), false))) {
                return true; // "was shot and later died in X": a later event, even of a kind
            }
        }
        return false;
    }
    // A place before the trigger inside a relative clause closed by a comma: "X, who was
    // born in Y, was shot" — Y is where X was born.
    bool relative = false;
    for (std::size_t k = first; k > 0; --k) {
        const std::string& key = tokens[k - 1].key;
        if (key == "," || key == "(") {
            break;
        }
        if (relative_pronoun(key)) {
            relative = true;
            break;
        }
    }
    if (!relative) {
        return false;
    }
    for (std::size_t k = last + 1; k < trigger_first; ++k) {
        if (tokens[k].key == "," || tokens[k].key == ")") {
            return true;
        }
    }
    return false;
}

} // namespace eventmap::events
