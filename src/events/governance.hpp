// Whether a place phrase is governed by a trigger or belongs to another predicate of the
// sentence. News sentences chain clauses without commas: "troops detained a man who had
// fought in Ostrava", "the mayor was shot and later died in a Lindau hospital", "he was
// arrested as protesters marched through Velden". A place inside a relative clause, after a
// coordinated verb or inside a subordinate clause with its own verb says where that other
// thing happened, not the trigger's event.
#pragma once

#include "events/token.hpp"

#include <cstddef>
#include <vector>

namespace eventmap::events {

// Whether a word is a finite verb or an auxiliary by its form alone: the auxiliaries and
// verbs of saying, or a past form ("-ed" or a common irregular past) that is not used as an
// adjective right before a noun phrase ("the armed men", "rebel-held towns").
bool verb_like(const std::vector<Token>& tokens, std::size_t k);

// Tokens [first, last] are a place phrase, [trigger_first, trigger_last] the trigger;
// `event_word[k]`: token k is an event trigger of the same kind (coordinated triggers such as
// "killed and wounded" share their place). True when a clause boundary without a comma lies
// between them: a relative pronoun, a coordinated other verb, or a subordinator opening a
// clause with its own verb.
bool other_predicate_between(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                             std::size_t trigger_first, std::size_t trigger_last,
                             const std::vector<bool>& event_word);

} // namespace eventmap::events
