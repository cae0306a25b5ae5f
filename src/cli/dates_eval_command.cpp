// `eventmap eval dates CORPUS`: scores the date tagger against gold TimeML / MEANTIME.
#include "cli/command_registry.hpp"
#include "eval/dates_eval.hpp"

#include <iostream>
#include <memory>

namespace {

struct EvalDatesOptions {
    std::string corpus;
    std::string format = "meantime";
    std::string timelines;
    bool show_errors = false;
};

void define(CLI::App& app) {
    auto opts = std::make_shared<EvalDatesOptions>();
    auto* cmd = app.add_subcommand(
        "dates", "Score temporal expressions against gold TimeML or MEANTIME (TempEval-3)");
    cmd->add_option("corpus", opts->corpus, "Corpus file or directory")->required();
    cmd->add_option("--format", opts->format, "meantime (CAT XML) or timeml")
        ->check(CLI::IsMember({"meantime", "timeml"}));
    cmd->add_option("--timelines", opts->timelines,
                    "SemEval-2015 TimeLines_Gold_Standard directory: also score event dates");
    cmd->add_flag("--show-errors", opts->show_errors,
                  "List every missed, spurious and wrong value");
    cmd->callback([opts] {
        eventmap::eval::DatesEvalOptions options;
        options.corpus = opts->corpus;
        options.format = opts->format == "timeml" ? eventmap::eval::CorpusFormat::timeml
                                                  : eventmap::eval::CorpusFormat::meantime;
        options.timelines = opts->timelines;
        options.show_errors = opts->show_errors;
        const auto report = eventmap::eval::evaluate_dates(options);
        eventmap::eval::print_report(std::cout, options, report);
    });
}

const eventmap::cli::CommandRegistration registration{{"eval", "dates", 90, define}};

} // namespace
