// Export. Sections:
//   1. Formats and options (extension, --bbox)
//   2. GeoJSON and GeoJSONSeq through our streaming writer
//   3. The other formats through GDAL drivers (CSV, LIBKML, FlatGeobuf, GPKG)
//   4. export_events / write_geojson
#include "export/export.hpp"

#include "common/ascii.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/gdal.hpp"
#include "common/numbers.hpp"
#include "export/geojson_writer.hpp"
#include "model/event_fields.hpp"
#include "store/event_columns.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace eventmap::exporter {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// 1. Formats and options
// ---------------------------------------------------------------------------------------------

std::optional<Format> format_from_path(const std::string& path) {
    const std::string extension = ascii_lower(fs::path(path).extension().string());
    if (extension == ".geojson" || extension == ".json") {
        return Format::geojson;
    }
    if (extension == ".geojsonl" || extension == ".geojsons" || extension == ".jsonl" ||
        extension == ".ndjson") {
        return Format::geojsonl;
    }
    if (extension == ".csv") {
        return Format::csv;
    }
    if (extension == ".kml") {
        return Format::kml;
    }
    if (extension == ".fgb") {
        return Format::fgb;
    }
    if (extension == ".gpkg") {
        return Format::gpkg;
    }
    return std::nullopt;
}

const char* format_name(Format format) {
    switch (format) {
    case Format::geojson:
        return "GeoJSON";
    case Format::geojsonl:
        return "GeoJSONSeq";
    case Format::csv:
        return "CSV";
    case Format::kml:
        return "KML";
    case Format::fgb:
        return "FlatGeobuf";
    case Format::gpkg:
        return "GeoPackage";
    }
    return "?";
}

store::BoundingBox parse_bbox(const std::string& text, const std::string& what) {
    std::vector<double> values;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        const std::optional<double> value = parse_number(part);
        if (!value) {
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation): built once, to throw
            throw InputError(what + " '" + text + "': '" + part + "' is not a number");
        }
        values.push_back(*value);
    }
    if (values.size() != 4 || (!text.empty() && text.back() == ',')) {
        throw InputError(what + " '" + text + "' must be W,S,E,N (four numbers, degrees)");
    }
    const store::BoundingBox box{values[0], values[1], values[2], values[3]};
    if (box.west < -180 || box.east > 180 || box.south < -90 || box.north > 90) {
        throw InputError(what + " '" + text + "' is outside -180..180, -90..90");
    }
    if (box.south > box.north) {
        throw InputError(what + " '" + text + "': south is above north");
    }
    if (box.west > box.east) {
        throw InputError(what + " '" + text +
                         "': west is east of east (boxes across the antimeridian: export the "
                         "two halves)");
    }
    return box;
}

namespace {

// ---------------------------------------------------------------------------------------------
// 2. GeoJSON through our writer
// ---------------------------------------------------------------------------------------------

template <class Source>
std::uint64_t write_geojson_to(const std::string& path, GeoJsonWriter::Layout layout,
                               const Source& source) {
    if (path == "-") {
        GeoJsonWriter writer(std::cout, "stdout", layout);
        source(writer);
        writer.finish();
        return writer.count();
    }
    AtomicFile output(path);
    std::ofstream file(output.temp_path(), std::ios::binary | std::ios::trunc);
    if (!file) {
        throw OutputError(std::string("cannot create output: ") + std::strerror(errno), path);
    }
    GeoJsonWriter writer(file, path, layout);
    source(writer);
    writer.finish();
    errno = 0;
    file.close();
    if (!file) {
        throw OutputError(std::string("cannot write output: ") + std::strerror(errno), path);
    }
    output.commit();
    return writer.count();
}

// ---------------------------------------------------------------------------------------------
// 3. GDAL drivers
// ---------------------------------------------------------------------------------------------

struct DriverPlan {
    const char* driver;
    bool geometry;       // a Point geometry column
    bool lonlat_columns; // explicit longitude/latitude columns (CSV)
    bool kml_fields;     // name/description/timestamp/begin/end, which LIBKML maps to KML
    bool transaction;    // batch the writes (GeoPackage)
    bool verify;         // read the result back: drivers that may not report a short write
    bool located_only;   // FlatGeobuf's spatial index has no place for null geometries
    std::vector<std::string> layer_options;
};

DriverPlan plan_for(Format format) {
    switch (format) {
    case Format::csv:
        return {
            "CSV", false, true,  false,
            false, true,  false, {"SEPARATOR=COMMA", "LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED"}};
    case Format::kml:
        return {"LIBKML", true, false, true, false, true, false, {}};
    case Format::fgb:
        return {"FlatGeobuf", true, false, false, false, true, true, {"SPATIAL_INDEX=YES"}};
    case Format::gpkg:
        return {"GPKG", true, false, false, true, false, false, {"FID=fid", "GEOMETRY_NAME=geom"}};
    case Format::geojsonl:
        return {"GeoJSONSeq", true, false, false, false, true, false, {}};
    case Format::geojson:
        break;
    }
    return {"GeoJSON", true, false, false, false, true, false, {"RFC7946=YES"}};
}

// Adds the columns and remembers, for each field a visitor reports, its column index.
struct ColumnCreator {
    OGRLayer& layer;
    gdal::ErrorCapture& errors;
    const std::string& path;
    std::vector<int> index;
    int add(const char* name, OGRFieldType type, OGRFieldSubType subtype = OFSTNone) {
        OGRFieldDefn field(name, type);
        field.SetSubType(subtype);
        if (layer.CreateField(&field) != OGRERR_NONE) {
            throw OutputError(std::string("cannot create column ") + name + ": " + errors.message(),
                              path);
        }
        return layer.GetLayerDefn()->GetFieldIndex(name);
    }
    void text(const char* name, const std::string&) { index.push_back(add(name, OFTString)); }
    void integer(const char* name, std::int64_t) { index.push_back(add(name, OFTInteger64)); }
    void real(const char* name, double) { index.push_back(add(name, OFTReal)); }
    void boolean(const char* name, bool) { index.push_back(add(name, OFTInteger, OFSTBoolean)); }
    void json(const char* name, const std::string&) { index.push_back(add(name, OFTString)); }
};

void set_if(OGRFeature& feature, int index, const std::string& value) {
    if (index >= 0 && !value.empty()) {
        feature.SetField(index, value.c_str());
    }
}

std::string kml_name(const model::Event& e) {
    const std::string& place = e.event_loc.resolved_place.empty() ? e.event_loc.extracted_place
                                                                  : e.event_loc.resolved_place;
    const std::string type = model::to_string(e.event);
    return place.empty() ? type : type + " in " + place;
}

std::uint64_t count_features(const std::string& path, const char* driver) {
    const char* const drivers[] = {driver, nullptr};
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                          nullptr, nullptr));
    if (!ds || ds->GetLayerCount() < 1) {
        return 0;
    }
    std::uint64_t count = 0;
    OGRLayer* layer = ds->GetLayer(0);
    while (gdal::FeaturePtr feature{layer->GetNextFeature()}) {
        ++count;
    }
    return count;
}

std::uint64_t export_with_gdal(store::EventStore& store, const ExportOptions& options,
                               Format format) {
    const std::string& path = options.output;
    const DriverPlan plan = plan_for(format);
    gdal::register_drivers();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(plan.driver);
    if (driver == nullptr) {
        throw OutputError(std::string("this GDAL has no ") + plan.driver + " driver", path);
    }
    AtomicFile output(path);
    std::uint64_t written = 0;
    {
        gdal::ErrorCapture errors;
        gdal::DatasetPtr ds(
            driver->Create(output.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            throw OutputError("cannot create output: " + errors.message(), path);
        }
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList layer_options;
        for (const auto& option : plan.layer_options) {
            layer_options.AddString(option.c_str());
        }
        OGRLayer* layer = ds->CreateLayer("events", plan.geometry ? &wgs84 : nullptr,
                                          plan.geometry ? wkbPoint : wkbNone, layer_options.List());
        if (layer == nullptr) {
            throw OutputError("cannot create layer: " + errors.message(), path);
        }
        ColumnCreator columns{*layer, errors, path, {}};
        int name = -1, description = -1, timestamp = -1, begin = -1, end = -1;
        if (plan.kml_fields) {
            name = columns.add("name", OFTString);
            description = columns.add("description", OFTString);
            timestamp = columns.add("timestamp", OFTString);
            begin = columns.add("begin", OFTString);
            end = columns.add("end", OFTString);
        }
        const int id_column = columns.add("id", OFTString);
        const int start_column = columns.add("date_start", OFTString);
        const int end_column = columns.add("date_end", OFTString);
        int longitude = -1, latitude = -1;
        if (plan.lonlat_columns) {
            longitude = columns.add("longitude", OFTReal);
            latitude = columns.add("latitude", OFTReal);
        }
        // The remaining columns in store order; id was added above, so skip the first.
        struct SkipFirst {
            ColumnCreator& inner;
            bool skipped = false;
            void text(const char* n, const std::string& v) {
                if (!skipped) {
                    skipped = true;
                    inner.index.push_back(-1);
                    return;
                }
                inner.text(n, v);
            }
            void integer(const char* n, std::int64_t v) { inner.integer(n, v); }
            void real(const char* n, double v) { inner.real(n, v); }
            void boolean(const char* n, bool v) { inner.boolean(n, v); }
            void json(const char* n, const std::string& v) { inner.json(n, v); }
        };
        model::visit_event_fields(model::Event{}, SkipFirst{columns});
        columns.index[0] = id_column;

        if (plan.transaction && ds->StartTransaction() != OGRERR_NONE) {
            throw OutputError("cannot start a transaction: " + errors.message(), path);
        }
        OGRFeatureDefn* definition = layer->GetLayerDefn();
        store.for_each_event(options.query, [&](const model::Event& e) {
            const bool located = model::has_location(e);
            if (plan.located_only && !located) {
                return;
            }
            gdal::FeaturePtr feature(OGRFeature::CreateFeature(definition));
            model::visit_event_fields(e, store::EventColumnSetter{*feature, columns.index, false});
            const std::string first = date_start(e);
            const std::string last = date_end(e);
            set_if(*feature, start_column, first);
            set_if(*feature, end_column, last);
            if (plan.kml_fields) {
                set_if(*feature, name, kml_name(e));
                set_if(*feature, description, e.event_text);
                set_if(*feature, first == last ? timestamp : begin, first);
                set_if(*feature, first == last ? -1 : end, last);
            }
            if (plan.geometry && located) {
                feature->SetGeometryDirectly(
                    new OGRPoint(e.event_loc.position.lon, e.event_loc.position.lat));
            }
            if (plan.lonlat_columns && located) {
                feature->SetField(longitude, e.event_loc.position.lon);
                feature->SetField(latitude, e.event_loc.position.lat);
            }
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
                throw OutputError("cannot write event " + e.id + ": " + errors.message(), path);
            }
            ++written;
        });
        if (plan.transaction && ds->CommitTransaction() != OGRERR_NONE) {
            throw OutputError("cannot write output: " + errors.message(), path);
        }
        ds.reset(); // drivers write their index and trailer on close
        if (errors.has_error()) {
            throw OutputError("cannot write output: " + errors.message(), path);
        }
    }
    if (plan.verify) {
        gdal::ErrorCapture errors;
        const std::uint64_t found = count_features(output.temp_path(), plan.driver);
        if (found != written) {
            throw OutputError("output is incomplete (" + std::to_string(found) + " of " +
                                  std::to_string(written) +
                                  " events readable; disk full?): " + errors.message("short write"),
                              path);
        }
    }
    output.commit();
    return written;
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 4. Entry points
// ---------------------------------------------------------------------------------------------

ExportResult export_events(store::EventStore& store, const ExportOptions& options) {
    if (options.output.empty()) {
        throw InputError("no output path (-o)");
    }
    auto format = options.format ? options.format : format_from_path(options.output);
    if (!format && options.output == "-") {
        format = Format::geojson;
    }
    if (!format) {
        throw InputError(
            "unknown output format; use .geojson, .geojsonl, .csv, .kml, .fgb or .gpkg",
            options.output);
    }
    if (options.output == "-" && *format != Format::geojson && *format != Format::geojsonl) {
        throw InputError("only GeoJSON and GeoJSONSeq can be written to stdout");
    }
    if (!store.is_postgres() && same_file(options.output, store.target())) {
        throw InputError("output would overwrite the store", options.output);
    }
    if (!options.query.from.empty()) {
        store::validate_query_date(options.query.from, "--from");
    }
    if (!options.query.to.empty()) {
        store::validate_query_date(options.query.to, "--to");
    }
    ExportResult result;
    result.format = *format;
    if (*format == Format::geojson || *format == Format::geojsonl) {
        const auto layout = *format == Format::geojson ? GeoJsonWriter::Layout::feature_collection
                                                       : GeoJsonWriter::Layout::sequence;
        result.events = write_geojson_to(options.output, layout, [&](GeoJsonWriter& writer) {
            store.for_each_event(options.query, [&](const model::Event& e) { writer.write(e); });
        });
    } else {
        result.events = export_with_gdal(store, options, *format);
    }
    return result;
}

void write_geojson(const std::vector<model::Event>& events, std::ostream& out) {
    GeoJsonWriter writer(out, "output");
    for (const auto& event : events) {
        writer.write(event);
    }
    writer.finish();
}

void write_geojson(const std::vector<model::Event>& events, const std::string& path) {
    write_geojson_to(path, GeoJsonWriter::Layout::feature_collection, [&](GeoJsonWriter& writer) {
        for (const auto& event : events) {
            writer.write(event);
        }
    });
}

} // namespace eventmap::exporter
