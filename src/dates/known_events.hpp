// Named events with a known calendar day ("the September 11 attacks" -> 2001-09-11), loaded
// from assets/dates/known_events.tsv, matched token by token by the date grammar.
#pragma once

#include "dates/lexer.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventmap::dates {

struct KnownEvent {
    std::vector<std::string> tokens; // lowercase token texts of the phrase
    std::string name;                // the phrase as written in the lexicon
    long day = 0;                    // days since 1970-01-01
    // The name itself reads as a date ("September 11 attacks", "9/11", "Black Monday"), so it
    // is reported on its own; other names ("Hurricane Katrina") only anchor "a day after X".
    bool date_like = false;
};

class KnownEvents {
  public:
    KnownEvents() = default;
    // The index holds views into events_, which a copy would not carry over; moves keep the
    // element storage in place.
    KnownEvents(const KnownEvents&) = delete;
    KnownEvents& operator=(const KnownEvents&) = delete;
    KnownEvents(KnownEvents&&) = default;
    KnownEvents& operator=(KnownEvents&&) = default;

    // Parses the TSV text; throws DataError naming `source` and the line for a malformed row.
    static KnownEvents parse(std::string_view tsv, const std::string& source);
    // Reads and parses a lexicon file; throws DataError when missing or malformed.
    static KnownEvents load(const std::string& path);
    // The lexicon shipped in assets/dates/ of the source tree, loaded once (thread-safe).
    static const KnownEvents& builtin();

    // The longest event phrase starting at token i; its token count goes to `length`.
    const KnownEvent* match(std::string_view lower, const std::vector<Token>& tokens, std::size_t i,
                            std::size_t& length) const;

    std::size_t size() const { return events_.size(); }

  private:
    void build_index();

    std::vector<KnownEvent> events_;
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_first_token_;
    bool first_byte_[256] = {}; // cheap filter before hashing a token
};

} // namespace eventmap::dates
