// Shared by the geoparse tests: the default gazetteer index (built once if missing) and a
// Geoparser over it, plus small lookups over a parse result.
#pragma once

#include "common/article.hpp"
#include "common/error.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::test {

// The default index, rebuilt when its sources changed. When the rebuild itself fails (a
// teammate's half-edited supplement.tsv in a shared checkout) the existing index is used, with
// a warning, so the geoparser's tests test the geoparser.
inline gazetteer::Gazetteer open_test_index() {
    try {
        return gazetteer::open_or_build(gazetteer::default_index_path(),
                                        gazetteer::default_sources(), true);
    } catch (const Error& e) {
        std::cerr << "WARNING: gazetteer rebuild failed (" << e.located()
                  << "); using the existing index as it is\n";
        return gazetteer::Gazetteer::open(gazetteer::default_index_path());
    }
}

inline const gazetteer::Gazetteer& default_gazetteer() {
    static const gazetteer::Gazetteer g = open_test_index();
    return g;
}

// `--index PATH ` for CLI runs: the index default_gazetteer() opened, used as it is.
inline std::string index_option() {
    default_gazetteer();
    return "--index '" + gazetteer::default_index_path() + "' ";
}

inline const geoparse::Geoparser& default_geoparser() {
    static const geoparse::Geoparser parser(default_gazetteer());
    return parser;
}

inline Article article_of(const std::string& text, const std::string& id = "test") {
    Article a;
    a.id = id;
    a.text = text;
    return a;
}

// Mentions whose text is exactly `surface`.
inline std::vector<geoparse::Mention> mentions_of(const std::vector<geoparse::Mention>& all,
                                                  const std::string& surface) {
    std::vector<geoparse::Mention> out;
    for (const auto& m : all) {
        if (m.text == surface) {
            out.push_back(m);
        }
    }
    return out;
}

} // namespace eventmap::test
