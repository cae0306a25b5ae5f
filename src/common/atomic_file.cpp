#include "common/atomic_file.hpp"

#include "common/error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace eventmap {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> links_replaceable{false};

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

// Refuses a target that is a symbolic link (unless --force) or exists as something other than a
// regular file: replacing /dev/null or a FIFO by a file is never what a user asked for.
void check_target(const std::string& target) {
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) {
        return; // nothing there yet (or not reachable: the write itself will say why)
    }
    if (S_ISLNK(st.st_mode)) {
        if (replacing_links_allowed()) {
            return;
        }
        std::error_code ec;
        const fs::path points_to = fs::read_symlink(target, ec);
        throw OutputError("output path is a symbolic link" +
                              (ec ? std::string() : " (to " + points_to.string() + ")") +
                              "; refusing to replace it without --force (--force replaces the "
                              "link itself, never the file it points to)",
                          target);
    }
    if (S_ISDIR(st.st_mode)) {
        throw OutputError("output path is a directory", target);
    }
    if (!S_ISREG(st.st_mode)) {
        throw OutputError("output path exists and is not a regular file (a device, FIFO or "
                          "socket); choose another path",
                          target);
    }
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
    check_target(target_);
    std::error_code ec;
    if (!fs::is_directory(folder_of(path), ec)) {
        throw OutputError("output directory " + folder_of(path).string() + " does not exist",
                          target_);
    }
    temp_ = temp_name_for(path);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
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

int AtomicFile::create_temp() {
    if (fd_ >= 0) {
        return fd_;
    }
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        throw OutputError(std::string("cannot create output: ") + std::strerror(errno), target_);
    }
    return fd_;
}

void AtomicFile::commit() {
    if (fd_ >= 0) {
        const int rc = ::fsync(fd_);
        const int error = errno;
        const int closed = ::close(fd_);
        fd_ = -1;
        if (rc != 0 || closed != 0) {
            throw OutputError(std::string("cannot sync output: ") +
                                  std::strerror(rc != 0 ? error : errno),
                              target_);
        }
    } else {
        sync_path(temp_, target_, false);
    }
    // A writer that was handed only the path (GDAL) must have made a file or folder there; a
    // link in its place was planted, and renaming it would publish the attacker's target.
    struct stat st {};
    if (::lstat(temp_.c_str(), &st) != 0 || S_ISLNK(st.st_mode)) {
        throw OutputError("the temporary output vanished or was replaced by a link", target_);
    }
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        throw OutputError("cannot move the finished output into place: " + ec.message(), target_);
    }
    committed_ = true;
    sync_path(folder_of(target_).string(), target_, true);
}

void allow_replacing_links(bool allow) noexcept {
    links_replaceable = allow;
}

bool replacing_links_allowed() noexcept {
    return links_replaceable;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    AtomicFile file(path);
    const int fd = file.create_temp();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw OutputError(std::string("write failed: ") + std::strerror(errno), path);
        }
        done += static_cast<std::size_t>(n);
    }
    file.commit();
}

} // namespace eventmap
