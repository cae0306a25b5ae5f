#include "support/test_support.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace eventmap::test {

std::string fixture(const std::string& relative) {
    return std::string(EVENTMAP_TEST_FIXTURES) + "/" + relative;
}

std::string scratch_dir(const std::string& name) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(EVENTMAP_TEST_TMP) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("test: cannot read " + path);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

void write_file(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << contents;
    if (!out) {
        throw std::runtime_error("test: cannot write " + path);
    }
}

CommandResult run_command(const std::string& command) {
    static int counter = 0;
    const std::string dir =
        scratch_dir("run_command_" + std::to_string(getpid()) + "_" + std::to_string(++counter));
    const std::string out_path = dir + "/stdout";
    const std::string err_path = dir + "/stderr";
    const std::string cmd = command + " >'" + out_path + "' 2>'" + err_path + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

CommandResult run_eventmap(const std::string& args) {
    return run_command(std::string("'") + EVENTMAP_TEST_BINARY + "' " + args);
}

void mark_skipped(const std::string& reason) {
    std::cout << "EVENTMAP-SKIPPED: " << reason << std::endl;
}

} // namespace eventmap::test
