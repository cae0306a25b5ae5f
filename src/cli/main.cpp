// eventmap: one binary, a subcommand per pipeline stage (see cli/*_command.cpp).
// This file only wires them up and turns exceptions into messages and exit codes.
#include "build_config.hpp"
#include "cli/command_registry.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"

#include <cstring>
#include <functional>
#include <iostream>
#include <vector>

namespace {

// What every command shares, shown at the end of each --help.
constexpr const char* common_help =
    "Files: a directory given as an article input stands for its *.txt (or, with --input-format "
    "jsonl, *.jsonl) files in name order, not recursively; a FIFO is read as a stream; a device, "
    "a socket or a file that grows while it is read is refused (exit 3). The same holds for "
    "gazetteer sources, except that a directory is refused there. Outputs are written to a "
    "temporary file and renamed into place; an output path that is a symbolic link is refused "
    "(exit 5) unless --force is given anywhere on the command line, and then the link itself is "
    "replaced, never the file it points to.";

// --force is global: taken out of the arguments (up to a lone "--") before the commands parse
// theirs, so every command that writes a file accepts it without defining it.
std::vector<char*> take_force(int argc, char** argv) {
    std::vector<char*> args;
    bool options_end = false;
    for (int i = 0; i < argc; ++i) {
        options_end = options_end || std::strcmp(argv[i], "--") == 0;
        if (i > 0 && !options_end && std::strcmp(argv[i], "--force") == 0) {
            eventmap::allow_replacing_links(true);
            continue;
        }
        args.push_back(argv[i]);
    }
    return args;
}

void add_common_help(CLI::App& app) {
    app.footer(common_help);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        add_common_help(*sub);
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"eventmap: geographic event mapper for news articles"};
    app.set_version_flag("--version", eventmap::build_config::version);
    app.require_subcommand(1);
    eventmap::cli::define_commands(app);
    add_common_help(app);
    std::vector<char*> args = take_force(argc, argv);

    try {
        app.parse(static_cast<int>(args.size()), args.data());
    } catch (const CLI::ParseError& e) {
        // Prints help (exit 0) or the usage error; every usage error is exit code 2.
        return app.exit(e) == 0 ? 0 : static_cast<int>(eventmap::ExitCode::usage);
    } catch (const eventmap::Error& e) {
        std::string cmd = app.get_subcommands().empty() ? "" : app.get_subcommands()[0]->get_name();
        std::cerr << "eventmap" << (cmd.empty() ? "" : " " + cmd) << ": " << e.located() << '\n';
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        std::cerr << "eventmap: internal error: " << e.what() << '\n';
        return static_cast<int>(eventmap::ExitCode::failure);
    }
    return eventmap::cli::pending_exit_code();
}
