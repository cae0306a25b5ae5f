// Where eventmap finds its run-time data (assets/: lexicons, known events, samples, the
// attribution line; shaders/; an installed gazetteer index), in this order:
//   1. $EVENTMAP_DATA_DIR
//   2. <folder of the running binary>/../share/eventmap, when it holds assets/ (the layout
//      `cmake --install` makes: bin/eventmap, share/eventmap/assets/...)
//   3. the checkout the binary was built from (a build tree's binary)
#pragma once

#include <string>

namespace eventmap {

std::string data_dir();
// data_dir() + "/assets/" + relative.
std::string asset_path(const std::string& relative);
// Whether data_dir() is an installed copy (1 or 2 above) rather than the checkout.
bool data_dir_is_installed();

} // namespace eventmap
