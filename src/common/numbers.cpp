#include "common/numbers.hpp"

#include <charconv>
#include <cmath>

namespace eventmap {

std::string format_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string format_fixed(double value, int decimals) {
    char buffer[512]; // fixed notation of a large double needs over 300 digits
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (result.ec != std::errc()) {
        return format_number(value);
    }
    return std::string(buffer, result.ptr);
}

std::optional<double> parse_number(std::string_view text) {
    // from_chars takes no '+'; a leading '+' is still a number to a user.
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '-') {
            return std::nullopt;
        }
    }
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

} // namespace eventmap
