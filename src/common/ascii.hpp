// ASCII case folding for what is compared without case: file extensions, field and column
// names, keywords. Only A-Z change (std::tolower in the "C" locale the program runs in), so the
// bytes of a UTF-8 name are never touched and the result is as long as the input.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace eventmap {

inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace eventmap
