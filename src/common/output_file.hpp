// A text output stream that appears whole or not at all, on AtomicFile (atomic_file.hpp):
// written under a temporary name beside the target and renamed over it by commit(); without
// commit() (an exception on the way) the temporary file is removed and an existing target
// stays as it was. "-" or an empty path is standard output, which is only flushed and checked.
#pragma once

#include "common/atomic_file.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace eventmap {

class OutputFile {
  public:
    // Throws OutputError naming the path when the temporary file cannot be created.
    explicit OutputFile(std::string path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream();
    bool is_stdout() const { return path_.empty() || path_ == "-"; }

    // Flushes, checks every write succeeded, syncs and renames into place. Throws OutputError.
    void commit();

  private:
    std::string path_;
    std::unique_ptr<AtomicFile> file_;
    std::ofstream out_;
};

} // namespace eventmap
