// Outputs appear whole or not at all: everything is written to a temporary path in the target's
// directory (same file system, so rename(2) is atomic) and renamed over the target only after
// the last byte was written and synced. A failed export leaves no temp file and an existing
// target untouched.
#pragma once

#include <string>

namespace eventmap::exporter {

class AtomicOutput {
  public:
    // Throws OutputError when the directory cannot take a new file.
    explicit AtomicOutput(std::string target);
    ~AtomicOutput(); // removes the temporary path unless commit() succeeded
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    // Where to write. Keeps the target's extension: GDAL's CSV, FlatGeobuf and KML drivers
    // choose between a file and a directory by it.
    const std::string& temp_path() const noexcept { return temp_; }
    const std::string& target() const noexcept { return target_; }

    // fsyncs the temporary file and renames it to the target. Throws OutputError.
    void commit();

  private:
    std::string target_;
    std::string temp_;
    bool committed_ = false;
};

} // namespace eventmap::exporter
