// Gold temporal annotations read from the two corpus formats we measure against:
// MEANTIME's CAT XML (tokens plus TIMEX3 markables pointing at token ids) and TimeML (TIMEX3
// tags inline in the TEXT element, the creation time in DCT). Both become plain text with gold
// spans in bytes of that text.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eventmap::eval {

enum class CorpusFormat { meantime, timeml };

struct GoldTimex {
    std::size_t byte_begin = 0; // in GoldDocument::text, end exclusive
    std::size_t byte_end = 0;
    std::string type; // DATE, TIME, DURATION, SET
    std::string value;
    bool creation_time = false; // the document's own date (the dateline) in the text
};

struct GoldDocument {
    std::string id;
    std::string path;
    std::string text;
    std::string creation_time; // the DCT value as annotated (may be malformed in the gold)
    std::vector<GoldTimex> timexes;
    std::vector<std::pair<std::size_t, std::size_t>> sentences; // byte ranges, by sentence id
    // Only text before this byte offset was annotated (MEANTIME annotates the title, the
    // dateline and the first sentences); system expressions after it are not scored.
    std::size_t annotated_end = std::string::npos;
};

// Parses one file. Throws InputError naming the file and line for malformed XML.
GoldDocument read_meantime(const std::string& path);
GoldDocument read_timeml(const std::string& path);

// All corpus files under `path` (a file, or a directory searched recursively for .xml / .tml),
// sorted by path. Throws InputError when the path does not exist or holds no such file.
std::vector<std::string> corpus_files(const std::string& path, CorpusFormat format);

// The format of a corpus file or directory: TimeML when it holds .tml files or its first .xml
// file has a TimeML root, MEANTIME CAT otherwise. Throws InputError when the path does not exist.
CorpusFormat detect_format(const std::string& path);

} // namespace eventmap::eval
