#include "eval/dates_corpus.hpp"

#include "common/article.hpp"
#include "common/error.hpp"
#include "eval/dates_xml.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

namespace eventmap::eval {

namespace {

// Joins corpus tokens into readable text: no space before closing punctuation and clitics,
// none after opening brackets, so the tagger sees "August 21, 2013" as a reader would.
bool glue_left(const std::string& token) {
    static const char* const closers[] = {",",   ".",   ";",  ":",  "!",  "?",   ")",
                                          "]",   "}",   "%",  "'s", "'S", "n't", "'re",
                                          "'ve", "'ll", "'d", "'m", "''", "'"};
    for (const char* c : closers) {
        if (token == c) {
            return true;
        }
    }
    return false;
}

bool glue_right(const std::string& token) {
    return token == "(" || token == "[" || token == "{" || token == "``" || token == "$";
}

} // namespace

GoldDocument read_meantime(const std::string& path) {
    const std::string xml = read_text_file(path);
    XmlReader reader(xml, path);
    GoldDocument doc;
    doc.path = path;

    struct Tok {
        std::string id;
        long sentence = 0;
        std::string text;
    };
    std::vector<Tok> tokens;
    struct Markable {
        std::string type;
        std::string value;
        std::string function;
        std::vector<std::string> anchors;
    };
    std::vector<Markable> timexes;

    XmlEvent e;
    bool in_token = false;
    bool in_markables = false;
    std::vector<std::string> annotated_tokens; // every token any markable points at
    Markable* current = nullptr;
    const std::string empty;
    while (reader.next(e)) {
        if (e.kind == XmlEvent::Kind::start) {
            if (e.name == "Document") {
                doc.id = e.attribute("doc_id", empty);
            } else if (e.name == "token") {
                Tok t;
                t.id = e.attribute("t_id", empty);
                // A missing or malformed number reads as sentence 0, as atol did.
                const std::string& number = e.attribute("sentence", empty);
                t.sentence = 0;
                std::from_chars(number.data(), number.data() + number.size(), t.sentence);
                tokens.push_back(std::move(t));
                in_token = true;
            } else if (e.name == "TIMEX3") {
                timexes.push_back(Markable{e.attribute("type", empty),
                                           e.attribute("value", empty),
                                           e.attribute("functionInDocument", empty),
                                           {}});
                current = &timexes.back();
            } else if (e.name == "Markables") {
                in_markables = true;
            }
            if (e.name == "token_anchor" && current != nullptr) {
                current->anchors.push_back(e.attribute("t_id", empty));
            }
            if (e.name == "token_anchor" && in_markables) {
                annotated_tokens.push_back(e.attribute("t_id", empty));
            }
        } else if (e.kind == XmlEvent::Kind::end) {
            if (e.name == "token") {
                in_token = false;
            } else if (e.name == "TIMEX3") {
                current = nullptr;
            } else if (e.name == "Markables") {
                in_markables = false;
            }
        } else if (in_token && !tokens.empty()) {
            tokens.back().text += e.text;
        }
    }
    if (doc.id.empty()) {
        doc.id = std::filesystem::path(path).stem().string();
    }

    std::map<std::string, std::pair<std::size_t, std::size_t>> spans;
    std::map<std::string, std::size_t> sentence_of; // token id -> index into doc.sentences
    long sentence = -1;
    bool no_space = false;
    for (const Tok& t : tokens) {
        if (t.sentence != sentence) {
            if (!doc.text.empty()) {
                doc.sentences.back().second = doc.text.size();
                doc.text += '\n';
            }
            doc.sentences.emplace_back(doc.text.size(), doc.text.size());
            sentence = t.sentence;
        } else if (!no_space && !glue_left(t.text)) {
            doc.text += ' ';
        }
        const std::size_t begin = doc.text.size();
        doc.text += t.text;
        spans[t.id] = {begin, doc.text.size()};
        sentence_of[t.id] = doc.sentences.size() - 1;
        no_space = glue_right(t.text);
    }
    if (!doc.sentences.empty()) {
        doc.sentences.back().second = doc.text.size();
    }
    std::size_t last_annotated = 0;
    bool any_annotated = false;
    for (const std::string& id : annotated_tokens) {
        if (auto it = sentence_of.find(id); it != sentence_of.end()) {
            last_annotated = std::max(last_annotated, it->second);
            any_annotated = true;
        }
    }
    if (any_annotated) {
        doc.annotated_end = doc.sentences[last_annotated].second;
    }
    for (const Markable& m : timexes) {
        std::size_t begin = std::string::npos;
        std::size_t end = 0;
        for (const std::string& a : m.anchors) {
            auto it = spans.find(a);
            if (it == spans.end()) {
                continue;
            }
            begin = std::min(begin, it->second.first);
            end = std::max(end, it->second.second);
        }
        if (m.function == "CREATION_TIME") {
            doc.creation_time = m.value;
        }
        if (begin == std::string::npos) {
            continue; // a TIMEX3 not anchored in the text (e.g. an implicit date)
        }
        doc.timexes.push_back({begin, end, m.type, m.value, m.function == "CREATION_TIME"});
    }
    return doc;
}

GoldDocument read_timeml(const std::string& path) {
    const std::string xml = read_text_file(path);
    XmlReader reader(xml, path);
    GoldDocument doc;
    doc.path = path;
    XmlEvent e;
    bool in_text = false;
    bool in_dct = false;
    bool in_docid = false;
    std::vector<GoldTimex> open; // TIMEX3 inside TEXT (never nested in valid TimeML)
    const std::string empty;
    while (reader.next(e)) {
        if (e.kind == XmlEvent::Kind::start) {
            if (e.name == "TEXT") {
                in_text = true;
            } else if (e.name == "DCT") {
                in_dct = true;
            } else if (e.name == "DOCID") {
                in_docid = true;
            } else if (e.name == "TIMEX3") {
                if (in_dct || e.attribute("functionInDocument", empty) == "CREATION_TIME") {
                    if (doc.creation_time.empty()) {
                        doc.creation_time = e.attribute("value", empty);
                    }
                }
                if (in_text) {
                    GoldTimex t;
                    t.byte_begin = doc.text.size();
                    t.type = e.attribute("type", empty);
                    t.value = e.attribute("value", empty);
                    t.creation_time = e.attribute("functionInDocument", empty) == "CREATION_TIME";
                    open.push_back(std::move(t));
                }
            } else if (e.name == "s" && in_text) {
                doc.sentences.emplace_back(doc.text.size(), doc.text.size());
            }
        } else if (e.kind == XmlEvent::Kind::end) {
            if (e.name == "TEXT") {
                in_text = false;
            } else if (e.name == "DCT") {
                in_dct = false;
            } else if (e.name == "DOCID") {
                in_docid = false;
            } else if (e.name == "TIMEX3" && in_text && !open.empty()) {
                GoldTimex t = std::move(open.back());
                open.pop_back();
                t.byte_end = doc.text.size();
                if (t.byte_end > t.byte_begin) {
                    doc.timexes.push_back(std::move(t));
                }
            } else if (e.name == "s" && in_text) {
                if (!doc.sentences.empty()) {
                    doc.sentences.back().second = doc.text.size();
                }
                doc.text += '\n'; // sentence elements carry no whitespace between them
            }
        } else if (in_text) {
            doc.text += e.text;
        } else if (in_docid) {
            doc.id += e.text;
        }
    }
    if (doc.id.empty()) {
        doc.id = std::filesystem::path(path).stem().string();
    }
    std::sort(doc.timexes.begin(), doc.timexes.end(),
              [](const GoldTimex& a, const GoldTimex& b) { return a.byte_begin < b.byte_begin; });
    return doc;
}

std::vector<std::string> corpus_files(const std::string& path, CorpusFormat format) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError("no such file or directory", path);
    }
    std::vector<std::string> files;
    auto wanted = [&](const fs::path& p) {
        const std::string ext = p.extension().string();
        return format == CorpusFormat::meantime ? ext == ".xml" : (ext == ".tml" || ext == ".xml");
    };
    if (fs::is_directory(path, ec)) {
        for (auto it = fs::recursive_directory_iterator(path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && wanted(it->path())) {
                files.push_back(it->path().string());
            }
        }
        if (ec) {
            throw InputError("cannot list directory: " + ec.message(), path);
        }
    } else {
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        throw InputError(std::string("no ") +
                             (format == CorpusFormat::meantime ? ".xml" : ".tml/.xml") +
                             " corpus files found",
                         path);
    }
    return files;
}

CorpusFormat detect_format(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError("no such file or directory", path);
    }
    std::string first_xml;
    if (fs::is_directory(path, ec)) {
        for (auto it = fs::recursive_directory_iterator(path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string ext = it->path().extension().string();
            if (ext == ".tml") {
                return CorpusFormat::timeml;
            }
            if (ext == ".xml" && (first_xml.empty() || it->path().string() < first_xml)) {
                first_xml = it->path().string();
            }
        }
    } else if (fs::path(path).extension() == ".tml") {
        return CorpusFormat::timeml;
    } else {
        first_xml = path;
    }
    if (first_xml.empty()) {
        return CorpusFormat::meantime; // corpus_files reports the empty corpus
    }
    // A TimeML document's root is <TimeML>; a CAT file's is <Document>.
    const std::string head = read_text_file(first_xml).substr(0, 4096);
    return head.find("<TimeML") != std::string::npos ? CorpusFormat::timeml
                                                     : CorpusFormat::meantime;
}

} // namespace eventmap::eval
