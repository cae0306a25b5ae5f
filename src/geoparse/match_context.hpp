// The words around a match that the recognition filters and the person cues read.
#pragma once

#include "geoparse/document.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace eventmap::geoparse::detail {

// The word directly before/after a match, when no punctuation separates them.
inline std::optional<std::size_t> word_before(const Document& doc, std::size_t first) {
    if (first == 0 || doc.is_barrier(first - 1)) {
        return std::nullopt;
    }
    return first - 1;
}

inline std::optional<std::size_t> word_after(const Document& doc, std::size_t last) {
    if (last + 1 >= doc.tokens.size() || doc.is_barrier(last + 1)) {
        return std::nullopt;
    }
    return last + 1;
}

// "Canada's Broadcasting Corporation", "Wichita's Wesley Medical Center": a possessive closes
// the name; what follows belongs to the place, it does not extend its name.
inline bool possessive(const Document& doc, const Match& m) {
    const std::string_view after = doc.text.substr(doc.tokens[m.last].end, 4);
    return starts_with(after, "'s") || starts_with(after, "\u2019s");
}

} // namespace eventmap::geoparse::detail
