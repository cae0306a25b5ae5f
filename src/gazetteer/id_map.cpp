#include "gazetteer/id_map.hpp"

#include "common/assert.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace eventmap::gazetteer {

std::size_t IdMap::slot_of(std::uint64_t id) const {
    // Fibonacci hashing: consecutive ids spread over the table.
    const std::size_t mask = slots_.size() - 1;
    std::size_t h = static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (slots_[h].first != 0 && slots_[h].first != id) {
        h = (h + 1) & mask;
    }
    return h;
}

std::uint32_t& IdMap::operator[](std::uint64_t id) {
    EVENTMAP_ASSERT(id != 0, "GeoNames id 0 marks a free slot");
    if ((used_ + 1) * 4 > slots_.size() * 3) {
        std::vector<Entry> old(std::max<std::size_t>(1024, slots_.size() * 2));
        old.swap(slots_);
        for (const Entry& e : old) {
            if (e.first != 0) {
                slots_[slot_of(e.first)] = e;
            }
        }
    }
    Entry& e = slots_[slot_of(id)];
    if (e.first == 0) {
        e.first = id;
        ++used_;
    }
    return e.second;
}

const IdMap::Entry* IdMap::find(std::uint64_t id) const {
    if (slots_.empty() || id == 0) {
        return end();
    }
    const Entry& e = slots_[slot_of(id)];
    return e.first == id ? &e : end();
}

std::uint32_t IdMap::at(std::uint64_t id) const {
    const Entry* e = find(id);
    if (e == end()) {
        throw std::out_of_range("GeoNames id " + std::to_string(id) + " not loaded");
    }
    return e->second;
}

} // namespace eventmap::gazetteer
