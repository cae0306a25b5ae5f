#include "common/input_file.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace eventmap {

InputKind classify_input(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || st.type() == fs::file_type::not_found) {
        throw InputError("cannot open: " + (ec ? ec.message() : std::string("no such file")), path);
    }
    InputKind kind;
    switch (st.type()) {
    case fs::file_type::directory:
        kind.directory = true;
        break;
    case fs::file_type::regular:
        kind.regular = true;
        kind.size = fs::file_size(path, ec);
        break;
    case fs::file_type::fifo:
        kind.fifo = true;
        break;
    default:
        throw InputError("not a file, directory or pipe (a device or socket?): give a file, a "
                         "directory of them, or - for standard input",
                         path);
    }
    return kind;
}

void input_grew(const std::string& path, std::uint64_t size, std::uint64_t line) {
    throw InputError("file grew while being read (it had " + std::to_string(size) +
                         " bytes when opened); read it once it is complete",
                     path, line);
}

LineInput::LineInput(const std::string& path, const std::string& what, const std::string& hint)
    : path_(path) {
    InputKind kind;
    try {
        kind = classify_input(path);
    } catch (const InputError& e) {
        throw InputError(what + ": " + e.what() + hint, path);
    }
    if (kind.directory) {
        throw InputError(what + " is a directory; give the file itself", path);
    }
    limit_ = kind.regular ? kind.size : 0;
    in_.open(path, std::ios::binary);
    if (!in_) {
        throw InputError("cannot open " + what + ": " + std::strerror(errno) + hint, path);
    }
}

bool LineInput::getline(std::string& line) {
    if (!std::getline(in_, line)) {
        if (in_.bad()) {
            throw InputError("read error", path_, line_);
        }
        return false;
    }
    ++line_;
    read_ += line.size() + 1;
    if (limit_ > 0 && read_ > limit_ + 1) { // +1: a last line without its newline
        input_grew(path_, limit_, line_);
    }
    return true;
}

std::string LineInput::read_rest() {
    std::string bytes;
    if (limit_ > 0) {
        bytes.resize(limit_);
        in_.read(bytes.data(), static_cast<std::streamsize>(limit_));
        bytes.resize(static_cast<std::size_t>(in_.gcount()));
        if (in_.peek() != std::char_traits<char>::eof()) {
            input_grew(path_, limit_);
        }
    } else {
        std::ostringstream ss;
        ss << in_.rdbuf();
        bytes = std::move(ss).str();
    }
    if (in_.bad()) {
        throw InputError("read error", path_);
    }
    return bytes;
}

} // namespace eventmap
