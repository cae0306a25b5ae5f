// Hostile inputs to the article reader (issue 13): a directory stands for its article files in
// name order; a FIFO is read as a stream; a device is refused; a file that grows while read is
// refused, not read without end. Plus the fuzz findings on the reader, as regression tests.
#include "common/article.hpp"
#include "common/error.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>
#include <thread>

using namespace eventmap;

namespace {

std::vector<std::string> ids_read(const std::vector<std::string>& inputs, InputFormat format) {
    ArticleReader reader(inputs, {format, false});
    std::vector<std::string> ids;
    Article a;
    while (reader.next(a)) {
        ids.push_back(a.id);
    }
    return ids;
}

} // namespace

TEST_CASE("a directory input stands for its text files in name order", "[common][hostile]") {
    const std::string dir = test::scratch_dir("article_dir");
    test::write_file(dir + "/b.txt", "Second report from the coast.");
    test::write_file(dir + "/a.txt", "First report from the hills.");
    test::write_file(dir + "/notes.md", "not an article");
    test::write_file(dir + "/c.jsonl", R"({"id":"j1","text":"In jsonl."})"
                                       "\n");
    CHECK(ids_read({dir}, InputFormat::txt) ==
          std::vector<std::string>{dir + "/a.txt", dir + "/b.txt"});
    CHECK(ids_read({dir}, InputFormat::jsonl) == std::vector<std::string>{"j1"});
    // Mixed with plain files, in the order given.
    CHECK(ids_read({dir + "/b.txt", dir}, InputFormat::txt) ==
          std::vector<std::string>{dir + "/b.txt", dir + "/a.txt", dir + "/b.txt"});
}

TEST_CASE("a directory without article files is a clear error", "[common][hostile]") {
    const std::string dir = test::scratch_dir("article_empty_dir");
    test::write_file(dir + "/readme.md", "nothing here");
    CHECK_THROWS_WITH(ids_read({dir}, InputFormat::txt), Catch::Contains("holds no .txt files"));
    CHECK_THROWS_AS(read_text_file(dir), InputError);
}

TEST_CASE("a device file is refused, not read forever", "[common][hostile]") {
    try {
        ids_read({"/dev/zero"}, InputFormat::jsonl);
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("device") != std::string::npos);
        CHECK(e.file() == "/dev/zero");
    }
    CHECK_THROWS_AS(read_text_file("/dev/urandom"), InputError);
    CHECK_THROWS_AS(ids_read({"/dev/null"}, InputFormat::txt), InputError);
}

TEST_CASE("a FIFO is read as a stream", "[common][hostile]") {
    const std::string dir = test::scratch_dir("article_fifo");
    const std::string fifo = dir + "/articles.jsonl";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ofstream out(fifo);
        out << R"({"id":"f1","text":"Through a pipe."})"
            << "\n"
            << R"({"id":"f2","text":"And another."})"
            << "\n";
    });
    const auto ids = ids_read({fifo}, InputFormat::jsonl);
    writer.join();
    CHECK(ids == std::vector<std::string>{"f1", "f2"});
}

TEST_CASE("a jsonl file growing while read is refused", "[common][hostile]") {
    const std::string dir = test::scratch_dir("article_growing");
    const std::string path = dir + "/growing.jsonl";
    test::write_file(path, R"({"id":"g1","text":"First."})"
                           "\n"
                           R"({"id":"g2","text":"Second."})"
                           "\n");
    ArticleReader reader({path}, {InputFormat::jsonl, false});
    Article a;
    REQUIRE(reader.next(a));
    {
        // Another process appends more than the reader has buffered.
        std::ofstream out(path, std::ios::app);
        for (int i = 0; i < 2000; ++i) {
            out << R"({"id":"more","text":"Appended while the reader was busy."})"
                << "\n";
        }
    }
    try {
        while (reader.next(a)) {
        }
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("grew while being read") != std::string::npos);
        CHECK(e.line() > 2);
    }
}

TEST_CASE("a file the size of its contents reads whole, growth or not", "[common][hostile]") {
    const std::string dir = test::scratch_dir("article_exact");
    test::write_file(dir + "/a.txt", "No newline at the end");
    CHECK(read_text_file(dir + "/a.txt") == "No newline at the end");
    test::write_file(dir + "/b.jsonl", R"({"id":"b","text":"no newline"})");
    CHECK(ids_read({dir + "/b.jsonl"}, InputFormat::jsonl) == std::vector<std::string>{"b"});
}
