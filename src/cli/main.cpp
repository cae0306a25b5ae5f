// eventmap: one binary, a subcommand per pipeline stage (see cli/*_command.cpp).
// This file only wires them up and turns exceptions into messages and exit codes.
#include "build_config.hpp"
#include "cli/command_registry.hpp"
#include "common/error.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"eventmap: geographic event mapper for news articles"};
    app.set_version_flag("--version", eventmap::build_config::version);
    app.require_subcommand(1);
    eventmap::cli::define_commands(app);

    try {
        app.parse(argc, argv);
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
