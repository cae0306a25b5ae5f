// Triggers in another sense than an event's, and -ing forms that are verbs, not nouns: both
// told by the words around the trigger.
#include "events/article_builder.hpp"

#include <unordered_map>
#include <unordered_set>

namespace eventmap::events {

// Verbs of violence used in another sense, told by the object that follows closely:
// "captured the title", "struck a deal", "demonstrated the strength of", "prices shot up".
bool ArticleBuilder::other_sense(const std::vector<Token>& tokens, const TriggerHit& hit) {
    if (hit.trigger->nominal) {
        return false;
    }
    static const std::unordered_map<std::string, std::unordered_set<std::string>> senses{
        {"capture",
         {"title",     "titles",      "win",          "victory",    "pole",         "crown",
          "gold",      "medal",       "championship", "trophy",     "prize",        "award",
          "attention", "imagination", "headlines",    "moment",     "image",        "images",
          "video",     "camera",      "film",         "footage",    "seat",         "seats",
          "votes",     "share",       "lead",         "hearts",     "mood",         "round",
          "race",      "downhill",    "slalom",       "match",      "cup",          "final",
          "finals",    "stage",       "points",       "wickets",    "scalp",        "nomination",
          "majority",  "heart",       "spirit",       "essence",    "interest",     "fancy",
          "league",    "golds",       "medals",       "tournament", "governorship", "presidency",
          "coverage",  "vibe",        "hat-trick",    "crowns",     "trophies",     "championships",
          "open",      "singles",     "doubles",      "silver",     "bronze"}},
        {"strike",
         {"deal", "agreement", "accord", "chord", "balance", "tone", "bargain", "gold", "oil",
          "compromise"}},
        {"demonstrate",
         {"the", "that", "how", "its", "their", "his", "her", "what", "why", "a", "an", "strong",
          "clear", "commitment", "support", "will"}},
        {"shoot", {"up", "film", "video", "scenes", "footage", "episode", "episodes"}},
        {"hit", {"record", "high", "low", "market", "shelves", "headlines", "streets"}},
        {"launch", {"website", "campaign", "satellite", "app", "book", "album", "product"}},
        {"enter",
         {"phase", "talks", "negotiations", "force", "market", "year", "race", "politics", "office",
          "agreement", "competition", "tournament", "stage", "round"}},
        {"die", {"of", "from", "aged", "peacefully", "naturally", "suddenly", "young"}},
        {"hack", {"into",   "website", "websites", "account",  "accounts",  "computer", "computers",
                  "email",  "emails",  "server",   "servers",  "network",   "networks", "phone",
                  "phones", "system",  "systems",  "database", "databases", "site"}},
        {"ram", {"through", "home", "legislation", "bill", "bills", "message", "point"}},
        {"break into", {"tears",  "laughter", "song",     "songs",    "smile",   "smiles",
                        "grin",   "applause", "cheers",   "run",      "sprint",  "sweat",
                        "pieces", "top",      "charts",   "market",   "markets", "mainstream",
                        "league", "politics", "industry", "business", "dance",   "speech"}}};
    const auto sense = senses.find(hit.trigger->lemma);
    // Only the phrase itself: a verb a light verb or an aspect joined is told by its noun.
    if (sense == senses.end() || hit.last + 1 - hit.first != hit.trigger->words.size()) {
        return false;
    }
    // "demonstrate" is told by the word right after it; the others by their object.
    // "captured his third regional chess title": the object's head may come late.
    const std::string& lemma = hit.trigger->lemma;
    const std::size_t reach = lemma == "demonstrate" ? 1
                              : lemma == "die"       ? 2
                              : lemma == "capture"   ? 6
                                                     : 4;
    // A preposition ends the object: "was captured in Varnok during the final days of the
    // war" names when, not what was captured.
    static const std::unordered_set<std::string> prepositions{
        "in", "at", "near", "during", "after", "before", "from", "outside", "inside"};
    for (std::size_t k = hit.last + 1; k < tokens.size() && k <= hit.last + reach; ++k) {
        if (!tokens[k].word || (reach > 2 && prepositions.count(tokens[k].key) > 0)) {
            return false;
        }
        if (sense->second.count(tokens[k].key) > 0) {
            return true;
        }
    }
    return false;
}

// ", killing six people", ", killing at least four", ", killing and wounding dozens": an -ing
// form after a comma, followed by its object, is an adjunct participle (a verb), however the
// lexicon lists it; "the killing of", "the killing in X" and "a killing spree" are nouns.
bool ArticleBuilder::adjunct_participle(const std::vector<Token>& tokens, const TriggerHit& hit) {
    const std::string& head = tokens[hit.first].key;
    if (hit.first == 0 || hit.first != hit.last || tokens[hit.first - 1].key != "," ||
        head.size() < 5 || head.compare(head.size() - 3, 3, "ing") != 0 ||
        hit.last + 1 >= tokens.size()) {
        return false;
    }
    static const std::unordered_set<std::string> not_object{
        "of",   "in",    "on",     "by",    "for",    "from",    "with",    "was",
        "were", "is",    "are",    "has",   "had",    "that",    "which",   "to",
        "into", "spree", "sprees", "field", "fields", "machine", "machines"};
    const Token& next = tokens[hit.last + 1];
    return next.word && not_object.count(next.key) == 0;
}

} // namespace eventmap::events
