// The one way eventmap writes a file: outputs appear whole or not at all. Everything is written
// to a temporary path in the target's folder (same file system, so rename(2) is atomic); commit()
// fsyncs the file, renames it over the target and fsyncs the folder, so after a crash or power
// loss the target is either the old file or the complete new one. Without commit() (an
// exception on the way) the temporary file is removed and an existing target stays as it was.
//
// Planted links: an output path that is a symbolic link is refused unless the user passed
// --force (allow_replacing_links), and then the link itself is replaced: rename(2) never
// writes through a link, so the file it points to is never touched. An existing output that is
// not a regular file (a device, a FIFO, a socket) is always refused. The temporary file is
// created with O_CREAT | O_EXCL | O_NOFOLLOW (create_temp), so a link or file planted under its
// name makes the write fail instead of being followed.
//
//   AtomicFile out("events.geojson");          // for writers that want a path (GDAL drivers)
//   write(out.temp_path()); out.commit();
//   AtomicFile out("x.bin"); int fd = out.create_temp(); write(fd...); out.commit();
//   write_file_atomically("report.json", text); // for a finished buffer
//   OutputFile (output_file.hpp)                // a stream, "-" for standard output
#pragma once

#include <string>
#include <string_view>

namespace eventmap {

// Process-wide: whether an output path that is a symbolic link may be replaced (the global
// --force option of the command line). Off by default.
void allow_replacing_links(bool allow) noexcept;
bool replacing_links_allowed() noexcept;

class AtomicFile {
  public:
    // Throws OutputError when the target is a directory, a symbolic link (without --force),
    // another non-regular file, or its folder does not exist.
    explicit AtomicFile(std::string target);
    ~AtomicFile(); // removes the temporary path (and SQLite/GDAL side files) unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where to write. Keeps the target's extension: GDAL's CSV, FlatGeobuf and KML drivers
    // choose between a file and a directory by it.
    const std::string& temp_path() const noexcept { return temp_; }
    const std::string& target() const noexcept { return target_; }

    // Creates the temporary file exclusively, never following a link, and returns its
    // descriptor (owned here: closed by commit() or the destructor). Throws OutputError.
    int create_temp();

    // fsyncs the temporary file, renames it to the target, fsyncs the folder. Throws
    // OutputError naming the target.
    void commit();

  private:
    std::string target_;
    std::string temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// Writes `bytes` to `path` through an AtomicFile. Throws OutputError naming the path.
void write_file_atomically(const std::string& path, std::string_view bytes);

} // namespace eventmap
