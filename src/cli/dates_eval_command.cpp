// `eventmap eval dates CORPUS...`: scores the date tagger against gold TimeML / MEANTIME, each
// corpus on its fixed dev and test halves.
#include "cli/command_registry.hpp"
#include "eval/dates_eval.hpp"

#include <iostream>
#include <memory>

namespace {

struct EvalDatesOptions {
    std::vector<std::string> corpora;
    std::string format = "auto";
    std::string timelines;
    bool show_errors = false;
    std::string errors_from = "dev";
};

eventmap::eval::Half parse_half(const std::string& half) {
    using eventmap::eval::Half;
    return half == "test" ? Half::test : half == "all" ? Half::all : Half::dev;
}

void define(CLI::App& app) {
    auto opts = std::make_shared<EvalDatesOptions>();
    auto* cmd = app.add_subcommand(
        "dates", "Score temporal expressions against gold TimeML or MEANTIME (TempEval-3)");
    cmd->add_option("corpus", opts->corpora, "Corpus files or directories, one corpus each")
        ->required();
    cmd->add_option("--format", opts->format,
                    "auto (by content), meantime (CAT XML) or timeml; applies to every corpus")
        ->check(CLI::IsMember({"auto", "meantime", "timeml"}));
    cmd->add_option("--timelines", opts->timelines,
                    "SemEval-2015 TimeLines_Gold_Standard directory: also score event dates");
    cmd->add_flag("--show-errors", opts->show_errors,
                  "List every missed, spurious and wrong value (of the --errors-from half)");
    cmd->add_option("--errors-from", opts->errors_from,
                    "Which half --show-errors lists: dev (default; tune on it), test or all")
        ->check(CLI::IsMember({"dev", "test", "all"}));
    cmd->callback([opts] {
        using namespace eventmap::eval;
        std::vector<std::pair<std::string, DatesEvalReport>> reports;
        for (const std::string& corpus : opts->corpora) {
            DatesEvalOptions options;
            options.corpus = corpus;
            options.format = opts->format == "timeml"     ? CorpusFormat::timeml
                             : opts->format == "meantime" ? CorpusFormat::meantime
                                                          : detect_format(corpus);
            options.timelines = opts->timelines;
            options.show_errors = opts->show_errors;
            options.errors_from = parse_half(opts->errors_from);
            reports.emplace_back(corpus, evaluate_dates(options));
            print_report(std::cout, options, reports.back().second);
            std::cout << "\n";
        }
        print_split_table(std::cout, reports);
    });
}

const eventmap::cli::CommandRegistration registration{{"eval", "dates", 90, define}};

} // namespace
