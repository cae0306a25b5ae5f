#include "common/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace eventmap::detail {

void assertion_failed(const char* expression, const char* message, const char* file,
                      int line) noexcept {
    std::fprintf(stderr, "eventmap: assertion failed: %s (%s) at %s:%d\n", expression, message,
                 file, line);
    std::abort();
}

} // namespace eventmap::detail
