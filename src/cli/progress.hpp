// A progress line for long runs (ingest): "1234/5000 articles  812/s  ETA 0:05", redrawn in
// place at most every 200 ms, only when stderr is a terminal; silent otherwise, so logs and
// pipes stay clean. Not thread-safe: one reporter per loop.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace eventmap::cli {

class ProgressReporter {
  public:
    // `total` 0 when unknown (no ETA then). `unit` names what is counted ("articles").
    ProgressReporter(std::ostream& out, bool enabled, std::uint64_t total, std::string unit);
    // Enabled exactly when stderr is a terminal; writes to std::cerr.
    static ProgressReporter for_stderr(std::uint64_t total, std::string unit);
    ~ProgressReporter(); // finishes the line if one was drawn

    ProgressReporter(const ProgressReporter&) = delete;
    ProgressReporter& operator=(const ProgressReporter&) = delete;

    void set_total(std::uint64_t total) { total_ = total; }
    // Reports that `done` units are complete (absolute, not a delta).
    void update(std::uint64_t done);
    // Draws the final line and ends it with a newline.
    void finish();

    bool enabled() const noexcept { return enabled_; }
    // The text update() would draw now (for tests and logs).
    std::string line(std::uint64_t done) const;

  private:
    using Clock = std::chrono::steady_clock;
    std::ostream& out_;
    bool enabled_;
    std::uint64_t total_;
    std::string unit_;
    Clock::time_point start_;
    Clock::time_point last_draw_;
    std::uint64_t done_ = 0;
    bool drawn_ = false;
    bool finished_ = false;
};

} // namespace eventmap::cli
