// Turns recognised Mentions into TIMEX3 values against a reference date (the publication date)
// and the narrative anchor (the last day the text itself mentioned, for "two days later").
#pragma once

#include "dates/mention.hpp"

#include <optional>
#include <string>

namespace eventmap::dates {

struct Resolution {
    std::string value;
    std::string anchor;        // what the value was resolved against
    bool future = false;       // after the reference, or said in a future clause
    std::optional<long> day;   // the resolved day (days since 1970) when the value is a day
    std::optional<long> first; // first day of the resolved period (day, week, month, year...)
};

class Resolver {
  public:
    // `reference`: the publication day, or nullopt when unknown (values then keep XXXX).
    explicit Resolver(std::optional<long> reference) : reference_(reference) {}

    // Resolves mentions in text order; updates the narrative anchor as it goes.
    Resolution resolve(const Mention& m);

  private:
    Resolution resolve_base(const Mention& m);

    std::optional<long> reference_;
    std::optional<long> narrative_;
    std::uint32_t narrative_sentence_ = 0;
    std::string narrative_period_; // last month/quarter value ("2009-01", "2009-Q3")
};

// First day of the period a TIMEX3 date value names (2013, 2013-08, 2013-W37, 2013-Q3,
// 2013-08-21, 2013-08-21TNI); nullopt for anything else.
std::optional<long> period_start(const std::string& value);

} // namespace eventmap::dates
