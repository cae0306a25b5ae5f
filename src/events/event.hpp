// The events stage's names for the event model (src/model/event.hpp), which is a leaf that the
// store and the exports share without depending on this stage.
#pragma once

#include "model/event.hpp"

namespace eventmap::events {

using model::Event;
using model::EventLocation;
using model::EventSource;

} // namespace eventmap::events
