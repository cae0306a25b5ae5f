// The whole text pipeline (geoparse, dates, events) on arbitrary bytes, as an article from the
// open web would reach it: invalid UTF-8 sanitised, then every stage. Checks the spans each
// stage reports stay inside the text, in order, and that their text is what they point at.
#include "common/article.hpp"
#include "common/utf8.hpp"
#include "events/extractor.hpp"
#include "fuzz_support.hpp"
#include "geoparse/geoparser.hpp"

using namespace eventmap;

namespace {

const events::EventExtractor& extractor() {
    static const geoparse::Geoparser parser(fuzz::fuzz_gazetteer());
    static const events::EventExtractor extractor(parser);
    return extractor;
}

void check(const std::string& text, const events::ArticleEvents& r) {
    std::size_t previous = 0;
    for (const auto& m : r.mentions) {
        fuzz::require_invariant(m.byte_start < m.byte_end && m.byte_end <= text.size(),
                                "mention span in text");
        fuzz::require_invariant(m.byte_start >= previous,
                                "mentions in text order, not overlapping");
        fuzz::require_invariant(m.start < m.end, "mention code-point span");
        fuzz::require_invariant(m.confidence >= 0 && m.confidence <= 1,
                                "mention confidence in 0..1");
        previous = m.byte_end;
    }
    for (const auto& e : r.dates.expressions) {
        fuzz::require_invariant(e.byte_start < e.byte_end && e.byte_end <= text.size(),
                                "date span in text");
        fuzz::require_invariant(e.text == text.substr(e.byte_start, e.byte_end - e.byte_start),
                                "date text");
    }
    for (const auto& ev : r.events) {
        fuzz::require_invariant(!ev.id.empty() && ev.event != model::PloverType::none,
                                "event id and type");
        fuzz::require_invariant(!ev.sources.empty(), "event has a source sentence");
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
