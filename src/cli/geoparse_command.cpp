// `eventmap geoparse [FILE...|-]`: place mentions of articles as JSON Lines (issue 3).
#include "cli/command_registry.hpp"
#include "cli/gazetteer_index.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/stream.hpp"

#include <iostream>
#include <memory>

namespace eventmap::cli {

namespace {

struct GeoparseArgs {
    std::vector<std::string> inputs;
    std::string input_format = "txt";
    unsigned threads = 1;
    std::string output;
    std::string index;
    std::string resolver = "context";
    std::size_t max_alternatives = 3;
    bool keep_going = false;
    bool no_demonyms = false;
    bool quiet = false;
};

void run(const GeoparseArgs& a) {
    ReaderOptions reader_options;
    reader_options.format = a.input_format == "jsonl" ? InputFormat::jsonl : InputFormat::txt;
    reader_options.keep_going = a.keep_going;
    ArticleReader reader(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs,
                         reader_options);

    // An index named with --index is used as it is (the user chose it); the default one is
    // rebuilt when its sources changed.
    const gazetteer::Gazetteer g = a.index.empty()
                                       ? cli::open_or_build(gazetteer::default_index_path(),
                                                            gazetteer::default_sources(), true)
                                       : gazetteer::Gazetteer::open(a.index);
    geoparse::GeoparseOptions options;
    options.max_alternatives = a.max_alternatives;
    options.include_demonyms = !a.no_demonyms;
    options.resolver = a.resolver == "population" ? geoparse::ResolverKind::population
                                                  : geoparse::ResolverKind::context;
    const geoparse::Geoparser parser(g, options);

    geoparse::StreamOptions stream_options;
    stream_options.threads = a.threads;
    geoparse::StreamStats stats;
    OutputFile out(a.output);
    stats = geoparse::geoparse_stream(parser, reader, out.stream(), stream_options);
    out.commit();
    if (!a.quiet) {
        std::cerr << "eventmap geoparse: " << stats.articles << " articles, " << stats.mentions
                  << " mentions";
        if (stats.empty_articles > 0) {
            std::cerr << ", " << stats.empty_articles << " empty";
        }
        if (stats.invalid_utf8 > 0) {
            std::cerr << ", " << stats.invalid_utf8
                      << " invalid UTF-8 sequences replaced with U+FFFD";
        }
        if (stats.skipped_lines > 0) {
            std::cerr << ", " << stats.skipped_lines << " malformed lines skipped";
        }
        std::cerr << '\n';
    }
}

void define(CLI::App& app) {
    auto args = std::make_shared<GeoparseArgs>();
    auto* cmd = app.add_subcommand("geoparse", "Find the places articles mention (JSON Lines)");
    cmd->add_option("inputs", args->inputs, "Article files, or - for standard input");
    cmd->add_option("--input-format", args->input_format, "txt (one article per file) or jsonl")
        ->check(CLI::IsMember({"txt", "jsonl"}));
    cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1U, 256U));
    cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
    cmd->add_option("--index", args->index, "Gazetteer index (default: $EVENTMAP_GAZETTEER)");
    cmd->add_option("--resolver", args->resolver,
                    "context (default) or population (naive baseline)")
        ->check(CLI::IsMember({"context", "population"}));
    cmd->add_option("--max-alternatives", args->max_alternatives, "Runners-up per mention");
    cmd->add_flag("--keep-going", args->keep_going, "Skip malformed jsonl lines and count them");
    cmd->add_flag("--no-demonyms", args->no_demonyms, "Leave out demonyms (\"Syrian\")");
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
    cmd->callback([args] { run(*args); });
}

const CommandRegistration reg{{nullptr, "geoparse", 20, define}};

} // namespace

} // namespace eventmap::cli
