// The events stage's word lists, read from assets/events/ (or EVENTMAP_EVENTS_LEXICON):
//   plover_types.tsv  PLOVER type -> quad class, default CAMEO root
//   triggers.tsv      trigger forms -> PLOVER type, CAMEO root, weight, mode (inflections
//                     generated)
//   actors.tsv        organisations and groups -> canonical actor name, country
//   titles.txt        titles that introduce a person ("Secretary of State John Kerry")
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace eventmap::events {

struct EventType {
    std::string name; // PLOVER: ASSAULT, AGREE...
    int quad_code = 0;
    std::string cameo_root; // default two-digit root
};

struct Trigger {
    std::vector<std::string> words; // lowercase forms, matched token by token
    std::string lemma;              // the lexicon's form, reported as the trigger's lemma
    std::size_t type = 0;           // index into EventLexicon::types
    std::string cameo_root;
    double weight = 0;
    bool nominal = false; // a noun ("talks", "air strike"), not a verb ("met", "agreed")
    std::string mode;     // sub-type users know from conflict data ("armed clash"), or empty
    // A verb and its object noun ("throw grenade"): up to two modifiers may stand between
    // ("threw a hand grenade", "fired two rockets").
    bool object_phrase = false;
    // A verb and its particle ("fire into"): an adverb may stand between ("fired blindly into").
    bool particle_phrase = false;
    // A noun that reports an event only when a light verb joins it: "violence erupted",
    // "unleashed violence" report one; "condemned the violence", "a history of violence" none.
    bool light_only = false;
};

struct ActorName {
    std::vector<std::string> words; // as written, matched case-sensitively
    std::string name;               // canonical
    std::string country;            // ISO alpha-2, empty when international
    std::string kind;               // igo, ngo, armed, government...
};

class EventLexicon {
  public:
    // Reads the four files; throws InputError naming the file and line of a bad row.
    static EventLexicon load(const std::string& directory);
    // EVENTMAP_EVENTS_LEXICON, else <source root>/assets/events.
    static std::string default_directory();

    const std::vector<EventType>& types() const { return types_; }
    const std::vector<Trigger>& triggers() const { return triggers_; }
    // Triggers whose first word is `key` (lowercase), longest first.
    const std::vector<std::size_t>* triggers_starting(const std::string& key) const;
    // Verb-object phrases ("throw grenade") whose object is `key` (lowercase), for their
    // passive ("a grenade was thrown").
    const std::vector<std::size_t>* object_phrases_ending(const std::string& key) const;
    // Actor names whose first word is `word` (as written), longest first.
    const std::vector<std::size_t>* actors_starting(const std::string& word) const;
    const std::vector<ActorName>& actors() const { return actors_; }
    // Titles as lowercase word sequences, longest first.
    const std::vector<std::vector<std::string>>& titles() const { return titles_; }
    // Indices into titles() of those whose first word is `key` (lowercase), longest first.
    const std::vector<std::size_t>* titles_starting(const std::string& key) const;

  private:
    std::vector<EventType> types_;
    std::vector<Trigger> triggers_;
    std::unordered_map<std::string, std::vector<std::size_t>> trigger_index_;
    std::unordered_map<std::string, std::vector<std::size_t>> object_index_;
    std::vector<ActorName> actors_;
    std::unordered_map<std::string, std::vector<std::size_t>> actor_index_;
    std::vector<std::vector<std::string>> titles_;
    std::unordered_map<std::string, std::vector<std::size_t>> title_index_;
};

// Inflected forms of an English verb lemma: itself, -s, -ed, -ing (attack -> attacks,
// attacked, attacking; agree -> agreed, agreeing; rally -> rallied; ban -> banned).
std::vector<std::string> verb_forms(const std::string& lemma);
// Singular and plural of a noun (clash -> clashes, casualty -> casualties).
std::vector<std::string> noun_forms(const std::string& noun);

} // namespace eventmap::events
