// The progress line: silent unless enabled, rate and ETA when drawn, one final newline.
#include "cli/progress.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <thread>

using eventmap::cli::ProgressReporter;

TEST_CASE("progress is silent when not a terminal", "[cli]") {
    std::ostringstream out;
    {
        ProgressReporter progress(out, false, 100, "articles");
        progress.update(50);
        progress.finish();
    }
    CHECK(out.str().empty());
}

TEST_CASE("progress draws rate and ETA and ends its line", "[cli]") {
    std::ostringstream out;
    ProgressReporter progress(out, true, 100, "articles");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    progress.update(10);
    const std::string first = out.str();
    CHECK(first.rfind("\r10/100 articles  ", 0) == 0);
    CHECK(first.find("/s") != std::string::npos);
    CHECK(first.find("ETA 0:0") != std::string::npos);
    progress.update(11); // within 200 ms of the last draw: not redrawn
    CHECK(out.str() == first);
    progress.finish();
    CHECK(out.str().back() == '\n');
    CHECK(out.str().find("11/100 articles") != std::string::npos);
    const std::string line = progress.line(100);
    CHECK(line.find("100/100 articles") == 0);
}

TEST_CASE("progress without a total shows elapsed time", "[cli]") {
    std::ostringstream out;
    ProgressReporter progress(out, true, 0, "articles");
    progress.update(7);
    CHECK(out.str().find("\r7 articles") == 0);
    CHECK(out.str().find("ETA") == std::string::npos);
}
