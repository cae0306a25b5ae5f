// The GeoPackage writer lock (store/writer_lock.hpp): shared within a process, held against
// other processes (util-linux flock(1) stands in for one), its file gone once the last holder
// releases it, and a file a killed writer left behind taken over rather than waited on. That
// a second ingest waits for the first is tests/store/crash_safety_test.cpp.
#include "store/store_test_support.hpp"
#include "store/writer_lock.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace eventmap;
namespace fs = std::filesystem;

namespace {

// Whether another process could take the lock now (flock -n: exit 1 when it is held).
bool free_for_another_process(const std::string& lock_file) {
    const int status = std::system(("flock -n -E 7 '" + lock_file + "' true").c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE((WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 7));
    return WEXITSTATUS(status) == 0;
}

} // namespace

TEST_CASE("writer lock: shared in a process, held against others, removed after", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("writer_lock");
    const std::string store_path = dir + "/events.gpkg";
    const std::string lock_file = store::WriterLock::lock_path(store_path);
    {
        std::ofstream leftover(lock_file); // a killed writer's file: taken over, not waited on
    }
    {
        store::WriterLock first;
        first.acquire(store_path, [] { FAIL("a lock nobody holds is never waited for"); });
        store::WriterLock second; // same process: shares the lock instead of waiting for itself
        second.acquire(store_path, [] { FAIL("a writer of the same process never waits"); });
        CHECK_FALSE(free_for_another_process(lock_file));
        first.release();
        CHECK_FALSE(free_for_another_process(lock_file)); // `second` still holds it
    }
    CHECK_FALSE(fs::exists(lock_file));
}
