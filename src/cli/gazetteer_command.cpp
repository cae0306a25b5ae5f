// `eventmap gazetteer build|lookup|info|verify`: compile the gazetteer index, query it, check it.
#include "cli/command_registry.hpp"
#include "cli/gazetteer_index.hpp"
#include "common/error.hpp"
#include "common/numbers.hpp"
#include "gazetteer/build.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace eventmap::cli {

namespace {

using namespace eventmap::gazetteer;

struct BuildArgs {
    std::string index;
    std::string sources_root;
    std::vector<std::string> geonames;
    std::vector<std::string> alternate_names;
    std::string countries, country_shapes, admin1, admin2, states, supplement, aliases;
    std::size_t max_errors = 1000;
    bool if_stale = false;
    bool quiet = false;
};

SourcePaths sources_for(const BuildArgs& a) {
    SourcePaths s =
        a.sources_root.empty() ? default_sources() : SourcePaths::defaults(a.sources_root);
    if (!a.geonames.empty()) {
        s.geonames = a.geonames;
    }
    s.alternate_names = a.alternate_names;
    auto set = [](std::string& field, const std::string& value) {
        if (!value.empty()) {
            field = value == "none" ? std::string() : value;
        }
    };
    set(s.countries, a.countries);
    set(s.country_shapes, a.country_shapes);
    set(s.admin1, a.admin1);
    set(s.admin2, a.admin2);
    set(s.states, a.states);
    set(s.supplement, a.supplement);
    set(s.aliases, a.aliases);
    return s;
}

void run_build(const BuildArgs& a) {
    BuildOptions options;
    options.sources = sources_for(a);
    options.index_path = a.index.empty() ? default_index_path() : a.index;
    options.max_errors = a.max_errors;
    if (a.if_stale && index_is_current(options.index_path, options.sources)) {
        if (!a.quiet) {
            std::cerr << "gazetteer index is up to date: " << options.index_path << '\n';
        }
        return;
    }
    const BuildReport r = build_index(options);
    const auto& diag = r.diagnostics;
    for (const auto& e : diag.first_errors()) {
        std::cerr << "eventmap gazetteer build: " << e.file;
        if (e.line > 0) {
            std::cerr << ':' << e.line;
        }
        std::cerr << ": " << e.what << '\n';
    }
    if (diag.count() > diag.first_errors().size()) {
        std::cerr << "eventmap gazetteer build: ... and "
                  << diag.count() - diag.first_errors().size() << " more malformed rows\n";
    }
    for (const auto& [file, n] : diag.per_file()) {
        std::cerr << "eventmap gazetteer build: " << n << " malformed rows in " << file << '\n';
    }
    if (!r.index_written) {
        std::cerr << "eventmap gazetteer build: " << diag.count()
                  << " malformed rows exceed --max-errors " << a.max_errors
                  << "; index not written (the previous one, if any, is untouched)\n";
        pending_exit_code() = static_cast<int>(ExitCode::failure);
        return;
    }
    if (!a.quiet) {
        std::cerr << "gazetteer index written: " << options.index_path << " ("
                  << r.written.file_size / (1024ULL * 1024ULL) << " MiB, " << r.written.places
                  << " places, " << r.written.names << " names, " << r.written.postings
                  << " name links) in " << std::fixed << std::setprecision(1) << r.seconds
                  << " s\n";
        for (const auto& [source, n] : r.places_per_source) {
            std::cerr << "  " << std::setw(11) << std::left << source << n << " places\n";
        }
        if (diag.count() > 0) {
            std::cerr << "  " << diag.count() << " malformed rows skipped\n";
        }
    }
}

struct LookupArgs {
    std::string index;
    std::string name;
    std::string country;
    std::size_t limit = 10;
    bool json = false;
};

nlohmann::json candidate_json(const Candidate& c) {
    const PlaceView& p = c.place;
    return {{"id", p.id},
            {"name", std::string(p.name)},
            {"feature_class", std::string(1, p.feature_class)},
            {"feature_code", std::string(p.feature_code)},
            {"country", std::string(p.country)},
            {"admin1", std::string(p.admin1)},
            {"iso3166_2", std::string(p.iso3166_2)},
            {"population", p.population},
            {"lat", p.position.lat},
            {"lon", p.position.lon},
            {"radius_km", p.radius_km},
            {"precision", std::string(to_string(p.precision))},
            {"source", std::string(to_string(p.source))},
            {"match", std::string(to_string(c.kind))},
            {"score", c.score}};
}

// An index the user names is used as it is (checked, not compared with any sources); the
// default one is rebuilt when its sources changed.
Gazetteer open_selected(const std::string& index) {
    return index.empty() ? open_or_build(default_index_path(), default_sources(), true)
                         : Gazetteer::open(index);
}

void run_lookup(const LookupArgs& a) {
    const Gazetteer g = open_selected(a.index);
    LookupOptions options;
    options.limit = a.limit;
    options.country = a.country;
    std::transform(options.country.begin(), options.country.end(), options.country.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    const auto candidates = g.lookup(a.name, options);
    if (a.json) {
        nlohmann::json out = {{"query", a.name}, {"candidates", nlohmann::json::array()}};
        for (const auto& c : candidates) {
            out["candidates"].push_back(candidate_json(c));
        }
        std::cout << out.dump() << '\n';
    } else {
        std::cout << a.name << ": " << candidates.size() << " candidate"
                  << (candidates.size() == 1 ? "" : "s") << '\n';
        int rank = 0;
        for (const auto& c : candidates) {
            const PlaceView& p = c.place;
            const std::string coords =
                format_fixed(p.position.lat, 4) + ", " + format_fixed(p.position.lon, 4);
            std::cout << "  " << ++rank << ". " << p.name << " [" << p.feature_class << '.'
                      << p.feature_code << "] " << (p.country.empty() ? "--" : p.country);
            if (!p.admin1.empty()) {
                std::cout << '.' << p.admin1;
            }
            std::cout << "  pop " << p.population << "  (" << coords << ")  id " << p.id;
            if (c.kind != NameKind::name) {
                std::cout << "  via " << to_string(c.kind);
            }
            std::cout << '\n';
        }
    }
    if (candidates.empty()) {
        pending_exit_code() = static_cast<int>(ExitCode::failure);
    }
}

void run_info(const std::string& index) {
    const Gazetteer g = open_selected(index);
    const IndexStats s = g.stats();
    std::map<std::string, std::size_t> per_source;
    std::map<std::string, std::size_t> per_class;
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        const PlaceView p = g.place(i);
        ++per_source[std::string(to_string(p.source))];
        ++per_class[std::string(1, p.feature_class)];
    }
    std::cout << "index        " << g.path() << '\n'
              << "format       " << s.format_version << '\n'
              << "built        " << s.built_at << '\n'
              << "size         " << s.file_size << " bytes\n"
              << "places       " << s.places << '\n'
              << "names        " << s.names << " distinct normalised names, " << s.postings
              << " name-place links, " << s.tokens << " tokens\n"
              << "by source\n";
    for (const auto& [k, n] : per_source) {
        std::cout << "  " << std::setw(12) << std::left << k << n << '\n';
    }
    std::cout << "by feature class\n";
    for (const auto& [k, n] : per_class) {
        std::cout << "  " << std::setw(12) << std::left << k << n << '\n';
    }
}

// Reads the whole index: each section's checksum and every reference between sections (open
// checks the header only). Exit 4 with the section and record on the first problem.
void run_verify(const std::string& index) {
    const auto start = std::chrono::steady_clock::now();
    const Gazetteer g = open_selected(index);
    const std::uint64_t bytes = g.verify();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << g.path() << ": ok, " << bytes << " bytes in 7 sections verified in " << std::fixed
              << std::setprecision(2) << seconds << " s\n";
}

void define(CLI::App& app) {
    auto* gaz = app.add_subcommand("gazetteer", "Build and query the gazetteer index");
    gaz->require_subcommand(1);
    auto index = std::make_shared<std::string>();
    gaz->add_option("--index", *index, "Index file (default: $EVENTMAP_GAZETTEER or the build's)");

    auto b = std::make_shared<BuildArgs>();
    auto* build = gaz->add_subcommand("build", "Compile the index from the gazetteer sources");
    build->add_option("--sources-root", b->sources_root, "Checkout whose gazetteer/ to read");
    build->add_option("--geonames", b->geonames,
                      "GeoNames table(s): cities500.txt, allCountries.txt, XX.txt");
    build->add_option("--alternate-names", b->alternate_names, "GeoNames alternateNamesV2.txt");
    build->add_option("--countries", b->countries, "world-countries countries.json");
    build->add_option(
        "--country-shapes", b->country_shapes,
        "Natural Earth countries (world-atlas TopoJSON) for country points ('none' to skip)");
    build->add_option("--admin1", b->admin1, "admin1.json or admin1CodesASCII.txt");
    build->add_option("--admin2", b->admin2, "admin2.json or admin2Codes.txt ('none' to skip)");
    build->add_option("--states", b->states, "country-state-city state.json ('none' to skip)");
    build->add_option("--supplement", b->supplement, "supplement.tsv ('none' to skip)");
    build->add_option("--aliases", b->aliases, "aliases.tsv ('none' to skip)");
    build
        ->add_option("--max-errors", b->max_errors,
                     "Malformed source rows tolerated before failing")
        ->capture_default_str();
    build->add_flag("--if-stale", b->if_stale, "Only build when the index is missing or stale");
    build->add_flag("-q,--quiet", b->quiet, "Print only problems");
    build->callback([b, index] {
        BuildArgs args = *b;
        args.index = *index;
        run_build(args);
    });

    auto l = std::make_shared<LookupArgs>();
    auto* lookup = gaz->add_subcommand("lookup", "Ranked candidates for a place name");
    lookup->add_option("name", l->name, "Place name, abbreviation or demonym")->required();
    lookup->add_option("--country", l->country, "Only places in this ISO 3166-1 alpha-2 country");
    lookup->add_option("--limit", l->limit, "Most candidates to print")->capture_default_str();
    lookup->add_flag("--json", l->json, "Print JSON");
    lookup->callback([l, index] {
        LookupArgs args = *l;
        args.index = *index;
        run_lookup(args);
    });

    auto* info = gaz->add_subcommand("info", "Counts per source and feature class");
    info->callback([index] { run_info(*index); });

    auto* verify =
        gaz->add_subcommand("verify", "Check every section's checksum and every reference");
    verify->callback([index] { run_verify(*index); });
}

const CommandRegistration registration{{nullptr, "gazetteer", 10, define}};

} // namespace

} // namespace eventmap::cli
