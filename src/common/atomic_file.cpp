#include "common/atomic_file.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <unistd.h>

namespace eventmap {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& target) {
    return target.parent_path().empty() ? fs::path(".") : target.parent_path();
}

std::string temp_name_for(const fs::path& target) {
    // pid + a random tag: concurrent writers, even threads of one process, never share a name.
    std::random_device random;
    const std::string stem = target.stem().string();
    const std::string extension = target.extension().string();
    return (target.parent_path() / ("." + stem + ".tmp-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(random()) + extension))
        .string();
}

// fsync of a file, or of a folder so that a rename in it is durable.
void sync_path(const std::string& path, const std::string& target, bool folder) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
    if (fd < 0) {
        if (!folder && errno == EISDIR) {
            return; // a directory-shaped output (a driver's folder) has no file to sync
        }
        throw OutputError(std::string("cannot open for syncing: ") + std::strerror(errno), target);
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems (and /dev/stdout-like targets) cannot sync a folder: EINVAL says so.
    if (rc != 0 && !(folder && error == EINVAL)) {
        throw OutputError(std::string("cannot sync output: ") + std::strerror(error), target);
    }
}

} // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    const fs::path path(target_);
    if (path.filename().empty()) {
        throw OutputError("output path names a directory", target_);
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        throw OutputError("output path is a directory", target_);
    }
    if (!fs::is_directory(folder_of(path), ec)) {
        throw OutputError("output directory " + folder_of(path).string() + " does not exist",
                          target_);
    }
    temp_ = temp_name_for(path);
}

AtomicFile::~AtomicFile() {
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

void AtomicFile::commit() {
    sync_path(temp_, target_, false);
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        throw OutputError("cannot move the finished output into place: " + ec.message(), target_);
    }
    committed_ = true;
    sync_path(folder_of(target_).string(), target_, true);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    AtomicFile file(path);
    const int fd = ::open(file.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        throw OutputError(std::string("cannot create output: ") + std::strerror(errno), path);
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            throw OutputError(std::string("write failed: ") + std::strerror(error), path);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        throw OutputError(std::string("write failed: ") + std::strerror(errno), path);
    }
    file.commit();
}

} // namespace eventmap
