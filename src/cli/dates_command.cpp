// `eventmap dates`: finds and normalises temporal expressions, one JSON line each, plus one
// publication-date line per document.
#include "cli/command_registry.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "dates/calendar.hpp"
#include "dates/date_tagger.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace {

struct DatesOptions {
    std::vector<std::string> inputs;
    std::string input_format = "txt";
    std::string published;
    std::string numeric_order = "mdy";
    std::string output;
    bool keep_going = false;
};

// Writes to `path` through a temporary file renamed into place on success, so a failed run
// never leaves a half-written output behind.
class AtomicOutput {
  public:
    explicit AtomicOutput(std::string path) : path_(std::move(path)) {
        temp_ = path_ + ".tmp." + std::to_string(::getpid());
        file_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!file_) {
            throw eventmap::OutputError("cannot create output", path_);
        }
    }
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;
    ~AtomicOutput() {
        if (!committed_) {
            file_.close();
            std::remove(temp_.c_str());
        }
    }
    std::ostream& stream() { return file_; }
    void commit() {
        file_.flush();
        file_.close();
        if (!file_) {
            throw eventmap::OutputError("write failed", path_);
        }
        std::error_code ec;
        std::filesystem::rename(temp_, path_, ec);
        if (ec) {
            throw eventmap::OutputError("cannot rename into place: " + ec.message(), path_);
        }
        committed_ = true;
    }

  private:
    std::string path_;
    std::string temp_;
    std::ofstream file_;
    bool committed_ = false;
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

    std::unique_ptr<AtomicOutput> file;
    if (!opts.output.empty() && opts.output != "-") {
        file = std::make_unique<AtomicOutput>(opts.output);
    }
    std::ostream& out = file ? file->stream() : std::cout;
    eventmap::Article article;
    while (reader.next(article)) {
        eventmap::dates::write_jsonl(out, article.id,
                                     eventmap::dates::tag_dates(article, date_options));
    }
    if (!out) {
        throw eventmap::OutputError("write failed", opts.output.empty() ? "<stdout>" : opts.output);
    }
    if (file) {
        file->commit();
    }
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
