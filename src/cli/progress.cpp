#include "cli/progress.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace eventmap::cli {

namespace {

std::string format_duration(double seconds) {
    const auto total = static_cast<std::uint64_t>(std::llround(seconds));
    const std::uint64_t hours = total / 3600;
    const std::uint64_t minutes = total / 60 % 60;
    const std::uint64_t secs = total % 60;
    char buffer[32];
    if (hours > 0) {
        std::snprintf(
            buffer, sizeof buffer, "%llu:%02llu:%02llu", static_cast<unsigned long long>(hours),
            static_cast<unsigned long long>(minutes), static_cast<unsigned long long>(secs));
    } else {
        std::snprintf(buffer, sizeof buffer, "%llu:%02llu",
                      static_cast<unsigned long long>(minutes),
                      static_cast<unsigned long long>(secs));
    }
    return buffer;
}

} // namespace

ProgressReporter::ProgressReporter(std::ostream& out, bool enabled, std::uint64_t total,
                                   std::string unit)
    : out_(out), enabled_(enabled), total_(total), unit_(std::move(unit)), start_(Clock::now()),
      last_draw_(start_) {}

ProgressReporter ProgressReporter::for_stderr(std::uint64_t total, std::string unit) {
    return ProgressReporter(std::cerr, ::isatty(STDERR_FILENO) == 1, total, std::move(unit));
}

ProgressReporter::~ProgressReporter() {
    if (drawn_ && !finished_) {
        try {
            out_ << '\n' << std::flush;
        } catch (...) {
            // Destructors do not throw; a broken stderr has nothing more to show.
        }
    }
}

std::string ProgressReporter::line(std::uint64_t done) const {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
    std::string text = std::to_string(done);
    if (total_ > 0) {
        text += "/" + std::to_string(total_);
    }
    text += " " + unit_;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "  %.0f/s", rate);
    text += buffer;
    if (total_ > 0 && rate > 0 && done <= total_) {
        text += "  ETA " + format_duration(static_cast<double>(total_ - done) / rate);
    } else {
        text += "  " + format_duration(elapsed);
    }
    return text;
}

void ProgressReporter::update(std::uint64_t done) {
    done_ = done;
    if (!enabled_) {
        return;
    }
    const auto now = Clock::now();
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) {
        return;
    }
    last_draw_ = now;
    drawn_ = true;
    // \r and erase-to-end-of-line: redraw in place, shorter lines leave no debris.
    out_ << '\r' << line(done) << "\x1b[K" << std::flush;
}

void ProgressReporter::finish() {
    if (!enabled_ || finished_) {
        return;
    }
    finished_ = true;
    out_ << '\r' << line(done_) << "\x1b[K\n" << std::flush;
}

} // namespace eventmap::cli
