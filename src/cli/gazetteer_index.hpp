// The command line's way to open a gazetteer index: a missing, corrupt or stale default index
// is rebuilt here, with a message on stderr, before the command runs. Library code (and a UI
// thread) never rebuilds: it opens with gazetteer::Gazetteer::open and gets a DataError.
#pragma once

#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"

#include <string>

namespace eventmap::cli {

// Opens the index at `index_path`; when it is missing, corrupt or stale and `rebuild` is set,
// rebuilds it from `sources` first (saying so on stderr). Without `rebuild` a stale or corrupt
// index is refused with a DataError. Sources that are not there (an installed copy) leave the
// index as it is.
gazetteer::Gazetteer open_or_build(const std::string& index_path,
                                   const gazetteer::SourcePaths& sources, bool rebuild);

} // namespace eventmap::cli
