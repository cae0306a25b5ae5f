// The stable JSON form of a Mention: one line of `eventmap geoparse` output. Field order and
// names are the interface other tools parse (issue 3); change them only with a version bump.
#pragma once

#include "geoparse/mention.hpp"

#include <string>
#include <string_view>

namespace eventmap::geoparse {

std::string_view to_string(MentionType t);
std::string_view to_string(Role r);

// {"doc","start","end","text","name","lat","lon","gazetteer_id","country","feature","type",
//  "role","confidence","alternatives":[{"gazetteer_id","name","country","lat","lon","score"}]}
// without a trailing newline.
std::string to_json_line(std::string_view doc, const Mention& m);

} // namespace eventmap::geoparse
