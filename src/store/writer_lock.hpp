// One writer at a time per GeoPackage (issue 13). SQLite lets two processes open one file for
// writing and settles their conflict by failing one of them with "database is locked" in the
// middle of a batch; it does so at once, without waiting, whenever waiting could deadlock (both
// hold a read lock inside their transactions and both want to write), which is the normal
// case for two ingests. So a writing EventStore holds an exclusive flock(2) on "<store>.lock"
// for its whole session, and a second writer waits there, saying so, before it touches the
// file. Readers (export, the viewer) take no such lock: SQLite's own locks and a busy timeout
// let them read while a batch is written.
//
// flock and SQLite's fcntl locks are independent on Linux, and the lock lives on its own file
// so closing it never drops a lock SQLite holds on the store (POSIX drops all of a process's
// fcntl locks on a file when any descriptor of it closes). The lock file exists while a writer
// runs: the last holder removes it before unlocking, and a waiter that then gets the lock on
// the removed file starts over on the path's current file, so two processes never lock two
// different files. A lock file a killed writer left behind is taken over, never waited on.
// Local file systems only (on NFS, flock is emulated with fcntl locks).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace eventmap::store {

class WriterLock {
  public:
    // The lock file of a store path.
    static std::string lock_path(const std::string& store_path);

    WriterLock() = default;
    ~WriterLock();
    WriterLock(WriterLock&&) noexcept = default;
    WriterLock& operator=(WriterLock&&) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    // Takes the lock for `store_path`, waiting while another process holds it; `on_wait` is
    // called once before waiting. Several writers of one process share the lock (SQLite then
    // settles their conflicts itself). Throws OutputError when the lock file cannot be made.
    void acquire(const std::string& store_path, const std::function<void()>& on_wait);
    // Releases it (also on destruction): the last holder in the process removes the file.
    void release();
    bool held() const { return held_ != nullptr; }

    struct Held;

  private:
    std::shared_ptr<Held> held_;
};

} // namespace eventmap::store
