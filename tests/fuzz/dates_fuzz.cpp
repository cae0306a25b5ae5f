// The date tagger alone on arbitrary bytes: it is fast, so this target reaches far deeper into
// the grammar than the whole pipeline can in the same time. Expressions stay inside the text,
// in order, never overlapping, each with a value.
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"
#include "fuzz_support.hpp"

using namespace eventmap;

namespace {

void check(const std::string& text, const dates::DateResult& r) {
    std::size_t previous = 0;
    for (const auto& e : r.expressions) {
        fuzz::require_invariant(e.byte_start < e.byte_end && e.byte_end <= text.size(),
                                "span inside the text");
        fuzz::require_invariant(e.byte_start >= previous, "in order, not overlapping");
        fuzz::require_invariant(e.start <= e.end, "code-point span");
        fuzz::require_invariant(e.text == text.substr(e.byte_start, e.byte_end - e.byte_start),
                                "text of span");
        fuzz::require_invariant(!e.value.empty(), "a value");
        previous = e.byte_end;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte picks the options; the rest is the text.
    dates::DateOptions options;
    if ((data[0] & 1) != 0) {
        options.published = "2013-09-13";
    }
    if ((data[0] & 2) != 0) {
        options.numeric_order = dates::NumericOrder::day_first;
    }
    options.infer_published = (data[0] & 4) != 0;
    const std::string text =
        utf8::sanitize(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)).text;
    fuzz::expect_clean([&] { check(text, dates::tag_text(text, options)); });
    return 0;
}
