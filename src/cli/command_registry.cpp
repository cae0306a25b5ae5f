#include "cli/command_registry.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace eventmap::cli {

namespace {
// Function-local static: safe to use from other translation units' static initialisers.
std::vector<CommandSpec>& registry() {
    static std::vector<CommandSpec> specs;
    return specs;
}
} // namespace

CommandRegistration::CommandRegistration(CommandSpec spec) {
    registry().push_back(std::move(spec));
}

int& pending_exit_code() {
    static int code = 0;
    return code;
}

void define_commands(CLI::App& app) {
    auto specs = registry();
    std::stable_sort(specs.begin(), specs.end(),
                     [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
    std::map<std::string, CLI::App*> parents;
    for (const auto& spec : specs) {
        if (spec.parent == nullptr) {
            spec.define(app);
        }
    }
    for (const auto& spec : specs) {
        if (spec.parent == nullptr) {
            continue;
        }
        CLI::App* parent = nullptr;
        try {
            parent = app.get_subcommand(spec.parent);
        } catch (const CLI::OptionNotFound&) {
            parent = nullptr;
        }
        if (parent == nullptr) {
            parent = app.add_subcommand(spec.parent, std::string("Run ") + spec.parent)
                         ->require_subcommand(1);
        }
        spec.define(*parent);
    }
}

} // namespace eventmap::cli
