// EventQuery as an OGR attribute filter (internal to src/store).
#pragma once

#include "store/event_store.hpp"

#include <string>

namespace eventmap::store {

// The attribute filter for a query's type and dates (empty: no restriction). The dates must
// have passed validate_query_date.
std::string where_clause(const EventQuery& query);

} // namespace eventmap::store
