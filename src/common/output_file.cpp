#include "common/output_file.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace eventmap {

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
    if (is_stdout()) {
        return;
    }
    file_ = std::make_unique<AtomicFile>(path_);
    buffer_.attach(file_->create_temp());
    out_.rdbuf(&buffer_);
}

OutputFile::~OutputFile() = default; // file_ closes and removes an uncommitted temporary file

void OutputFile::FdBuffer::attach(int fd) {
    fd_ = fd;
    buffer_.resize(std::size_t{1} << 16);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool OutputFile::FdBuffer::drain() {
    const char* data = pbase();
    std::size_t size = static_cast<std::size_t>(pptr() - pbase());
    while (size > 0 && !failed_) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            failed_ = true;
            break;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return !failed_;
}

OutputFile::FdBuffer::int_type OutputFile::FdBuffer::overflow(int_type c) {
    if (!drain()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int OutputFile::FdBuffer::sync() {
    return drain() ? 0 : -1;
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
    if (!out_ || buffer_.failed()) {
        throw OutputError(std::string("write failed (disk full?): ") + std::strerror(errno), path_);
    }
    file_->commit();
}

} // namespace eventmap
