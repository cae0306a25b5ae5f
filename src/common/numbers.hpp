// Numbers as text, the same in every locale: std::to_chars / std::from_chars, never printf,
// strtod or std::stod, which follow setlocale (GUI toolkits call it) and would write "P2,5Y"
// or read "2.5" as 2 under a comma-decimal locale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eventmap {

// Shortest text that reads back to the same double ("2.5", "0.1", "1e-07").
std::string format_number(double value);
// Fixed notation with `decimals` digits after the point ("33.5100" for 4).
std::string format_fixed(double value, int decimals);
// The whole of `text` as a decimal number (optional sign, digits, point, exponent);
// nullopt for anything else, including leading spaces, "inf" and "nan".
std::optional<double> parse_number(std::string_view text);

} // namespace eventmap
