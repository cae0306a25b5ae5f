#include "export/atomic_output.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <unistd.h>

namespace eventmap::exporter {

namespace fs = std::filesystem;

namespace {

std::string temp_name_for(const fs::path& target) {
    // pid + a random tag: concurrent exports, even of one process, never share a temp name.
    std::random_device random;
    const std::string stem = target.stem().string();
    const std::string extension = target.extension().string();
    const fs::path dir = target.parent_path();
    return (dir / ("." + stem + ".tmp-" + std::to_string(::getpid()) + "-" +
                   std::to_string(random()) + extension))
        .string();
}

void sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return; // a directory-shaped output (none today) has nothing to sync as a file
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) {
        throw OutputError(std::string("cannot sync output: ") + std::strerror(error), path);
    }
}

} // namespace

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
    const fs::path path(target_);
    if (path.filename().empty()) {
        throw OutputError("output path names a directory", target_);
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        throw OutputError("output path is a directory", target_);
    }
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(dir, ec)) {
        throw OutputError("output directory " + dir.string() + " does not exist", target_);
    }
    temp_ = temp_name_for(path);
}

AtomicOutput::~AtomicOutput() {
    if (!committed_) {
        std::error_code ignored;
        fs::remove_all(temp_, ignored);
        // GDAL's FlatGeobuf writer keeps its unsorted features beside the file until close.
        fs::remove(temp_ + "_tmp", ignored);
        // SQLite (GeoPackage output) may leave its journal after a failed write.
        fs::remove(temp_ + "-journal", ignored);
        fs::remove(temp_ + "-wal", ignored);
        fs::remove(temp_ + "-shm", ignored);
    }
}

void AtomicOutput::commit() {
    sync_file(temp_);
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        throw OutputError("cannot move the finished output into place: " + ec.message(), target_);
    }
    committed_ = true;
}

} // namespace eventmap::exporter
