#include "common/output_file.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

namespace eventmap {

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    if (is_stdout()) {
        return;
    }
    file_ = std::make_unique<AtomicFile>(path_);
    out_.open(file_->temp_path(), std::ios::binary | std::ios::trunc);
    if (!out_) {
        throw OutputError(std::string("cannot create output: ") + std::strerror(errno), path_);
    }
}

OutputFile::~OutputFile() {
    out_.close(); // before file_ removes the uncommitted temporary file
}

std::ostream& OutputFile::stream() {
    return is_stdout() ? std::cout : out_;
}

void OutputFile::commit() {
    if (is_stdout()) {
        std::cout.flush();
        if (!std::cout) {
            throw OutputError("cannot write to standard output", "-");
        }
        return;
    }
    out_.flush();
    out_.close();
    if (!out_) {
        throw OutputError("write failed (disk full?)", path_);
    }
    file_->commit();
}

} // namespace eventmap
