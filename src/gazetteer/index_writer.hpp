// The pieces that turn sorted name postings into the index file (index_format.hpp), used by
// IndexBuilder::write: a deduplicating string pool, a trie built in one pass over keys in
// sorted order, and a writer that streams sections to the file with their checksums. None of
// them holds more than its own section in memory.
#pragma once

#include "gazetteer/index_format.hpp"
#include "gazetteer/place_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::gazetteer {

// The strings section: NUL-terminated strings, each stored once; offset 0 is "".
class StringPool {
  public:
    StringPool();
    std::uint32_t add(std::string_view s);
    std::uint64_t size() const { return bytes_.size(); }
    const ChunkedVector<char>& bytes() const { return bytes_; }

  private:
    bool equals(std::uint32_t offset, std::string_view s) const;
    std::uint64_t hash_at(std::uint32_t offset) const;
    void grow();
    ChunkedVector<char> bytes_;
    std::vector<std::uint32_t> slots_; // open addressing: offset + 1, 0 when free
    std::size_t used_ = 0;
};

// The token trie from names given in ascending order of their token ids (a name before the
// longer names it starts). A node's children get consecutive ids when the node is complete,
// so the nodes, edges and postings sections are each appended to in order.
class TrieWriter {
  public:
    TrieWriter();
    // The next name: its token ids and the postings range the caller appended for it.
    void add(const std::vector<std::uint32_t>& tokens, std::uint32_t first_posting,
             std::uint32_t posting_count);
    // Closes every open node; the root is node 0. Returns the root's (token, child) edges.
    void finish();

    ChunkedVector<NodeRecord> nodes;
    ChunkedVector<EdgeRecord> edges;

  private:
    struct Child {
        std::uint32_t token;
        NodeRecord record;
    };
    struct Open {
        std::uint32_t token = 0;
        NodeRecord record{0, 0, 0, 0};
        std::vector<Child> children;
    };
    void close_top();
    void place_children(Open& node);
    std::vector<Open> path_; // path_[0] is the root
};

// Writes the file section by section, each 8-byte aligned, keeping each one's offset, size and
// checksum for the header, which is written last at offset 0.
class SectionFileWriter {
  public:
    SectionFileWriter(int fd, std::string path);
    void begin(Section s);
    void write(const void* data, std::size_t size);
    template <typename T> void write_all(const ChunkedVector<T>& items) {
        for (std::size_t i = 0; i < items.size();) {
            const std::size_t n = std::min(ChunkedVector<T>::chunk_size, items.size() - i);
            write(&items[i], n * sizeof(T)); // one chunk is contiguous
            i += n;
        }
    }
    void end();
    // Pads the file to 8 bytes, fills in offsets, sizes and checksums, writes the header.
    void finish(Header& header);

  private:
    void flush();
    int fd_;
    std::string path_;
    std::vector<unsigned char> buffer_;
    std::uint64_t position_ = sizeof(Header);
    Section current_ = Section::count;
    IndexChecksum checksum_;
    std::uint64_t offsets_[Section::count] = {};
    std::uint64_t sizes_[Section::count] = {};
    std::uint64_t checksums_[Section::count] = {};
};

} // namespace eventmap::gazetteer
