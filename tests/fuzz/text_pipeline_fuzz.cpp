// The whole text pipeline (geoparse, dates, events) on arbitrary bytes, as an article from the
// open web would reach it: invalid UTF-8 sanitised, then every stage. Checks the spans each
// stage reports stay inside the text, in order, and that their text is what they point at.
#include "common/article.hpp"
#include "common/utf8.hpp"
#include "events/extractor.hpp"
#include "fuzz_support.hpp"
#include "geoparse/geoparser.hpp"

#include <cstdio>
#include <cstdlib>

using namespace eventmap;

namespace {

const events::EventExtractor& extractor() {
    static const geoparse::Geoparser parser(fuzz::fuzz_gazetteer());
    static const events::EventExtractor extractor(parser);
    return extractor;
}

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz finding: invariant broken: %s\n", what);
        std::abort();
    }
}

void check(const std::string& text, const events::ArticleEvents& r) {
    std::size_t previous = 0;
    for (const auto& m : r.mentions) {
        require(m.byte_start < m.byte_end && m.byte_end <= text.size(), "mention span in text");
        require(m.byte_start >= previous, "mentions in text order, not overlapping");
        require(m.start < m.end, "mention code-point span");
        require(m.confidence >= 0 && m.confidence <= 1, "mention confidence in 0..1");
        previous = m.byte_end;
    }
    for (const auto& e : r.dates.expressions) {
        require(e.byte_start < e.byte_end && e.byte_end <= text.size(), "date span in text");
        require(e.text == text.substr(e.byte_start, e.byte_end - e.byte_start), "date text");
    }
    for (const auto& ev : r.events) {
        require(!ev.id.empty() && ev.event != model::PloverType::none, "event id and type");
        require(!ev.sources.empty(), "event has a source sentence");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    extractor(); // build the fixture index and load the lexicons before the first input
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Article article;
    article.id = "fuzz";
    auto sanitized = utf8::sanitize(std::string_view(reinterpret_cast<const char*>(data), size));
    article.text = std::move(sanitized.text);
    // The article's own publication date changes which paths the date resolver takes.
    if (size > 0 && (data[0] & 1) != 0) {
        article.published = "2014-03-01";
    }
    fuzz::expect_clean([&] { check(article.text, extractor().process(article)); });
    return 0;
}
