#include "common/output_file.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace eventmap {

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    if (is_stdout()) {
        return;
    }
    temp_ = path_ + ".tmp." + std::to_string(::getpid());
    file_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!file_) {
        throw OutputError(std::string("cannot create output: ") + std::strerror(errno), path_);
    }
}

OutputFile::~OutputFile() {
    if (!is_stdout() && !committed_) {
        file_.close();
        std::remove(temp_.c_str());
    }
}

std::ostream& OutputFile::stream() {
    return is_stdout() ? std::cout : file_;
}

void OutputFile::commit() {
    if (is_stdout()) {
        std::cout.flush();
        if (!std::cout) {
            throw OutputError("cannot write to standard output", "-");
        }
        committed_ = true;
        return;
    }
    file_.flush();
    file_.close();
    if (!file_) {
        throw OutputError("write failed (disk full?)", path_);
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        throw OutputError(std::string("cannot move the finished output into place: ") +
                              std::strerror(errno),
                          path_);
    }
    committed_ = true;
}

} // namespace eventmap
