#include "common/error.hpp"

namespace eventmap {

std::string Error::located() const {
    std::string out;
    if (!file_.empty()) {
        out += file_;
        if (line_ > 0) {
            out += ':' + std::to_string(line_);
        }
        out += ": ";
    }
    out += what();
    return out;
}

} // namespace eventmap
