// One article's working state in the events stage: the sentences' analyses, the people met so
// far, the paragraph's last place and narrative date, and the events found. The methods live
// in files named after what they decide (article_builder.cpp, actor_finding.cpp,
// trigger_finding.cpp, light_verb_phrases.cpp, place_choice.cpp, date_choice.cpp). Internal to the
// events stage.
#pragma once

#include "common/article.hpp"
#include "dates/time_expression.hpp"
#include "events/event.hpp"
#include "events/extractor.hpp"
#include "events/lexicon.hpp"
#include "events/sentence.hpp"
#include "events/sentence_analysis.hpp"
#include "geoparse/mention.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace eventmap::events {

class ArticleBuilder {
  public:
    ArticleBuilder(const EventLexicon& lexicon, const ExtractOptions& options,
                   const Article& article, const std::vector<geoparse::Mention>& mentions,
                   const dates::DateResult& dates)
        : lex_(lexicon), options_(options), article_(article), mentions_(mentions), dates_(dates),
          hash_(content_hash(article.text)) {}

    // Takes the words at bytes [begin, end) as the one trigger to report (event_at).
    void force(std::size_t begin, std::size_t end);
    std::vector<Event> run();

  private:
    // article_builder.cpp: the article, its headline and each trigger's event
    std::size_t find_headline(const std::vector<Sentence>& sentences) const;
    void fold_headline(std::size_t count);
    Analysis analyse(const Sentence& s);
    bool covered(const Analysis& a, std::size_t first, std::size_t last) const;
    void find_dateline();
    void events_of(const Sentence& s, const Analysis& a);
    void event_of(const Sentence& s, const Analysis& a, const TriggerHit& hit);

    // actor_finding.cpp: organisations, people, countries acting; the actors of an event
    void find_organisations(Analysis& a) const;
    void find_titled_people(Analysis& a);
    void register_person(const std::string& surname, const Person& p);
    static std::string display(const Person& p);
    void resolve_actors(Analysis& a);
    std::string country_name(const geoparse::Mention& m);
    bool captive(const Analysis& a, std::size_t first, std::size_t last) const;
    static bool perfect_active(const std::vector<Token>& tokens, std::size_t last);
    static bool undergoes(const std::vector<Token>& tokens, std::size_t last);
    void assign_actors(const Analysis& a, const TriggerHit& hit,
                       std::pair<std::size_t, std::size_t> clause, Event& ev) const;

    // trigger_finding.cpp: triggers, their other senses, light verbs
    void force_trigger(Analysis& a) const;
    void find_triggers(Analysis& a) const;
    static bool other_sense(const std::vector<Token>& tokens, const TriggerHit& hit);
    static bool adjunct_participle(const std::vector<Token>& tokens, const TriggerHit& hit);
    void find_passive_finding(Analysis& a) const;
    void find_passive_objects(Analysis& a) const;
    static void attach_light_verbs(Analysis& a);
    static void attach_aspect(const std::vector<Token>& tokens, TriggerHit& hit, std::size_t floor);

    // light_verb_phrases.cpp: what stands between an event noun and the verb saying it happened
    static std::size_t past_participle_aside(const std::vector<Token>& tokens, std::size_t v,
                                             std::size_t limit);
    static std::size_t bracketed_aside(const std::vector<Token>& tokens, std::size_t v,
                                       std::size_t limit);
    static std::size_t after_adjuncts(const std::vector<Token>& tokens, std::size_t k,
                                      std::size_t limit);
    static bool passive_participle(const std::vector<Token>& tokens, std::size_t at);
    static std::size_t verb_past_phrase(const std::vector<Token>& tokens, std::size_t v,
                                        std::size_t limit,
                                        const std::unordered_set<std::string>& after,
                                        const std::unordered_set<std::string>& before);

    // place_choice.cpp: which mentions are candidate places, and the one a trigger takes
    static void add_mention_place(Analysis& a, std::size_t mention, std::size_t first,
                                  std::size_t last);
    bool foreign_destination(const Analysis& a, const TriggerHit& hit,
                             const PlaceCandidate& c) const;
    static bool moved_to(const std::vector<Token>& tokens, std::size_t k, std::size_t after);
    static bool subject_modifier(const Analysis& a, const TriggerHit& hit, const PlaceCandidate& c);
    static bool person_origin(const std::vector<Token>& tokens, const PlaceCandidate& c);
    const PlaceCandidate* where_antecedent(const Analysis& a, const TriggerHit& hit) const;
    static bool determined_name(const Analysis& a, std::size_t last);
    static std::size_t object_after(const Analysis& a, std::size_t verb, const Trigger& t);
    static std::size_t modified_last(const Analysis& a, std::size_t verb, const Trigger& t);
    static std::size_t particle_after(const std::vector<Token>& tokens, std::size_t verb,
                                      const Trigger& t);
    static bool here_adverb(const std::vector<Token>& tokens, const TriggerHit& hit);
    static bool on_feature(const std::vector<Token>& tokens, std::size_t first,
                           const geoparse::Mention& m);
    static bool military_unit(const std::vector<Token>& tokens, std::size_t first,
                              std::size_t last);
    static bool in_organisation_name(const std::vector<Token>& tokens, std::size_t first);
    static bool adjectival(const std::vector<Token>& tokens, std::size_t last);
    static bool diplomatic_owner(const std::vector<Token>& tokens, std::size_t last);
    static bool reporter_place(const std::vector<Token>& tokens, std::size_t first);
    static bool relation_party(const std::vector<Token>& tokens, std::size_t first);
    static bool home_base(const std::vector<Token>& tokens, std::size_t first,
                          const std::vector<bool>& trigger_at);
    static bool title_qualifier(const Analysis& a, const PlaceCandidate& c,
                                const std::vector<bool>& trigger_at);
    static bool passive_subject(const std::vector<Token>& tokens, std::size_t last);
    static bool names_event(const std::vector<Token>& tokens, std::size_t last,
                            const std::vector<bool>& noun_at);
    static bool names_facility(const std::vector<Token>& tokens, std::size_t last);
    static bool possessive_area(const std::vector<Token>& tokens, std::size_t last);
    void add_unlisted_places(Analysis& a, const std::vector<bool>& trigger_at) const;
    bool is_qualifier(const Analysis& a, std::size_t first) const;
    static std::size_t reach(const Analysis& a, std::size_t token, const TriggerHit& hit,
                             bool infinitive = true);
    bool available(const Analysis& a, std::size_t token, const TriggerHit& hit) const;
    bool available_place(const Analysis& a, std::size_t token, const TriggerHit& hit) const;
    static bool speech_verb(const std::string& key);
    bool protest_target(const Analysis& a, const TriggerHit& hit, std::size_t token) const;
    static std::pair<std::size_t, std::size_t>
    speaker_range(const Analysis& a, const TriggerHit& hit,
                  std::pair<std::size_t, std::size_t> clause);
    static bool chained_participle(const std::vector<Token>& tokens, const TriggerHit& hit);
    static const TriggerHit* main_predicate(const Analysis& a, const TriggerHit& hit,
                                            int quad_code);
    bool inside(const geoparse::Mention& inner, const geoparse::Mention& outer) const;
    const PlaceCandidate* best_place(const Analysis& a, const TriggerHit& hit,
                                     std::pair<std::size_t, std::size_t> range) const;
    bool eligible_place(const Analysis& a, const TriggerHit& hit, const PlaceCandidate& c,
                        std::pair<std::size_t, std::size_t> range,
                        const std::vector<bool>& same_kind, bool shared) const;
    bool better_place(const Analysis& a, const TriggerHit& hit, const PlaceCandidate& c,
                      const PlaceCandidate& best) const;
    static bool owned_by(const std::vector<Token>& tokens, const PlaceCandidate& owner,
                         const PlaceCandidate& owned);
    static bool fronted_apposition(const std::vector<Token>& tokens, const PlaceCandidate& earlier,
                                   const PlaceCandidate& later, const TriggerHit& hit);
    const PlaceCandidate* continuation_place(const Analysis& a, const TriggerHit& hit) const;
    static bool qualifies(const std::vector<Token>& tokens, const PlaceCandidate& earlier,
                          const PlaceCandidate& later);
    const geoparse::Mention* containing_place(const Analysis& a, const PlaceCandidate& u) const;
    void set_place(Event& ev, const geoparse::Mention& m) const;

    // date_choice.cpp: the time expressions of a sentence and the date a trigger takes (and the
    // paragraph's narrative date, update_narrative below)
    std::vector<const dates::TimeExpression*> expressions_of(const Analysis& a) const;
    const DateCandidate* best_date(const Analysis& a, const TriggerHit& hit,
                                   std::pair<std::size_t, std::size_t> range) const;
    bool after_publication(const dates::TimeExpression& e, const DateValue& v) const;
    bool future_in(const Analysis& a, std::pair<std::size_t, std::size_t> range) const;
    model::DateSource source_of(const dates::TimeExpression& e) const;
    void set_date(Event& ev, const DateValue& v) const;
    std::size_t codepoint_of(const Sentence& s, std::size_t byte) const;
    struct Narrative {
        DateValue value;
        model::DateSource source;
    };
    void update_narrative(const Analysis& a);

    std::optional<std::pair<std::size_t, std::size_t>> forced_; // event_at's byte span
    Trigger forced_trigger_;
    const EventLexicon& lex_;
    const ExtractOptions& options_;
    const Article& article_;
    const std::vector<geoparse::Mention>& mentions_;
    const dates::DateResult& dates_;
    std::string hash_;
    std::vector<Analysis> analyses_;
    std::unordered_map<std::string, Person> people_;
    // Country code -> the name of the article's first country-level place mention of it, built
    // on first use (country_name): an actor then costs a look-up, not a scan of every mention,
    // which made a long article quadratic.
    std::optional<std::unordered_map<std::string, std::string>> country_names_;
    const geoparse::Mention* dateline_ = nullptr;
    const geoparse::Mention* paragraph_place_ = nullptr; // last located event's, this paragraph
    std::optional<Narrative> narrative_;
    std::vector<std::string> last_actors_; // of the previous event, for pronoun subjects
    std::vector<Event> events_;
};

} // namespace eventmap::events
