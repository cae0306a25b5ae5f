// External sort of the index's name postings: (normalised key, place, kind, order, surface
// form) records sorted by key, then place, kind and the order names were given in. Records
// collect in a memory budget; a full budget is sorted and written to a run file in a scratch
// folder, and the runs are merged when read back, so the build's memory does not grow with the
// number of names (15 million alternate names in the full GeoNames dump). When everything fits
// in one budget nothing touches the disk.
#pragma once

#include "gazetteer/place.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::gazetteer {

struct NameRecord {
    std::string_view key;    // normalised tokens joined by single spaces
    std::uint32_t place = 0; // builder index
    NameKind kind = NameKind::name;
    std::uint32_t order = 0;  // among one place's names: which was given first
    std::string_view surface; // the name as written
};

// Strictly the order postings are ranked and deduplicated in.
bool record_less(const NameRecord& a, const NameRecord& b);

class NameSorter {
  public:
    // Run files go to a private folder made inside `scratch_dir` (removed by the destructor).
    NameSorter(std::string scratch_dir, std::size_t memory_budget);
    ~NameSorter();
    NameSorter(const NameSorter&) = delete;
    NameSorter& operator=(const NameSorter&) = delete;

    void add(const NameRecord& record);

    // Ends the input; calls group(key, records) once per distinct key in ascending key order,
    // records sorted by record_less. Views are valid during the call only. Throws OutputError
    // when a run cannot be written or read back.
    template <typename Group> void for_each_group(Group&& group) {
        finish_input();
        std::vector<NameRecord> records;
        std::string key;
        while (const NameRecord* r = next()) {
            if (!records.empty() && r->key != key) {
                group(std::string_view(key), records);
                records.clear();
                held_.clear();
            }
            if (records.empty()) {
                key.assign(r->key);
            }
            NameRecord copy = *r;
            copy.key = key;
            copy.surface = held_.emplace_back(r->surface); // a deque: earlier views stay valid
            records.push_back(copy);
        }
        if (!records.empty()) {
            group(std::string_view(key), records);
        }
    }

    std::size_t runs_written() const { return run_count_; }
    std::uint64_t records() const { return record_count_; }

  private:
    struct Run;
    void spill();
    void finish_input();
    // The next record in order, valid until the following call; nullptr at the end.
    const NameRecord* next();

    std::string folder_;
    std::size_t budget_;
    std::vector<char> buffer_;          // encoded records of the current run
    std::vector<std::uint64_t> starts_; // where each record of the buffer starts
    std::vector<std::unique_ptr<Run>> runs_;
    std::vector<std::size_t> heap_; // indexes into runs_: the merge's min-heap
    std::size_t last_run_ = 0;      // the run whose record next() returned last
    bool advance_last_ = false;
    std::size_t memory_cursor_ = 0; // reading the buffer directly when nothing was spilled
    NameRecord current_;
    std::deque<std::string> held_;
    std::size_t run_count_ = 0;
    std::uint64_t record_count_ = 0;
    bool reading_ = false;
};

} // namespace eventmap::gazetteer
