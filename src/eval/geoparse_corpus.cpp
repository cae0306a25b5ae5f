// Gold corpus reading. Sections: 1. element collection  2. span alignment  3. entry points.
#include "eval/geoparse_corpus.hpp"

#include "common/article.hpp"
#include "common/error.hpp"
#include "common/utf8.hpp"
#include "eval/dates_xml.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace eventmap::eval {

namespace {

// ---- 1. Element collection -------------------------------------------------------------------

struct RawToponym {
    std::optional<long long> start, end;
    std::string name, phrase, type;
    std::optional<double> lat, lon;
    std::uint64_t line = 0;
};

struct RawArticle {
    std::string id;
    std::string text;
    std::vector<RawToponym> toponyms;
    std::uint64_t line = 0;
};

std::optional<double> to_number(const std::string& s) {
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str()) {
        return std::nullopt;
    }
    return v;
}

bool is_toponym_element(const std::string& name) {
    return name == "toponym" || name == "location";
}

std::vector<RawArticle> collect(const std::string& xml, const std::string& source) {
    XmlReader reader(xml, source);
    XmlEvent ev;
    std::vector<RawArticle> articles;
    std::vector<std::string> stack;
    std::string text; // character data of the innermost open element
    bool in_article = false;
    bool in_toponym = false;
    int toponym_depth = 0;
    while (reader.next(ev)) {
        if (ev.kind == XmlEvent::Kind::start) {
            stack.push_back(ev.name);
            text.clear();
            if (ev.name == "article") {
                in_article = true;
                articles.emplace_back();
                articles.back().line = ev.line;
                static const std::string none;
                articles.back().id = ev.attribute("docid", ev.attribute("id", none));
            } else if (in_article && is_toponym_element(ev.name)) {
                // GeoVirus nests a stray <location> in a few places: an element that opens
                // inside one still empty is the same toponym.
                auto& list = articles.back().toponyms;
                if (toponym_depth == 0 || list.empty() || list.back().start || list.back().end) {
                    list.emplace_back();
                    list.back().line = ev.line;
                }
                ++toponym_depth;
                in_toponym = true;
            }
            continue;
        }
        if (ev.kind == XmlEvent::Kind::text) {
            text += ev.text;
            continue;
        }
        // End tag.
        const std::string name = ev.name;
        if (!stack.empty()) {
            stack.pop_back();
        }
        if (!in_article) {
            continue;
        }
        RawArticle& a = articles.back();
        if (name == "article") {
            in_article = false;
            toponym_depth = 0;
            auto& list = a.toponyms;
            list.erase(std::remove_if(list.begin(), list.end(),
                                      [](const RawToponym& t) {
                                          return !t.start && !t.end && t.name.empty() &&
                                                 t.phrase.empty();
                                      }),
                       list.end());
        } else if (is_toponym_element(name)) {
            toponym_depth = toponym_depth > 0 ? toponym_depth - 1 : 0;
            in_toponym = toponym_depth > 0;
        } else if (in_toponym) {
            // ...and fields written straight into that outer element after its inner ones
            // closed start a toponym of their own.
            if ((name == "name" && !a.toponyms.back().name.empty()) ||
                (name == "start" && a.toponyms.back().start)) {
                a.toponyms.emplace_back();
                a.toponyms.back().line = ev.line;
            }
            RawToponym& t = a.toponyms.back();
            if (name == "start") {
                if (const auto v = to_number(text)) {
                    t.start = static_cast<long long>(*v);
                }
            } else if (name == "end") {
                if (const auto v = to_number(text)) {
                    t.end = static_cast<long long>(*v);
                }
            } else if (name == "lat" || name == "latitude") {
                t.lat = to_number(text);
            } else if (name == "lon" || name == "longitude" || name == "lng") {
                t.lon = to_number(text);
            } else if (name == "phrase") {
                t.phrase = text;
            } else if (name == "type") {
                t.type = text;
            } else if (name == "name" && t.name.empty()) {
                t.name = text;
            }
        } else if (name == "text") {
            a.text = text;
        } else if ((name == "docid" || name == "id") && a.id.empty()) {
            a.id = text;
        } else if (name == "source" && a.id.empty()) {
            a.id = text;
        }
        text.clear();
    }
    return articles;
}

// ---- 2. Span alignment -------------------------------------------------------------------------

// Byte offset of every code point of `text` (plus the end), for slicing by code points.
std::vector<std::size_t> codepoint_bytes(const std::string& text) {
    std::vector<std::size_t> at;
    at.reserve(text.size() + 1);
    std::size_t i = 0;
    while (i < text.size()) {
        at.push_back(i);
        utf8::next(text, i);
    }
    at.push_back(text.size());
    return at;
}

std::string slice(const std::string& text, const std::vector<std::size_t>& at, long long start,
                  long long end) {
    const auto n = static_cast<long long>(at.size()) - 1;
    if (start < 0 || end > n || start >= end) {
        return {};
    }
    const std::size_t b = at[static_cast<std::size_t>(start)];
    return text.substr(b, at[static_cast<std::size_t>(end)] - b);
}

// GeoWebNews types that are not scored as toponyms: expressions around them, words that are
// not toponyms, and demonyms and language names (the geoparser reports demonyms apart, as
// type demonym, and they are not counted as predictions either).
bool counted_type(const std::string& type) {
    static const char* const skipped[] = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression",
                                          "Demonym", "Language"};
    for (const char* s : skipped) {
        if (type == s) {
            return false;
        }
    }
    return true;
}

} // namespace

// ---- 3. Entry points
// -----------------------------------------------------------------------------

GeoCorpusFormat detect_geo_corpus_format(const std::string& xml) {
    if (xml.find("<locations>") != std::string::npos ||
        xml.find("<location>") != std::string::npos) {
        return GeoCorpusFormat::geovirus;
    }
    if (xml.find("<gaztag") != std::string::npos) {
        return GeoCorpusFormat::lgl;
    }
    return GeoCorpusFormat::gwn;
}

GoldCorpus parse_geo_corpus(const std::string& raw, GeoCorpusFormat format,
                            const std::string& source) {
    const auto sanitized = utf8::sanitize(raw);
    GoldCorpus corpus;
    const long long shift = format == GeoCorpusFormat::geovirus ? -1 : 0;
    std::size_t number = 0;
    for (RawArticle& a : collect(sanitized.text, source)) {
        ++number;
        GoldArticle out;
        out.id = a.id.empty() ? source + "#" + std::to_string(number) : a.id;
        out.text = std::move(a.text);
        const auto at = codepoint_bytes(out.text);
        for (const RawToponym& t : a.toponyms) {
            if (!t.start || !t.end) {
                throw InputError("toponym without a numeric <start> and <end>", source, t.line);
            }
            if (!counted_type(t.type)) {
                ++corpus.other_types;
                continue;
            }
            if (!t.lat || !t.lon) {
                ++corpus.without_coordinates;
                continue;
            }
            const std::string& expected = t.phrase.empty() ? t.name : t.phrase;
            long long start = *t.start + shift;
            long long end = *t.end + shift;
            if (!expected.empty() && slice(out.text, at, start, end) != expected) {
                bool fixed = false;
                for (long long d : {-1LL, 1LL, -2LL, 2LL}) {
                    if (slice(out.text, at, start + d, end + d) == expected) {
                        start += d;
                        end += d;
                        fixed = true;
                        break;
                    }
                }
                ++(fixed ? corpus.realigned : corpus.misaligned);
            }
            const auto n = static_cast<long long>(at.size()) - 1;
            if (start < 0 || end > n || start >= end) {
                throw InputError("toponym span outside its article's text", source, t.line);
            }
            GoldToponym g;
            g.start = static_cast<std::size_t>(start);
            g.end = static_cast<std::size_t>(end);
            g.name = expected;
            g.position = LatLon{*t.lat, *t.lon};
            out.toponyms.push_back(std::move(g));
        }
        corpus.toponyms += out.toponyms.size();
        corpus.articles.push_back(std::move(out));
    }
    return corpus;
}

GoldCorpus read_geo_corpus(const std::string& path, GeoCorpusFormat format) {
    return parse_geo_corpus(read_text_file(path), format, path);
}

CorpusHalves split_dev_test(const GoldCorpus& corpus) {
    CorpusHalves halves;
    for (std::size_t i = 0; i < corpus.articles.size(); ++i) {
        GoldCorpus& half = i % 2 == 0 ? halves.dev : halves.test;
        half.articles.push_back(corpus.articles[i]);
        half.toponyms += corpus.articles[i].toponyms.size();
    }
    return halves;
}

} // namespace eventmap::eval
