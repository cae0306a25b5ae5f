#include "common/article.hpp"

#include "common/error.hpp"
#include "common/input_file.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace eventmap {

namespace {

std::string display_name(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

std::string optional_string(const nlohmann::json& obj, const char* key, const std::string& file,
                            std::uint64_t line) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        return {};
    }
    if (!it->is_string()) {
        throw InputError(std::string("field \"") + key + "\" must be a string", file, line);
    }
    return it->get<std::string>();
}

} // namespace

std::vector<std::string> expand_directory(const std::string& path, InputFormat format) {
    namespace fs = std::filesystem;
    const std::string want = format == InputFormat::jsonl ? ".jsonl" : ".txt";
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == want) {
            files.push_back(it->path().string());
        }
    }
    if (ec) {
        throw InputError("cannot list directory: " + ec.message(), path);
    }
    if (files.empty()) {
        throw InputError("directory holds no " + want + " files", path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_text_file(const std::string& path) {
    std::string bytes;
    if (path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        const InputKind kind = classify_input(path);
        if (kind.directory) {
            throw InputError("is a directory, not a text file", path);
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            throw InputError(std::string("cannot open: ") + std::strerror(errno), path);
        }
        if (kind.regular && kind.size > 0) { // (/proc files say 0 bytes: read those to the end)
            // Exactly the bytes the file had when opened, then one more read to see whether it
            // grew: a log being appended to would otherwise be read until memory runs out.
            bytes.resize(kind.size);
            in.read(bytes.data(), static_cast<std::streamsize>(kind.size));
            bytes.resize(static_cast<std::size_t>(in.gcount()));
            if (in.peek() != std::char_traits<char>::eof()) {
                input_grew(path, kind.size);
            }
        } else {
            std::ostringstream ss;
            ss << in.rdbuf();
            bytes = std::move(ss).str();
        }
        if (in.bad()) {
            throw InputError("read error", path);
        }
    }
    if (utf8::looks_binary(bytes)) {
        throw InputError("binary data, not a text article (NUL or control bytes near the start)",
                         display_name(path));
    }
    return bytes;
}

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReaderOptions options)
    : inputs_(std::move(inputs)), options_(options) {}

ArticleReader::~ArticleReader() = default;

bool ArticleReader::open_next_input() {
    file_.reset();
    stream_ = nullptr;
    if (input_index_ >= inputs_.size()) {
        return false;
    }
    if (inputs_[input_index_] != "-" && classify_input(inputs_[input_index_]).directory) {
        // A directory stands for its article files, in name order, in its place.
        const auto files = expand_directory(inputs_[input_index_], options_.format);
        inputs_.erase(inputs_.begin() + static_cast<std::ptrdiff_t>(input_index_));
        inputs_.insert(inputs_.begin() + static_cast<std::ptrdiff_t>(input_index_), files.begin(),
                       files.end());
    }
    const std::string& path = inputs_[input_index_++];
    current_name_ = display_name(path);
    line_ = 0;
    if (options_.format == InputFormat::txt) {
        txt_pending_ = true;
        return true;
    }
    limit_ = 0;
    read_ = 0;
    if (path == "-") {
        stream_ = &std::cin;
    } else {
        const InputKind kind = classify_input(path);
        if (kind.regular) {
            limit_ = kind.size;
        }
        file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*file_) {
            throw InputError(std::string("cannot open: ") + std::strerror(errno), path);
        }
        stream_ = file_.get();
    }
    return true;
}

void ArticleReader::read_txt(Article& out) {
    const std::string& path = inputs_[input_index_ - 1];
    auto sanitized = utf8::sanitize(read_text_file(path));
    out = Article{};
    out.id = path;
    out.text = std::move(sanitized.text);
    out.invalid_utf8 = sanitized.replaced;
    out.source_file = current_name_;
    invalid_utf8_ += sanitized.replaced;
}

bool ArticleReader::next_jsonl(Article& out) {
    std::string line;
    while (std::getline(*stream_, line)) {
        ++line_;
        read_ += line.size() + 1;
        if (limit_ > 0 && read_ > limit_ + 1) { // +1: a last line without its newline
            input_grew(current_name_, limit_, line_);
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue; // blank lines separate nothing; skip silently
        }
        try {
            if (line.find('\0') != std::string::npos) {
                throw InputError("binary data (NUL byte)", current_name_, line_);
            }
            auto sanitized = utf8::sanitize(line);
            auto obj = nlohmann::json::parse(sanitized.text);
            if (!obj.is_object()) {
                throw InputError("expected a JSON object", current_name_, line_);
            }
            auto text = obj.find("text");
            if (text == obj.end() || !text->is_string()) {
                throw InputError("missing string field \"text\"", current_name_, line_);
            }
            out = Article{};
            auto id = obj.find("id");
            if (id != obj.end() && id->is_string()) {
                out.id = id->get<std::string>();
            } else if (id != obj.end() && id->is_number()) {
                out.id = id->dump();
            } else {
                out.id = current_name_ + ":" + std::to_string(line_);
            }
            out.text = text->get<std::string>();
            out.published = optional_string(obj, "published", current_name_, line_);
            out.title = optional_string(obj, "title", current_name_, line_);
            out.url = optional_string(obj, "url", current_name_, line_);
            out.dateline = optional_string(obj, "dateline", current_name_, line_);
            out.invalid_utf8 = sanitized.replaced;
            out.source_file = current_name_;
            out.source_line = line_;
            invalid_utf8_ += sanitized.replaced;
            return true;
        } catch (const nlohmann::json::exception& e) {
            if (!options_.keep_going) {
                throw InputError(std::string("malformed JSON: ") + e.what(), current_name_, line_);
            }
            ++skipped_;
        } catch (const InputError&) {
            if (!options_.keep_going) {
                throw;
            }
            ++skipped_;
        }
    }
    if (stream_->bad()) {
        throw InputError("read error", current_name_, line_);
    }
    return false;
}

bool ArticleReader::next(Article& out) {
    for (;;) {
        if (txt_pending_) {
            txt_pending_ = false;
            read_txt(out);
            return true;
        }
        if (stream_ != nullptr && next_jsonl(out)) {
            return true;
        }
        if (!open_next_input()) {
            return false;
        }
    }
}

} // namespace eventmap
