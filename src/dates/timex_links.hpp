// The links TimeML draws between temporal expressions once their values are known: each
// expression's tid, the tid its value was computed from (anchorTimeID), and ranges written as
// two dates ("from 2009 to 2011"), which TimeML annotates as the two dates plus a non-consuming
// DURATION between them.
#pragma once

#include "dates/resolver.hpp"
#include "dates/time_expression.hpp"

#include <string_view>
#include <vector>

namespace eventmap::dates {

// Gives result.expressions their tids (t1, t2... in text order) and, from the resolutions (one
// per expression, same order), their anchorTimeIDs and the tids of an anchored duration's ends.
// "t0" is the publication date and is used only when result.published has a value.
void assign_timex_ids(DateResult& result, const std::vector<Resolution>& resolutions);

// Finds the ranges among result.expressions ("from X to Y", "between X and Y", "from X through
// Y": both ends DATEs of the same granularity, the first not after the second), gives a first
// end without its own year the second's year ("from May 3 to May 9, 2012"), and appends them to
// result.ranges with tids after the expressions'. Call after assign_timex_ids.
void link_ranges(std::string_view text, DateResult& result);

// The length of the range between two DATE values of the same granularity (years, quarters,
// months or days): "2009", "2011" → P2Y; "2013-05-03", "2013-05-09" → P6D. Empty when the values
// differ in granularity, are not calendar dates or the second is before the first.
std::string range_duration(const std::string& first, const std::string& second);

} // namespace eventmap::dates
