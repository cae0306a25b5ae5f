// Triggers in another sense than an event's, and -ing forms that are verbs, not nouns: both
// told by the words around the trigger.
#include "events/article_builder.hpp"

#include <unordered_map>
#include <unordered_set>

namespace eventmap::events {

namespace {

bool any_key(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
             const std::unordered_set<std::string>& keys) {
    for (std::size_t k = from; k < to && k < tokens.size(); ++k) {
        if (keys.count(tokens[k].key) > 0) {
            return true;
        }
    }
    return false;
}

// "the policy was amply demonstrated": the passive of a verb, past adverbs before it
// ("were demonstrating" is no passive).
bool passive_at(const std::vector<Token>& tokens, std::size_t verb) {
    const std::string& v = tokens[verb].key;
    if (v != "shot" && (v.size() < 4 || v.compare(v.size() - 2, 2, "ed") != 0)) {
        return false;
    }
    static const std::unordered_set<std::string> auxiliaries{"is",   "are",   "was", "were",
                                                             "been", "being", "be"};
    for (std::size_t k = verb; k > 0; --k) {
        const std::string& p = tokens[k - 1].key;
        if (auxiliaries.count(p) > 0) {
            return true;
        }
        if (!tokens[k - 1].word || p.size() < 5 || p.compare(p.size() - 2, 2, "ly") != 0) {
            return false;
        }
    }
    return false;
}

// Senses told by the words around the verb rather than by its object.
bool context_sense(const std::vector<Token>& tokens, const TriggerHit& hit) {
    const std::string& lemma = hit.trigger->lemma;
    // "the wartime bomb was detonated in a controlled explosion", "police sappers blew up the
    // device": disposal of a bomb, no attack. (A bomb that exploded while being defused is.)
    static const std::unordered_set<std::string> disposal{
        "controlled", "wartime", "unexploded", "sappers", "sapper", "disposal", "ordnance"};
    // So is the bare bomb it names ("sappers detonated a wartime bomb"); one that its own verb
    // says went off stays ("the bomb exploded as disposal experts worked on it").
    const bool bare = hit.last + 1 - hit.first == hit.trigger->words.size();
    const bool bomb = hit.trigger->nominal && bare && hit.trigger->mode == "remote explosive";
    if ((lemma == "detonate" || lemma == "blow up" || bomb) &&
        any_key(tokens, 0, tokens.size(), disposal)) {
        return true;
    }
    if (!bare || hit.trigger->nominal) {
        return false;
    }
    // "the turnout was amply demonstrated": a passive shows something; a protest has no
    // passive.
    if (lemma == "demonstrate") {
        return passive_at(tokens, hit.first);
    }
    // "'Lies,' the envoy shot back": a retort after a quotation is speech.
    static const std::unordered_set<std::string> quotes{"\"", "\u201c", "\u201d"};
    if (lemma == "shoot" && hit.last + 1 < tokens.size() && tokens[hit.last + 1].key == "back") {
        return any_key(tokens, 0, hit.first, quotes);
    }
    // "security cameras captured the moment"; "the scene was captured by a news crew".
    static const std::unordered_set<std::string> recorders{"camera", "cameras", "photographer",
                                                           "photographers", "lens"};
    static const std::unordered_set<std::string> recorded{
        "scene", "scenes", "moment", "footage", "image",  "images",  "video",   "videos",
        "photo", "film",   "films",  "movie",   "movies", "episode", "episodes"};
    const std::size_t from = hit.first >= 4 ? hit.first - 4 : 0;
    // ... and "the first episodes were shot near Rome": a film's passive.
    const bool recorded_passive =
        passive_at(tokens, hit.first) && any_key(tokens, from, hit.first, recorded);
    if (lemma == "capture") {
        return any_key(tokens, from, hit.first, recorders) || recorded_passive;
    }
    // "a migrant who tried to enter X", "refugees entering Y": people crossing into a
    // country or a town, no military move ("troops entered the town" stays one).
    static const std::unordered_set<std::string> crossers{
        "migrant",   "migrants",  "refugee",    "refugees",  "immigrant",  "immigrants",
        "asylum",    "tourist",   "tourists",   "traveller", "travellers", "traveler",
        "travelers", "passenger", "passengers", "pilgrim",   "pilgrims"};
    if (lemma == "enter") {
        for (std::size_t k = hit.first; k > 0 && k + 8 > hit.first; --k) {
            const std::string& key = tokens[k - 1].key;
            if (key == "," || key == ";" || key == "and") {
                break;
            }
            if (crossers.count(key) > 0) {
                return true;
            }
        }
    }
    if (lemma == "shoot") {
        return recorded_passive;
    }
    return false;
}

} // namespace

// Verbs of violence used in another sense, told by the object that follows closely:
// "captured the title", "struck a deal", "demonstrated the strength of", "prices shot up";
// or by the words around (context_sense): "cameras captured", "sappers detonated a bomb".
bool ArticleBuilder::other_sense(const std::vector<Token>& tokens, const TriggerHit& hit) {
    if (context_sense(tokens, hit)) {
        return true;
    }
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
        {"shoot",
         {"up", "film", "video", "scenes", "footage", "episode", "episodes", "stardom", "fame",
          "prominence", "notoriety"}},
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
    // "captured the men's title": a possessive stays inside the object, and is no word of it;
    // nor, for a capture, is a word of a name after "the" ("captured the Regional Boxing
    // Federation junior title": a title's name runs long).
    std::size_t end = hit.last + reach;
    bool in_name = false;
    for (std::size_t k = hit.last + 1; k < tokens.size() && k <= end; ++k) {
        const bool possessive = tokens[k].key == "'s";
        const bool name = lemma == "capture" && tokens[k].capitalized && k > hit.last + 1 &&
                          (tokens[k - 1].key == "the" || (tokens[k - 1].capitalized && in_name));
        in_name = name;
        end += possessive || name ? 1 : 0;
        if ((!tokens[k].word && !possessive) ||
            (reach > 2 && prepositions.count(tokens[k].key) > 0)) {
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
