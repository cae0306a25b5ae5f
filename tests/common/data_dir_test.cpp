// Run-time data is found next to an installed binary, and EVENTMAP_DATA_DIR overrides it.
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace eventmap::test;
namespace fs = std::filesystem;

TEST_CASE("an installed binary reads its data from share/eventmap", "[common][install]") {
    const std::string prefix = scratch_dir("install_prefix");
    fs::create_directories(prefix + "/bin");
    fs::create_directories(prefix + "/share/eventmap");
    fs::copy_file(EVENTMAP_TEST_BINARY, prefix + "/bin/eventmap");
    // tests/fixtures/x -> the checkout root.
    const fs::path source_assets =
        fs::path(fixture("x")).parent_path().parent_path().parent_path() / "assets";
    fs::copy(source_assets, prefix + "/share/eventmap/assets", fs::copy_options::recursive);
    write_file(prefix + "/article.txt", "Talks opened in Vienna on Monday.");

    // Installed and complete: it runs on the installed lexicons.
    auto run = [&](const std::string& env) {
        return run_command(env + " '" + prefix + "/bin/eventmap' dates '" + prefix +
                           "/article.txt'");
    };
    CHECK(run("").exit_code == 0);
    // Remove one installed lexicon: the installed binary now fails, naming the installed path
    // (it does not fall back to the checkout).
    fs::remove(prefix + "/share/eventmap/assets/dates/known_events.tsv");
    auto r = run("");
    CHECK(r.exit_code != 0);
    CHECK(r.err.find(prefix + "/share/eventmap/assets/dates/known_events.tsv") !=
          std::string::npos);
    // EVENTMAP_DATA_DIR wins over both.
    r = run("EVENTMAP_DATA_DIR='" + fs::path(source_assets).parent_path().string() + "'");
    CHECK(r.exit_code == 0);
}
