#include "common/error.hpp"
#include "common/input_file.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>
#include <thread>

using namespace eventmap;

TEST_CASE("a line input refuses a directory, a device and a socket by name", "[common][hostile]") {
    const std::string dir = test::scratch_dir("line_input_kinds");
    try {
        LineInput in(dir, "table");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "table is a directory; give the file itself");
        CHECK(e.file() == dir);
    }
    try {
        LineInput in("/dev/zero", "table", "; hint");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("device") != std::string::npos);
        CHECK(std::string(e.what()).find("; hint") != std::string::npos);
        CHECK(e.file() == "/dev/zero");
    }
    CHECK_THROWS_AS(LineInput(dir + "/missing.txt", "table"), InputError);
}

TEST_CASE("a line input refuses a file that grows while it is read", "[common][hostile]") {
    const std::string dir = test::scratch_dir("line_input_growing");
    const std::string path = dir + "/rows.txt";
    test::write_file(path, "one\ntwo\n");
    LineInput in(path, "table");
    std::string line;
    REQUIRE(in.getline(line));
    CHECK(line == "one");
    {
        std::ofstream out(path, std::ios::app);
        for (int i = 0; i < 20000; ++i) {
            out << "appended while the reader was busy\n";
        }
    }
    try {
        while (in.getline(line)) {
        }
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("grew while being read (it had 8 bytes") !=
              std::string::npos);
        CHECK(e.file() == path);
        CHECK(e.line() == 3);
    }

    test::write_file(path, "{\"a\": 1}");
    LineInput whole(path, "JSON");
    {
        std::ofstream out(path, std::ios::app);
        out << std::string(100000, ' ');
    }
    CHECK_THROWS_AS(whole.read_rest(), InputError);
}

TEST_CASE("a line input reads a FIFO to its end and a file without a final newline",
          "[common][hostile]") {
    const std::string dir = test::scratch_dir("line_input_fifo");
    const std::string fifo = dir + "/rows";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ofstream out(fifo);
        out << "a\nb\nc";
    });
    LineInput in(fifo, "table");
    std::vector<std::string> lines;
    std::string line;
    while (in.getline(line)) {
        lines.push_back(line);
    }
    writer.join();
    CHECK(lines == std::vector<std::string>{"a", "b", "c"});

    test::write_file(dir + "/last", "x\ny");
    LineInput last(dir + "/last", "table");
    REQUIRE(last.getline(line));
    REQUIRE(last.getline(line));
    CHECK(line == "y");
    CHECK_FALSE(last.getline(line));
}
