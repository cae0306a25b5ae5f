// What an input path is, checked before it is read (issue 13, hostile input), for every reader
// of user-named files (articles, gazetteer sources): a regular file is read up to the size it
// had when opened and refused if it grew meanwhile (a log being appended to would otherwise be
// read until memory runs out); a FIFO is read as a stream (`<(zcat a.gz)`); a directory is the
// caller's decision; devices and sockets are refused (/dev/zero would be read forever).
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

namespace eventmap {

struct InputKind {
    bool directory = false;
    bool regular = false;
    bool fifo = false;
    std::uint64_t size = 0; // regular files: bytes when classified
};

// Throws InputError naming the path when it is missing, unreadable, a device or a socket.
InputKind classify_input(const std::string& path);

// Throws InputError: the file had `size` bytes when opened and has more now.
[[noreturn]] void input_grew(const std::string& path, std::uint64_t size, std::uint64_t line = 0);

// A regular file or FIFO read line by line, refusing directories, devices and sockets up
// front and a regular file that grows while read. `what` names the input in messages ("gazetteer
// source") and `hint` says what to do when it is missing.
class LineInput {
  public:
    LineInput(const std::string& path, const std::string& what, const std::string& hint = "");
    // The next line without its '\n'; false at the end. Throws InputError on a read error or
    // when the file grew past its size at open.
    bool getline(std::string& line);
    std::uint64_t line_number() const { return line_; }
    // Everything left, with the same checks (JSON sources).
    std::string read_rest();

  private:
    std::string path_;
    std::ifstream in_;
    std::uint64_t limit_ = 0; // a regular file's size at open; 0 for a FIFO (no limit)
    std::uint64_t read_ = 0;
    std::uint64_t line_ = 0;
};

} // namespace eventmap
