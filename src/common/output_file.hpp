// A text output stream that appears whole or not at all, on AtomicFile (atomic_file.hpp):
// written under a temporary name beside the target and renamed over it by commit(); without
// commit() (an exception on the way) the temporary file is removed and an existing target
// stays as it was. "-" or an empty path is standard output, which is only flushed and checked.
#pragma once

#include "common/atomic_file.hpp"

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

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
    // A stream buffer over the descriptor AtomicFile::create_temp() made (O_EXCL|O_NOFOLLOW):
    // std::ofstream could only reopen the path.
    class FdBuffer : public std::streambuf {
      public:
        void attach(int fd);
        bool failed() const { return failed_; }

      protected:
        int_type overflow(int_type c) override;
        int sync() override;

      private:
        bool drain();
        int fd_ = -1;
        bool failed_ = false;
        std::vector<char> buffer_;
    };

    std::string path_;
    std::unique_ptr<AtomicFile> file_;
    FdBuffer buffer_;
    std::ostream out_{nullptr};
};

} // namespace eventmap
