// The GeoNames id -> place table the source readers resolve alternate names and aliases with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace eventmap::gazetteer {

// GeoNames id -> place, for 12 million ids: open addressing over 16-byte slots (a third of
// what std::unordered_map takes). Ids are never 0 (the reader refuses 0), which marks a free
// slot.
class IdMap {
  public:
    struct Entry {
        std::uint64_t first = 0;  // the id
        std::uint32_t second = 0; // the place
    };
    std::uint32_t& operator[](std::uint64_t id);
    const Entry* find(std::uint64_t id) const; // end() when absent
    const Entry* end() const { return nullptr; }
    std::uint32_t at(std::uint64_t id) const; // throws std::out_of_range when absent
    std::size_t size() const { return used_; }

  private:
    std::size_t slot_of(std::uint64_t id) const;
    std::vector<Entry> slots_;
    std::size_t used_ = 0;
};

} // namespace eventmap::gazetteer
