// Helpers shared by the tests: fixture paths, scratch directories, running the CLI.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace eventmap::test {

// Path of a file under tests/fixtures.
std::string fixture(const std::string& relative);

// A fresh, empty directory for one test (removed and recreated on each call with that name).
std::string scratch_dir(const std::string& name);

struct CommandResult {
    int exit_code = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// Runs the built eventmap binary with the given shell-quoted arguments.
CommandResult run_eventmap(const std::string& args);
// Runs a shell command line, capturing its output.
CommandResult run_command(const std::string& command);

std::string read_file(const std::string& path);

// Marks the running test as not run: prints "EVENTMAP-SKIPPED: <reason>" on stdout, which
// CTest's SKIP_REGULAR_EXPRESSION turns into "Skipped" (never "Passed"). The caller returns.
void mark_skipped(const std::string& reason);

// Parses JSON Lines output (eventmap geoparse, dates) into one object per line.
std::vector<nlohmann::json> json_lines(const std::string& out);
void write_file(const std::string& path, const std::string& contents);

} // namespace eventmap::test
