// Articles in, one at a time: the input side every text stage (geoparse, dates, extract, ingest)
// shares. Streams jsonl so memory stays bounded by the largest single article, not the file.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventmap {

enum class InputFormat { txt, jsonl };

struct Article {
    std::string id;        // jsonl "id", or the file path for txt input ("-" for stdin)
    std::string text;      // valid UTF-8 (invalid bytes replaced with U+FFFD)
    std::string published; // as given ("2013-09-13"), empty when the input says nothing
    std::string title;
    std::string url;
    std::string dateline;
    std::size_t invalid_utf8 = 0;  // replacements made while reading
    std::string source_file;       // where it came from, for error messages
    std::uint64_t source_line = 0; // 1-based jsonl line; 0 for txt input
};

struct ReaderOptions {
    InputFormat format = InputFormat::txt;
    bool keep_going = false; // skip malformed jsonl lines instead of failing on the first
};

// Reads articles from files (or "-" for standard input) in order. Throws InputError naming the
// file and line for a missing/unreadable/binary file or (without keep_going) a malformed line.
// Hostile inputs: a directory stands for its *.txt (txt) or *.jsonl (jsonl) files in name
// order, not recursively; a FIFO is read as a stream like standard input; a device or socket
// is refused; a regular file that grows while read is refused (InputError) rather than read
// without end.
class ArticleReader {
  public:
    ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
    ~ArticleReader();
    ArticleReader(const ArticleReader&) = delete;
    ArticleReader& operator=(const ArticleReader&) = delete;

    // Fills `out` with the next article; false at the end of all inputs.
    bool next(Article& out);

    std::size_t skipped_lines() const { return skipped_; }
    std::size_t invalid_utf8() const { return invalid_utf8_; }

  private:
    bool open_next_input();
    bool next_jsonl(Article& out);
    void read_txt(Article& out);

    std::vector<std::string> inputs_;
    ReaderOptions options_;
    std::size_t input_index_ = 0;
    std::string current_name_;
    std::unique_ptr<std::ifstream> file_;
    std::istream* stream_ = nullptr;
    bool txt_pending_ = false;
    std::uint64_t line_ = 0;
    std::uint64_t limit_ = 0; // bytes a regular jsonl file had when opened; 0: a stream
    std::uint64_t read_ = 0;
    std::size_t skipped_ = 0;
    std::size_t invalid_utf8_ = 0;
};

// Whole-file read with the same checks (missing, unreadable, binary, a directory or device, a
// file growing while read); used by txt input.
std::string read_text_file(const std::string& path);

// The article files a directory stands for: its regular *.txt (or *.jsonl) files, sorted by
// name. Throws InputError when it cannot be listed or holds none.
std::vector<std::string> expand_directory(const std::string& path, InputFormat format);

} // namespace eventmap
