// The article reader on arbitrary files, as jsonl (one article per line, strict and
// --keep-going) and as a plain-text article. Whatever it returns is valid UTF-8 and carries
// the line it came from; anything it refuses is an InputError.
#include "common/article.hpp"
#include "common/utf8.hpp"
#include "fuzz_support.hpp"

using namespace eventmap;

namespace {

void read_all(const std::string& path, ReaderOptions options) {
    ArticleReader reader({path}, options);
    Article a;
    std::uint64_t previous_line = 0;
    while (reader.next(a)) {
        fuzz::require_invariant(utf8::is_valid(a.text), "article text is valid UTF-8");
        fuzz::require_invariant(utf8::is_valid(a.id) && utf8::is_valid(a.title),
                                "fields are valid UTF-8");
        if (options.format == InputFormat::jsonl) {
            fuzz::require_invariant(a.source_line > previous_line, "jsonl lines numbered in order");
            previous_line = a.source_line;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fuzz::write_scratch("articles.jsonl", data, size);
    fuzz::expect_clean([&] { read_all(path, {InputFormat::jsonl, false}); });
    fuzz::expect_clean([&] { read_all(path, {InputFormat::jsonl, true}); });
    fuzz::expect_clean([&] { read_all(path, {InputFormat::txt, false}); });
    return 0;
}
