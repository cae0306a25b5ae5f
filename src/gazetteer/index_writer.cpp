// Sections: 1. string pool  2. trie  3. section file writer
#include "gazetteer/index_writer.hpp"

#include "common/assert.hpp"
#include "common/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace eventmap::gazetteer {

// ---- 1. String pool -------------------------------------------------------------------------

StringPool::StringPool() : slots_(std::size_t{1} << 16, 0) {
    bytes_.push_back('\0');
}

bool StringPool::equals(std::uint32_t offset, std::string_view s) const {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (bytes_[offset + i] != s[i]) {
            return false; // also at a shorter string's NUL, as names hold no NUL bytes
        }
    }
    return bytes_[offset + s.size()] == '\0';
}

std::uint64_t StringPool::hash_at(std::uint32_t offset) const {
    std::string s;
    for (std::size_t i = offset; bytes_[i] != '\0'; ++i) {
        s += bytes_[i];
    }
    return fnv1a(s);
}

void StringPool::grow() {
    std::vector<std::uint32_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint32_t entry : old) {
        if (entry != 0) {
            std::size_t h = hash_at(entry - 1) & mask;
            while (slots_[h] != 0) {
                h = (h + 1) & mask;
            }
            slots_[h] = entry;
        }
    }
}

std::uint32_t StringPool::add(std::string_view s) {
    if (s.find('\0') != std::string_view::npos) {
        s = s.substr(0, s.find('\0')); // as the reader sees a NUL-terminated string
    }
    if (s.empty()) {
        return 0;
    }
    const std::uint64_t hash = fnv1a(s);
    std::size_t mask = slots_.size() - 1;
    std::size_t h = hash & mask;
    while (slots_[h] != 0) {
        if (equals(slots_[h] - 1, s)) {
            return slots_[h] - 1;
        }
        h = (h + 1) & mask;
    }
    // A new string: grow the table only now, so adding a known string never rehashes.
    if ((used_ + 1) * 2 > slots_.size()) {
        grow();
        mask = slots_.size() - 1;
        h = hash & mask;
        while (slots_[h] != 0) {
            h = (h + 1) & mask;
        }
    }
    if (bytes_.size() + s.size() + 1 >= 0xFFFFFFFFULL) {
        throw DataError("the index's strings exceed 4 GiB, the format's limit");
    }
    const auto offset = static_cast<std::uint32_t>(bytes_.size());
    for (const char c : s) {
        bytes_.push_back(c);
    }
    bytes_.push_back('\0');
    slots_[h] = offset + 1;
    ++used_;
    return offset;
}

// ---- 2. Trie --------------------------------------------------------------------------------

TrieWriter::TrieWriter() {
    nodes.push_back(NodeRecord{0, 0, 0, 0}); // the root's place; filled in by finish()
    path_.emplace_back();
}

void TrieWriter::place_children(Open& node) {
    const auto first_child = static_cast<std::uint32_t>(nodes.size());
    node.record.first_edge = static_cast<std::uint32_t>(edges.size());
    node.record.edge_count = static_cast<std::uint32_t>(node.children.size());
    for (std::size_t k = 0; k < node.children.size(); ++k) {
        nodes.push_back(node.children[k].record);
        edges.push_back(
            EdgeRecord{node.children[k].token, first_child + static_cast<std::uint32_t>(k)});
    }
    std::vector<Child>().swap(node.children);
}

void TrieWriter::close_top() {
    Open node = std::move(path_.back());
    path_.pop_back();
    place_children(node);
    path_.back().children.push_back(Child{node.token, node.record});
}

void TrieWriter::add(const std::vector<std::uint32_t>& tokens, std::uint32_t first_posting,
                     std::uint32_t posting_count) {
    std::size_t common = 0;
    while (common < tokens.size() && common + 1 < path_.size() &&
           path_[common + 1].token == tokens[common]) {
        ++common;
    }
    EVENTMAP_ASSERT(common < tokens.size(), "names must arrive sorted and distinct");
    while (path_.size() > common + 1) {
        close_top();
    }
    for (std::size_t k = common; k < tokens.size(); ++k) {
        Open open;
        open.token = tokens[k];
        path_.push_back(std::move(open));
    }
    path_.back().record.first_posting = first_posting;
    path_.back().record.posting_count = posting_count;
}

void TrieWriter::finish() {
    while (path_.size() > 1) {
        close_top();
    }
    place_children(path_[0]);
    nodes[0] = path_[0].record;
}

// ---- 3. Section file writer -----------------------------------------------------------------

SectionFileWriter::SectionFileWriter(int fd, std::string path) : fd_(fd), path_(std::move(path)) {
    buffer_.reserve(std::size_t{4} << 20);
    // The header's place: written last, once every section is known.
    const std::vector<unsigned char> zeros(sizeof(Header), 0);
    buffer_.insert(buffer_.end(), zeros.begin(), zeros.end());
}

void SectionFileWriter::flush() {
    const unsigned char* data = buffer_.data();
    std::size_t size = buffer_.size();
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw OutputError(
                std::string("cannot write index (disk full?): ") + std::strerror(errno), path_);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

void SectionFileWriter::begin(Section s) {
    while (position_ % 8 != 0) {
        const unsigned char zero = 0;
        buffer_.push_back(zero);
        ++position_;
    }
    current_ = s;
    offsets_[s] = position_;
    checksum_ = IndexChecksum();
}

void SectionFileWriter::write(const void* data, std::size_t size) {
    EVENTMAP_ASSERT(current_ != Section::count, "section data outside a section");
    const auto* bytes = static_cast<const unsigned char*>(data);
    checksum_.update(bytes, size);
    buffer_.insert(buffer_.end(), bytes, bytes + size);
    position_ += size;
    if (buffer_.size() >= (std::size_t{4} << 20)) {
        flush();
    }
}

void SectionFileWriter::end() {
    sizes_[current_] = position_ - offsets_[current_];
    checksums_[current_] = checksum_.finish();
    current_ = Section::count;
}

void SectionFileWriter::finish(Header& header) {
    while (position_ % 8 != 0) {
        buffer_.push_back(0);
        ++position_;
    }
    flush();
    header.file_size = position_;
    std::copy(std::begin(offsets_), std::end(offsets_), header.offsets);
    std::copy(std::begin(sizes_), std::end(sizes_), header.sizes);
    std::copy(std::begin(checksums_), std::end(checksums_), header.section_checksums);
    header.header_checksum = header_checksum(header);
    if (::pwrite(fd_, &header, sizeof(header), 0) != static_cast<ssize_t>(sizeof(header))) {
        throw OutputError(std::string("cannot write index header: ") + std::strerror(errno), path_);
    }
}

} // namespace eventmap::gazetteer
