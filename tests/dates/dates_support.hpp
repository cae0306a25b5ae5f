// Shared by the date tagger's tests: tagging a text against a publication date, finding one
// expression, and checking its value and type with the whole tagging in the failure message.
// Each test file keeps its own default publication date in thin wrappers.
#pragma once

#include "dates/date_tagger.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace eventmap::test {

inline dates::DateResult tag_dates(const std::string& text, const std::string& published) {
    dates::DateOptions options;
    options.published = published;
    return dates::tag_text(text, options);
}

// "[text = value] ..." for failure messages.
inline std::string listing(const dates::DateResult& r) {
    std::string out;
    for (const auto& e : r.expressions) {
        out += "[" + e.text + " = " + e.value + "] ";
    }
    return out;
}

inline const dates::TimeExpression* find(const dates::DateResult& r, const std::string& text) {
    for (const auto& e : r.expressions) {
        if (e.text == text) {
            return &e;
        }
    }
    return nullptr;
}

// `text` must be one expression of `sentence` with this value and type.
inline void check_expression(const std::string& sentence, const std::string& text,
                             const std::string& value, const std::string& type,
                             const std::string& published) {
    const auto r = tag_dates(sentence, published);
    INFO(sentence << " -> " << listing(r));
    const auto* e = find(r, text);
    REQUIRE(e != nullptr);
    CHECK(e->value == value);
    CHECK(dates::type_name(e->type) == type);
}

} // namespace eventmap::test
