// Each subcommand lives in its own file in cli/ and registers itself here, so adding a stage
// never touches main.cpp. A command fills an options struct from its flags and hands it to
// one core function; errors propagate as eventmap::Error to main(), which prints and maps them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace eventmap::cli {

struct CommandSpec {
    const char* parent; // nullptr for top level, "eval" for eval's sub-subcommands
    const char* name;
    int order;                             // position in --help: pipeline order
    std::function<void(CLI::App&)> define; // adds the subcommand to the given app
};

// Called from a static object in each command file.
struct CommandRegistration {
    explicit CommandRegistration(CommandSpec spec);
};

// Builds the full command tree onto `app`.
void define_commands(CLI::App& app);

// The exit code a subcommand asks for (set by its callback, read by main()).
int& pending_exit_code();

} // namespace eventmap::cli
