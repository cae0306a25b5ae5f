// Places that are no place of the event however a phrase marks them: parts of names
// (organisations, military units), destinations of another verb of motion, a whole conflict's
// place as the subject.
#include "events/article_builder.hpp"
#include "events/locative.hpp"
#include "events/sentence_analysis.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace eventmap::events {

// "the Liberation Front of Ardenia", "the National Bank of Velmar": a place after "of" and
// the capitalised head of an organisation's name is part of that name, not where.
bool ArticleBuilder::in_organisation_name(const std::vector<Token>& tokens, std::size_t first) {
    static constexpr std::array<std::string_view, 16> heads{
        "state",     "front",  "army",         "party",        "movement", "council",
        "committee", "union",  "organization", "organisation", "bank",     "university",
        "church",    "league", "brigades",     "states"};
    return first >= 3 && tokens[first - 1].key == "of" && tokens[first - 2].capitalized &&
           one_of(tokens[first - 2].key, heads) && tokens[first - 3].word &&
           tokens[first - 3].capitalized;
}

// "the 4th Mechanised Division", "the 101st Airborne", "the Third Army": a name after an
// ordinal or ending in a unit's head is a military unit, whatever the gazetteer holds.
bool ArticleBuilder::military_unit(const std::vector<Token>& tokens, std::size_t first,
                                   std::size_t last) {
    static constexpr std::array<std::string_view, 9> units{"division",  "brigade",  "regiment",
                                                           "battalion", "corps",    "army",
                                                           "fleet",     "squadron", "airborne"};
    if (one_of(tokens[last].key, units) && tokens[last].capitalized) {
        return true;
    }
    if (first == 0) {
        return false;
    }
    const std::string& k = tokens[first - 1].key;
    const std::string suffix = k.size() >= 3 ? k.substr(k.size() - 2) : std::string();
    const bool ordinal = k.size() >= 3 && std::isdigit(static_cast<unsigned char>(k[0])) != 0 &&
                         (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd");
    return ordinal && last + 1 < tokens.size() && tokens[last + 1].capitalized;
}

// "was shot and evacuated to X", "captured and sent to X", "killed before he could flee to
// X": a destination belongs to a verb of motion; an attack or an arrest does not happen
// there. Moves of territory ("advanced to X") and marches, deployments and visits keep it.
bool ArticleBuilder::foreign_destination(const Analysis& a, const TriggerHit& hit,
                                         const PlaceCandidate& c) const {
    const std::string& type = lex_.types()[hit.trigger->type].name;
    // A word the lexicon lacks (given to `event_at`) may itself be a verb of motion.
    if ((type != "ASSAULT" && type != "COERCE") || hit.trigger->mode == "territory" ||
        hit.trigger == &forced_trigger_) {
        return false;
    }
    std::size_t k = c.first;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(a.tokens[k - 1]); ++n) {
        --k;
    }
    if (k < 2 || a.tokens[k - 1].key != "to" || k - 1 <= hit.last) {
        return false;
    }
    // "close to X", "the entrance to X", "a road leading to X": where, not whither.
    static constexpr std::array<std::string_view, 8> where{
        "close", "next", "near", "entrance", "adjacent", "leading", "road", "gateway"};
    return !one_of(a.tokens[k - 2].key, where);
}

// "The war in X has killed thousands", "the conflict in Y has displaced millions": a place
// that modifies a whole conflict as the subject gives its toll, no event's place. (Other
// subjects' places often are where: "gunmen in X shot a man".)
bool ArticleBuilder::subject_modifier(const Analysis& a, const TriggerHit& hit,
                                      const PlaceCandidate& c) {
    if (hit.trigger->nominal || c.last >= hit.first) {
        return false;
    }
    static constexpr std::array<std::string_view, 14> auxiliaries{
        "has",  "have",  "had",  "was", "were", "is",         "are",
        "been", "being", "also", "be",  "will", "reportedly", "allegedly"};
    for (std::size_t k = c.last + 1; k < hit.first; ++k) {
        if (!one_of(a.tokens[k].key, auxiliaries)) {
            return false;
        }
    }
    std::size_t k = c.first;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(a.tokens[k - 1]); ++n) {
        --k;
    }
    if (k < 2 || a.tokens[k - 1].key != "in") {
        return false;
    }
    static constexpr std::array<std::string_view, 9> conflicts{
        "conflict",   "war",      "crisis",    "insurgency", "uprising",
        "revolution", "violence", "conflicts", "wars"};
    return one_of(a.tokens[k - 2].key, conflicts);
}

// "on Jolo", "on the Tarvo Peninsula", "on Manila Bay": "on" before an island, a coast, a
// mountain or a body of water says where ("on Monday", "on the issue" name none).
bool ArticleBuilder::on_feature(const std::vector<Token>& tokens, std::size_t first,
                                const geoparse::Mention& m) {
    std::size_t k = first;
    if (k > 0 && tokens[k - 1].key == "the") {
        --k;
    }
    return k > 0 && tokens[k - 1].key == "on" && (m.feature_class == 'T' || m.feature_class == 'H');
}

} // namespace eventmap::events
