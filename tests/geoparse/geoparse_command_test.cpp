// `eventmap geoparse` end to end: the stable JSON Lines interface, input formats, threads,
// atomic -o, and bad input (issue 3).
#include "geoparse_support.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace eventmap::test;

namespace {

std::string jsonl_of(int count) {
    const std::string text = read_file(fixture("geoparse/talks.txt"));
    std::string out;
    for (int i = 0; i < count; ++i) {
        out += nlohmann::json{{"id", "a" + std::to_string(i)}, {"text", text}}.dump() + "\n";
    }
    return out;
}

} // namespace

TEST_CASE("geoparse writes one JSON object per mention with the stable fields", "[geoparse][cli]") {
    const auto r =
        run_eventmap("geoparse " + index_option() + "'" + fixture("geoparse/talks.txt") + "'");
    REQUIRE(r.exit_code == 0);
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() > 20);
    const std::vector<std::string> keys = {
        "doc",          "start",   "end",     "text", "name", "lat",        "lon",
        "gazetteer_id", "country", "feature", "type", "role", "confidence", "alternatives"};
    std::vector<std::string> got;
    for (auto it = lines[0].begin(); it != lines[0].end(); ++it) {
        got.push_back(it.key());
    }
    std::vector<std::string> sorted_keys = keys;
    std::sort(sorted_keys.begin(), sorted_keys.end());
    std::sort(got.begin(), got.end());
    CHECK(got == sorted_keys);
    CHECK(r.out.rfind("{\"doc\":", 0) == 0); // field order as documented
    for (const auto& j : lines) {
        CHECK(j["doc"] == fixture("geoparse/talks.txt"));
        CHECK(j["end"].get<std::size_t>() > j["start"].get<std::size_t>());
        CHECK((j["type"] == "place" || j["type"] == "demonym"));
        CHECK((j["role"] == "location" || j["role"] == "actor"));
        CHECK(j["lat"].get<double>() >= -90.0);
        CHECK(j["lat"].get<double>() <= 90.0);
    }
}

TEST_CASE("geoparse keeps input order on several threads", "[geoparse][cli]") {
    const std::string dir = scratch_dir("geoparse_threads");
    write_file(dir + "/in.jsonl", jsonl_of(60));
    const auto one =
        run_eventmap("geoparse " + index_option() + "--input-format jsonl '" + dir + "/in.jsonl'");
    const auto four = run_eventmap("geoparse " + index_option() +
                                   "--input-format jsonl --threads 4 '" + dir + "/in.jsonl'");
    REQUIRE(one.exit_code == 0);
    REQUIRE(four.exit_code == 0);
    CHECK(one.out == four.out);
    const auto lines = json_lines(four.out);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front()["doc"] == "a0");
    CHECK(lines.back()["doc"] == "a59");
}

TEST_CASE("geoparse -o writes the file only when everything succeeded", "[geoparse][cli]") {
    const std::string dir = scratch_dir("geoparse_output");
    const auto ok = run_eventmap("geoparse " + index_option() + "-o '" + dir + "/out.jsonl' '" +
                                 fixture("geoparse/talks.txt") + "'");
    REQUIRE(ok.exit_code == 0);
    CHECK(ok.out.empty());
    CHECK(json_lines(read_file(dir + "/out.jsonl")).size() > 20);

    write_file(dir + "/bad.jsonl", jsonl_of(2) + "{not json\n" + jsonl_of(1));
    const auto bad = run_eventmap("geoparse " + index_option() + "--input-format jsonl -o '" + dir +
                                  "/fail.jsonl' '" + dir + "/bad.jsonl'");
    CHECK(bad.exit_code == 3);
    CHECK(bad.err.find("bad.jsonl:3") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/fail.jsonl"));
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
    }
}

TEST_CASE("geoparse --keep-going skips malformed lines and counts them", "[geoparse][cli]") {
    const std::string dir = scratch_dir("geoparse_keep_going");
    write_file(dir + "/bad.jsonl",
               jsonl_of(1) + "{not json\n[1,2]\n{\"id\":\"x\"}\n" + jsonl_of(1));
    const auto r = run_eventmap("geoparse " + index_option() +
                                "--input-format jsonl --keep-going '" + dir + "/bad.jsonl'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("3 malformed lines skipped") != std::string::npos);
    CHECK(r.err.find("2 articles") != std::string::npos);
}

TEST_CASE("geoparse refuses binary files and accepts empty ones", "[geoparse][cli]") {
    const std::string dir = scratch_dir("geoparse_bad_input");
    write_file(dir + "/blob.bin", std::string("\x7f"
                                              "ELF\0\0\x01\x02\x03",
                                              9));
    const auto bin = run_eventmap("geoparse " + index_option() + "'" + dir + "/blob.bin'");
    CHECK(bin.exit_code == 3);
    CHECK(bin.err.find("blob.bin") != std::string::npos);
    CHECK(bin.err.find("binary") != std::string::npos);

    write_file(dir + "/empty.txt", "");
    const auto empty = run_eventmap("geoparse " + index_option() + "'" + dir + "/empty.txt'");
    CHECK(empty.exit_code == 0);
    CHECK(empty.out.empty());
    CHECK(empty.err.find("1 empty") != std::string::npos);

    const auto missing = run_eventmap("geoparse " + index_option() + "'" + dir + "/nope.txt'");
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("nope.txt") != std::string::npos);
}

TEST_CASE("geoparse replaces invalid UTF-8, counts it, and keeps offsets", "[geoparse][cli]") {
    const std::string dir = scratch_dir("geoparse_utf8");
    write_file(dir + "/bad.txt", "Bad \xc3\x28 byte before Beirut.\n");
    const auto r = run_eventmap("geoparse " + index_option() + "'" + dir + "/bad.txt'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("1 invalid UTF-8") != std::string::npos);
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["text"] == "Beirut");
    CHECK(lines[0]["start"] == 19); // "Bad \uFFFD( byte before " is 19 code points
}
