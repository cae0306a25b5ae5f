// Shared by the geoparse tests: the default gazetteer index (built once if missing) and a
// Geoparser over it, plus small lookups over a parse result.
#pragma once

#include "cli/gazetteer_index.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eventmap::test {

// The default index, rebuilt when its sources changed. A failed rebuild fails the tests (the
// exception propagates): a stale index would test yesterday's gazetteer and pass.
inline gazetteer::Gazetteer open_test_index() {
    return cli::open_or_build(gazetteer::default_index_path(), gazetteer::default_sources(), true);
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
