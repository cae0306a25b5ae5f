// `eventmap dates`: finds and normalises temporal expressions, one JSON line each, plus one
// publication-date line per document.
#include "cli/command_registry.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "dates/calendar.hpp"
#include "dates/date_tagger.hpp"

#include <iostream>
#include <memory>

namespace {

struct DatesOptions {
    std::vector<std::string> inputs;
    std::string input_format = "txt";
    std::string published;
    std::string numeric_order = "mdy";
    std::string output;
    bool keep_going = false;
};

void run(const DatesOptions& opts) {
    eventmap::ReaderOptions reader_options;
    reader_options.format =
        opts.input_format == "jsonl" ? eventmap::InputFormat::jsonl : eventmap::InputFormat::txt;
    reader_options.keep_going = opts.keep_going;
    eventmap::ArticleReader reader(
        opts.inputs.empty() ? std::vector<std::string>{"-"} : opts.inputs, reader_options);
    eventmap::dates::DateOptions date_options;
    date_options.published = opts.published;
    date_options.numeric_order = opts.numeric_order == "dmy"
                                     ? eventmap::dates::NumericOrder::day_first
                                     : eventmap::dates::NumericOrder::month_first;

    eventmap::OutputFile output(opts.output);
    eventmap::Article article;
    while (reader.next(article)) {
        eventmap::dates::write_jsonl(output.stream(), article.id,
                                     eventmap::dates::tag_dates(article, date_options));
    }
    output.commit();
    if (reader.skipped_lines() > 0) {
        std::cerr << "eventmap dates: skipped " << reader.skipped_lines() << " malformed line(s)\n";
    }
}

void define(CLI::App& app) {
    auto opts = std::make_shared<DatesOptions>();
    auto* cmd = app.add_subcommand(
        "dates", "Find and normalise temporal expressions (TIMEX3 values) as JSON Lines");
    cmd->add_option("inputs", opts->inputs, "Article files (txt or jsonl), '-' for stdin");
    cmd->add_option("--input-format", opts->input_format, "txt (one article per file) or jsonl")
        ->check(CLI::IsMember({"txt", "jsonl"}));
    cmd->add_option("--published", opts->published,
                    "Publication date YYYY-MM-DD (overrides the input and inference)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                return eventmap::dates::parse_iso_day(value) && value.size() == 10
                           ? std::string()
                           : "expected a valid date YYYY-MM-DD, got '" + value + "'";
            },
            "YYYY-MM-DD"));
    cmd->add_option("--numeric-order", opts->numeric_order,
                    "How to read ambiguous numeric dates like 03/04/2013: mdy (US) or dmy")
        ->check(CLI::IsMember({"mdy", "dmy"}));
    cmd->add_option("-o,--output", opts->output,
                    "Output file (written atomically); stdout if absent");
    cmd->add_flag("--keep-going", opts->keep_going, "Skip malformed jsonl lines");
    cmd->callback([opts] { run(*opts); });
}

const eventmap::cli::CommandRegistration registration{{nullptr, "dates", 30, define}};

} // namespace
