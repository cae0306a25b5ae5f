// eventmap export: events from a store to GeoJSON, GeoJSONSeq, CSV, KML, FlatGeobuf or
// GeoPackage, filtered by date, box and type (export/export.hpp does the work).
#include "cli/command_registry.hpp"
#include "common/error.hpp"
#include "export/export.hpp"
#include "store/event_store.hpp"

#include <iostream>
#include <memory>

namespace {

struct ExportCommandOptions {
    std::string db;
    std::string output;
    std::string from;
    std::string to;
    std::string bbox;
    std::string type;
    bool quiet = false;
};

void run(const ExportCommandOptions& opts) {
    using namespace eventmap;
    exporter::ExportOptions options;
    options.output = opts.output;
    options.query.from = opts.from;
    options.query.to = opts.to;
    options.query.type = opts.type;
    if (!opts.bbox.empty()) {
        options.query.bbox = exporter::parse_bbox(opts.bbox);
    }
    if (!options.query.from.empty()) {
        store::validate_query_date(options.query.from, "--from");
    }
    if (!options.query.to.empty()) {
        store::validate_query_date(options.query.to, "--to");
    }
    if (opts.output != "-" && !exporter::format_from_path(opts.output)) {
        throw InputError(
            "unknown output format; use .geojson, .geojsonl, .csv, .kml, .fgb or .gpkg",
            opts.output);
    }
    store::EventStore store(opts.db, store::OpenMode::read);
    const auto result = exporter::export_events(store, options);
    if (!opts.quiet && opts.output != "-") {
        std::cerr << "eventmap export: " << result.events << " events to " << opts.output << " ("
                  << exporter::format_name(result.format) << ")\n";
    }
}

void define(CLI::App& app) {
    auto opts = std::make_shared<ExportCommandOptions>();
    auto* cmd = app.add_subcommand(
        "export",
        "Export stored events to GeoJSON, GeoJSONSeq, CSV, KML, FlatGeobuf or GeoPackage");
    cmd->add_option("--db", opts->db, "Store: PATH.gpkg or PG:<connection string>")->required();
    cmd->add_option("-o,--output", opts->output,
                    "OUT.geojson|.geojsonl|.csv|.kml|.fgb|.gpkg ('-': GeoJSON on stdout)")
        ->required();
    cmd->add_option("--from", opts->from, "Events ending on or after DATE (YYYY[-MM[-DD]])");
    cmd->add_option("--to", opts->to, "Events starting on or before DATE (YYYY[-MM[-DD]])");
    cmd->add_option("--bbox", opts->bbox, "Events inside W,S,E,N (WGS84 degrees)");
    cmd->add_option("--type", opts->type, "PLOVER event type, e.g. ASSAULT");
    cmd->add_flag("-q,--quiet", opts->quiet, "No summary on stderr");
    cmd->callback([opts] { run(*opts); });
}

const eventmap::cli::CommandRegistration registration{{nullptr, "export", 60, define}};

} // namespace
