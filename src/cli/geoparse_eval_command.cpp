// `eventmap eval geoparse CORPUS`: the geoparser against a gold corpus (LGL/TR-News,
// GeoVirus, GeoWebNews XML). Prints recognition precision/recall, accuracy@161 and errors on
// what was matched, and end-to-end accuracy@161 over all gold toponyms; --ablate adds a row
// per filter rule switched off and one for the naive population resolver.
#include "cli/command_registry.hpp"
#include "cli/gazetteer_index.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "eval/geoparse_corpus.hpp"
#include "eval/geoparse_scorer.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace eventmap::cli {

namespace {

struct EvalArgs {
    std::string corpus;
    std::string format; // empty: detect
    std::string index;
    std::string errors;
    std::vector<std::string> without; // filter rules switched off in the main run
    bool ablate = false;
    bool json = false;
};

void print_row(const std::string& label, const eval::GeoparseScore& s, std::size_t articles) {
    std::cout << std::left << std::setw(26) << label << std::right << std::fixed
              << std::setprecision(3) << std::setw(7) << s.precision() << std::setw(7) << s.recall()
              << std::setw(7) << s.f1() << std::setw(9) << s.accuracy_matched()
              << std::setprecision(0) << std::setw(8) << s.mean_error_km << std::setw(8)
              << s.median_error_km << std::setprecision(3) << std::setw(7) << s.auc << std::setw(9)
              << s.accuracy_end_to_end() << std::setprecision(0) << std::setw(8)
              << (s.seconds > 0 ? static_cast<double>(articles) / s.seconds : 0.0) << '\n';
}

nlohmann::ordered_json to_json(const eval::GeoparseScore& s) {
    nlohmann::ordered_json j;
    j["gold"] = s.gold;
    j["predicted"] = s.predicted;
    j["matched"] = s.matched;
    j["precision"] = s.precision();
    j["recall"] = s.recall();
    j["f1"] = s.f1();
    j["accuracy_161_matched"] = s.accuracy_matched();
    j["mean_error_km"] = s.mean_error_km;
    j["median_error_km"] = s.median_error_km;
    j["auc"] = s.auc;
    j["accuracy_161_end_to_end"] = s.accuracy_end_to_end();
    j["seconds"] = s.seconds;
    return j;
}

void write_errors(const std::string& path, const std::vector<eval::GeoparseErrorRecord>& records) {
    OutputFile out(path);
    for (const auto& r : records) {
        nlohmann::ordered_json j;
        j["doc"] = r.doc;
        j["kind"] = r.kind;
        j["start"] = r.start;
        j["end"] = r.end;
        j["gold"] = r.gold_name;
        j["text"] = r.predicted_text;
        j["predicted"] = r.predicted_name;
        j["country"] = r.predicted_country;
        j["error_km"] = r.error_km;
        out.stream() << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    out.commit();
}

void run(const EvalArgs& a) {
    const std::string xml = read_text_file(a.corpus);
    eval::GeoCorpusFormat format = eval::detect_geo_corpus_format(xml);
    if (a.format == "lgl") {
        format = eval::GeoCorpusFormat::lgl;
    } else if (a.format == "geovirus") {
        format = eval::GeoCorpusFormat::geovirus;
    } else if (a.format == "gwn") {
        format = eval::GeoCorpusFormat::gwn;
    }
    const eval::GoldCorpus corpus = eval::parse_geo_corpus(xml, format, a.corpus);
    if (corpus.articles.empty()) {
        throw InputError("no <article> elements: not a geoparsing corpus", a.corpus);
    }
    // An index named with --index is used as it is (the user chose it); the default one is
    // rebuilt when its sources changed.
    const gazetteer::Gazetteer g = a.index.empty()
                                       ? cli::open_or_build(gazetteer::default_index_path(),
                                                            gazetteer::default_sources(), true)
                                       : gazetteer::Gazetteer::open(a.index);

    std::vector<std::pair<std::string, geoparse::GeoparseOptions>> runs;
    geoparse::GeoparseOptions main_options;
    for (const std::string& rule : a.without) {
        auto& f = main_options.filters;
        bool* flag = rule == "persons"            ? &f.persons
                     : rule == "organisations"    ? &f.organisations
                     : rule == "not_places"       ? &f.not_places
                     : rule == "sentence_initial" ? &f.sentence_initial
                     : rule == "proper_phrases"   ? &f.proper_phrases
                     : rule == "acronyms"         ? &f.acronyms
                     : rule == "common_nouns"     ? &f.common_nouns
                     : rule == "loose_matches"    ? &f.loose_matches
                                                  : nullptr;
        if (flag == nullptr) {
            throw InputError("unknown filter rule '" + rule + "'");
        }
        *flag = false;
    }
    runs.emplace_back("geoparser", main_options);
    if (a.ablate) {
        auto off = [&](const char* label, bool geoparse::FilterRules::*rule) {
            geoparse::GeoparseOptions o;
            o.filters.*rule = false;
            runs.emplace_back(label, o);
        };
        off("- persons", &geoparse::FilterRules::persons);
        off("- organisations", &geoparse::FilterRules::organisations);
        off("- not_places", &geoparse::FilterRules::not_places);
        off("- sentence_initial", &geoparse::FilterRules::sentence_initial);
        off("- proper_phrases", &geoparse::FilterRules::proper_phrases);
        off("- acronyms", &geoparse::FilterRules::acronyms);
        off("- common_nouns", &geoparse::FilterRules::common_nouns);
        off("- loose_matches", &geoparse::FilterRules::loose_matches);
        geoparse::GeoparseOptions none;
        none.filters =
            geoparse::FilterRules{false, false, false, false, false, false, false, false};
        runs.emplace_back("no filters", none);
        geoparse::GeoparseOptions naive;
        naive.resolver = geoparse::ResolverKind::population;
        runs.emplace_back("population resolver", naive);
    }

    nlohmann::ordered_json report;
    report["corpus"] = a.corpus;
    report["articles"] = corpus.articles.size();
    report["gold_toponyms"] = corpus.toponyms;
    if (!a.json) {
        std::cout << a.corpus << ": " << corpus.articles.size() << " articles, " << corpus.toponyms
                  << " gold toponyms with coordinates";
        if (corpus.without_coordinates > 0) {
            std::cout << " (" << corpus.without_coordinates << " without, skipped)";
        }
        if (corpus.other_types > 0) {
            std::cout << "; " << corpus.other_types
                      << " demonyms, language names and non-toponyms not scored";
        }
        if (corpus.realigned + corpus.misaligned > 0) {
            std::cout << "; spans realigned " << corpus.realigned << ", misaligned "
                      << corpus.misaligned;
        }
        std::cout << "\n\n"
                  << std::left << std::setw(26) << "run" << std::right << std::setw(7) << "P"
                  << std::setw(7) << "R" << std::setw(7) << "F1" << std::setw(9) << "acc161m"
                  << std::setw(8) << "meankm" << std::setw(8) << "medkm" << std::setw(7) << "AUC"
                  << std::setw(9) << "acc161" << std::setw(8) << "art/s" << '\n';
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const geoparse::Geoparser parser(g, runs[i].second);
        std::vector<eval::GeoparseErrorRecord> records;
        const bool keep = i == 0 && !a.errors.empty();
        eval::GeoparseScore s = eval::score_geoparser(parser, corpus, keep ? &records : nullptr);
        if (keep) {
            write_errors(a.errors, records);
        }
        if (a.json) {
            report["runs"][runs[i].first] = to_json(s);
        } else {
            print_row(runs[i].first, s, corpus.articles.size());
        }
        if (i == 0 && !a.json) {
            std::cout << "  (" << s.gold << " gold, " << s.predicted << " predicted, " << s.matched
                      << " matched, " << s.within_161 << " within 161 km)\n";
        }
    }
    // The figures to report: the test half, which no rule was tuned on (split_dev_test).
    const eval::CorpusHalves halves = eval::split_dev_test(corpus);
    const geoparse::Geoparser parser(g, runs.front().second);
    for (const auto& [label, half] :
         {std::pair<const char*, const eval::GoldCorpus*>{"dev half", &halves.dev},
          {"test half", &halves.test}}) {
        const eval::GeoparseScore s = eval::score_geoparser(parser, *half);
        if (a.json) {
            report["halves"][label] = to_json(s);
            report["halves"][label]["articles"] = half->articles.size();
        } else {
            print_row(std::string("geoparser, ") + label, s, half->articles.size());
        }
    }
    if (a.json) {
        std::cout << report.dump(2) << '\n';
    } else {
        std::cout << "\ndev half: documents 1, 3, 5... of the corpus (rules may be tuned on it); "
                     "test half:\ndocuments 2, 4, 6... (only measured: the figure to report).\n"
                     "P/R: recognition by span overlap; acc161m, mean/median km and AUC over "
                     "matched toponyms;\nacc161: end-to-end accuracy@161 km over ALL gold "
                     "toponyms (a miss counts as wrong).\n";
    }
}

void define(CLI::App& app) {
    auto args = std::make_shared<EvalArgs>();
    auto* cmd = app.add_subcommand("geoparse", "Score the geoparser on a gold corpus");
    cmd->add_option("corpus", args->corpus, "Gold corpus XML")->required();
    cmd->add_option("--format", args->format, "lgl, geovirus or gwn (default: detect)")
        ->check(CLI::IsMember({"lgl", "geovirus", "gwn"}));
    cmd->add_option("--index", args->index, "Gazetteer index (default: $EVENTMAP_GAZETTEER)");
    cmd->add_option("--errors", args->errors, "Write per-toponym outcomes here (JSON Lines)");
    cmd->add_option("--without", args->without,
                    "Switch filter rules off: persons organisations not_places sentence_initial "
                    "proper_phrases acronyms common_nouns loose_matches")
        ->delimiter(',');
    cmd->add_flag("--ablate", args->ablate,
                  "Also score with each filter off, and the naive resolver");
    cmd->add_flag("--json", args->json, "Print the figures as JSON");
    cmd->callback([args] { run(*args); });
}

const CommandRegistration reg{{"eval", "geoparse", 90, define}};

} // namespace

} // namespace eventmap::cli
