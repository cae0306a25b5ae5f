#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace eventmap;
namespace fs = std::filesystem;

namespace {

// --force for one scope, so a failing check cannot leave it on for other tests.
struct ForceScope {
    ForceScope() { allow_replacing_links(true); }
    ~ForceScope() { allow_replacing_links(false); }
};

} // namespace

TEST_CASE("an output path planted as a link is refused without --force", "[common][atomic]") {
    const std::string dir = test::scratch_dir("atomic_link");
    const std::string victim = dir + "/precious.txt";
    test::write_file(victim, "keep me");
    const std::string out = dir + "/out.json";
    fs::create_symlink(victim, out);

    try {
        write_file_atomically(out, "overwritten");
        FAIL("expected OutputError");
    } catch (const OutputError& e) {
        CHECK(std::string(e.what()).find("symbolic link (to " + victim + ")") != std::string::npos);
        CHECK(std::string(e.what()).find("--force") != std::string::npos);
        CHECK(e.file() == out);
        CHECK(e.code() == ExitCode::io_error);
    }
    CHECK_THROWS_AS(OutputFile(out), OutputError);
    CHECK(test::read_file(victim) == "keep me");
    CHECK(fs::is_symlink(out));

    {
        // With --force the link itself is replaced; the file it pointed to is untouched.
        const ForceScope force;
        write_file_atomically(out, "new output");
    }
    CHECK_FALSE(fs::is_symlink(out));
    CHECK(test::read_file(out) == "new output");
    CHECK(test::read_file(victim) == "keep me");
    CHECK_FALSE(replacing_links_allowed());
}

TEST_CASE("a link planted under the temporary name is never followed", "[common][atomic]") {
    const std::string dir = test::scratch_dir("atomic_temp_link");
    const std::string victim = dir + "/precious.txt";
    test::write_file(victim, "keep me");
    {
        AtomicFile file(dir + "/out.bin");
        fs::create_symlink(victim, file.temp_path()); // an attacker guessed the name
        CHECK_THROWS_AS(file.create_temp(), OutputError);
    }
    CHECK(test::read_file(victim) == "keep me");
    CHECK_FALSE(fs::exists(dir + "/out.bin"));

    // A writer handed only the path (GDAL) whose file was swapped for a link before commit.
    {
        AtomicFile file(dir + "/out.gpkg");
        test::write_file(file.temp_path(), "data");
        fs::remove(file.temp_path());
        fs::create_symlink(victim, file.temp_path());
        CHECK_THROWS_AS(file.commit(), OutputError);
    }
    CHECK_FALSE(fs::exists(dir + "/out.gpkg"));
    CHECK(test::read_file(victim) == "keep me");
}

TEST_CASE("an output that exists as a device, FIFO or folder is refused", "[common][atomic]") {
    const std::string dir = test::scratch_dir("atomic_special");
    CHECK_THROWS_AS(AtomicFile("/dev/null"), OutputError);
    REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
    try {
        AtomicFile file(dir + "/pipe");
        FAIL("expected OutputError");
    } catch (const OutputError& e) {
        CHECK(std::string(e.what()).find("not a regular file") != std::string::npos);
    }
    CHECK_THROWS_AS(AtomicFile(dir), OutputError);
    {
        const ForceScope force; // --force is about links only
        CHECK_THROWS_AS(AtomicFile("/dev/null"), OutputError);
    }
}

TEST_CASE("atomic outputs replace a regular file whole and leave no temporary file",
          "[common][atomic]") {
    const std::string dir = test::scratch_dir("atomic_regular");
    const std::string out = dir + "/out.txt";
    test::write_file(out, "old");
    {
        OutputFile file(out);
        file.stream() << "new " << 42;
        file.commit();
    }
    CHECK(test::read_file(out) == "new 42");
    {
        OutputFile file(out);
        file.stream() << "abandoned";
    } // no commit: the old file stays
    CHECK(test::read_file(out) == "new 42");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) {
        ++entries;
    }
    CHECK(entries == 1);
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == (0666 & ~[] {
              const mode_t m = ::umask(0);
              ::umask(m);
              return m;
          }()));
}
