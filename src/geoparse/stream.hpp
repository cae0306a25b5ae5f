// Many articles through one Geoparser on several threads, output in input order, memory
// bounded by one batch of articles (a few MB) whatever the input size.
#pragma once

#include "common/article.hpp"
#include "geoparse/geoparser.hpp"

#include <cstddef>
#include <functional>
#include <ostream>

namespace eventmap::geoparse {

struct StreamStats {
    std::size_t articles = 0;
    std::size_t mentions = 0;
    std::size_t bytes = 0;          // article text read
    std::size_t empty_articles = 0; // articles with no text at all
    std::size_t invalid_utf8 = 0;   // replacements made while reading (from the reader)
    std::size_t skipped_lines = 0;  // malformed jsonl lines skipped under keep_going
};

struct StreamOptions {
    unsigned threads = 1;
    std::size_t batch_articles = 256;   // per thread
    std::size_t batch_bytes = 32 << 20; // a batch ends early past this much text
};

// Reads every article from `reader`, parses with `threads` workers, and writes one JSON line
// per mention (mention_json.hpp) to `out`, articles in input order. Errors from the reader
// (InputError) propagate after the articles before them were written.
StreamStats geoparse_stream(const Geoparser& parser, ArticleReader& reader, std::ostream& out,
                            const StreamOptions& options = {});

} // namespace eventmap::geoparse
