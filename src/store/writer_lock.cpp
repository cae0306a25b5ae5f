#include "store/writer_lock.hpp"

#include "common/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace eventmap::store {

struct WriterLock::Held {
    std::string path;
    int fd = -1;
    Held(std::string p, int f) : path(std::move(p)), fd(f) {}
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;
    // Remove, then unlock: a waiter that gets the lock now sees the file gone and starts over.
    ~Held() {
        ::unlink(path.c_str());
        ::close(fd);
    }
};

namespace {

// The locks this process holds, by lock path, so a second writer of the same process shares
// the first one's (a second flock of its own would wait for itself forever).
std::mutex registry_mutex;
std::map<std::string, std::weak_ptr<WriterLock::Held>>& registry() {
    static std::map<std::string, std::weak_ptr<WriterLock::Held>> held;
    return held;
}

bool same_file(int fd, const std::string& path) {
    struct stat open_file {};
    struct stat at_path {};
    return ::fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &at_path) == 0 &&
           open_file.st_dev == at_path.st_dev && open_file.st_ino == at_path.st_ino;
}

// Opens and locks the path's current lock file; -1 when it was removed or replaced while
// this process waited (the caller tries again).
int lock_current_file(const std::string& path, const std::string& store_path,
                      const std::function<void()>& on_wait, bool& waited) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        throw OutputError("cannot create the writer lock " + path + " (" + std::strerror(errno) +
                              "); the store's directory must be writable",
                          store_path);
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) {
            const int err = errno;
            ::close(fd);
            throw OutputError("cannot lock " + path + " (" + std::strerror(err) + ")", store_path);
        }
        if (!waited && on_wait) {
            on_wait();
        }
        waited = true;
        while (::flock(fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                const int err = errno;
                ::close(fd);
                throw OutputError("cannot lock " + path + " (" + std::strerror(err) + ")",
                                  store_path);
            }
        }
    }
    if (!same_file(fd, path)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

std::string WriterLock::lock_path(const std::string& store_path) {
    return store_path + ".lock";
}

WriterLock::~WriterLock() {
    release();
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        release();
        held_ = std::move(other.held_);
    }
    return *this;
}

void WriterLock::acquire(const std::string& store_path, const std::function<void()>& on_wait) {
    release();
    const std::string path = lock_path(store_path);
    {
        const std::lock_guard<std::mutex> guard(registry_mutex);
        if (auto shared = registry()[path].lock()) {
            held_ = std::move(shared);
            return;
        }
    }
    bool waited = false;
    int fd = -1;
    while ((fd = lock_current_file(path, store_path, on_wait, waited)) < 0) {
    }
    auto held = std::make_shared<Held>(path, fd);
    const std::lock_guard<std::mutex> guard(registry_mutex);
    registry()[path] = held;
    held_ = std::move(held);
}

void WriterLock::release() {
    if (!held_) {
        return;
    }
    const std::lock_guard<std::mutex> guard(registry_mutex);
    const std::string path = held_->path;
    held_.reset(); // the last holder's Held removes and unlocks the file
    const auto it = registry().find(path);
    if (it != registry().end() && it->second.expired()) {
        registry().erase(it);
    }
}

} // namespace eventmap::store
