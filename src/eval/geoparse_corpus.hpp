// Gold geoparsing corpora: articles with toponym spans and coordinates, read from the three
// XML schemas in use (LGL/TR-News, GeoVirus, GeoWebNews). Spans are normalised to 0-based
// code-point offsets, end exclusive, checked against the text.
#pragma once

#include "common/geo.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace eventmap::eval {

enum class GeoCorpusFormat {
    lgl,      // <article><text/><toponyms><toponym><start/><end/><gaztag><lat/><lon/>...
    geovirus, // <article><text/><locations><location><start/><end/><lat/><lon/>, offsets +1
    gwn,      // GeoWebNews: <article><text/><toponyms><toponym>... with lat/lon where resolved
};

struct GoldToponym {
    std::size_t start = 0; // code points, end exclusive
    std::size_t end = 0;
    std::string name;
    LatLon position;
};

struct GoldArticle {
    std::string id;
    std::string text;
    std::vector<GoldToponym> toponyms;
};

struct GoldCorpus {
    std::vector<GoldArticle> articles;
    std::size_t toponyms = 0;
    std::size_t without_coordinates = 0; // skipped: gold gives no point
    std::size_t other_types = 0;         // skipped: GeoWebNews demonyms, languages, non-toponyms
    std::size_t realigned = 0;           // spans off by one that the name put right
    std::size_t misaligned = 0;          // spans whose text differs from the name (kept)
};

// Guesses the format from the document's element names.
GeoCorpusFormat detect_geo_corpus_format(const std::string& xml);

// Reads the corpus. Throws InputError naming the file and line for malformed XML or a
// toponym without a numeric span.
GoldCorpus read_geo_corpus(const std::string& path, GeoCorpusFormat format);

// Parses a corpus already in memory (`source` names it in errors).
GoldCorpus parse_geo_corpus(const std::string& xml, GeoCorpusFormat format,
                            const std::string& source);

// The fixed split of a corpus into a dev half, where rules may be tuned, and a test half, where
// they are only measured: documents in file order, the 1st, 3rd, 5th... are dev, the 2nd,
// 4th, 6th... are test. By document, so no article's toponyms are in both halves; by position,
// so the split does not depend on ids or on the path the corpus was read from.
struct CorpusHalves {
    GoldCorpus dev;
    GoldCorpus test;
};
CorpusHalves split_dev_test(const GoldCorpus& corpus);

} // namespace eventmap::eval
