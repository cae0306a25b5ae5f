#include "mapdata/map_source.hpp"

#include "common/ascii.hpp"
#include "common/error.hpp"
#include "common/gdal.hpp"
#include "dates/calendar.hpp"
#include "mapdata/csv_reader.hpp"
#include "mapdata/field_rules.hpp"
#include "mapdata/geojson_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <unordered_map>

namespace eventmap::mapdata {

const std::vector<const char*> date_field_names = {
    "date",     "date_start", "start_date", "event_date", "start", "day",
    "datetime", "timestamp",  "time",       "begin",      "when"};

namespace detail {

const std::vector<const char*> end_field_names = {"enddate", "date_end", "end_date", "end"};
const std::vector<const char*> type_field_names = {"event",    "event_type",      "type",
                                                   "category", "event_root_code", "kind"};
const std::vector<const char*> quad_field_names = {"quad_code", "quad_class", "quadclass", "quad"};
const std::vector<const char*> count_field_names = {"num_sources",  "source_count", "sources_count",
                                                    "num_articles", "num_mentions", "count"};
const std::vector<const char*> precision_field_names = {"date_precision", "precision"};

} // namespace detail

namespace {

using namespace detail;

bool ends_with(const std::string& text, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

// The first field of `names` (case-insensitive) the layer has, -1 when none.
int find_field(OGRFeatureDefn& defn, const std::vector<const char*>& names) {
    for (const char* name : names) {
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            if (ascii_lower(defn.GetFieldDefn(i)->GetNameRef()) == name) {
                return i;
            }
        }
    }
    return -1;
}

int find_date_field(OGRFeatureDefn& defn) {
    const int named = find_field(defn, date_field_names);
    if (named >= 0) {
        return named;
    }
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const auto type = defn.GetFieldDefn(i)->GetType();
        if (type == OFTDate || type == OFTDateTime) {
            return i;
        }
    }
    return -1;
}

gdal::DatasetPtr open_source(const std::string& source) {
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    // CSV exports carry longitude/latitude columns; GDAL makes points of them when told.
    const std::string low = ascii_lower(source);
    const bool csv = ends_with(low, ".csv");
    // One name each, chosen from the header (csv_reader.hpp says why).
    const CsvPointNames point = csv ? csv_point_names(source) : CsvPointNames{};
    const std::string x_names = "X_POSSIBLE_NAMES=" + point.x;
    const std::string y_names = "Y_POSSIBLE_NAMES=" + point.y;
    const char* csv_options[] = {x_names.c_str(), y_names.c_str(), "KEEP_GEOM_COLUMNS=NO", nullptr};
    auto* handle = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                              csv ? csv_options : nullptr, nullptr);
    if (handle == nullptr) {
        throw InputError("cannot open as a vector data source: " +
                             errors.message("not found, unreadable, or not a format GDAL reads"),
                         source);
    }
    return gdal::DatasetPtr(GDALDataset::FromHandle(handle));
}

bool point_type(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPoint || flat == wkbMultiPoint;
}

OGRLayer& choose_layer(GDALDataset& ds, const std::string& source, const std::string& wanted) {
    if (!wanted.empty()) {
        OGRLayer* layer = ds.GetLayerByName(wanted.c_str());
        if (layer == nullptr) {
            throw InputError("no layer named '" + wanted + "'", source);
        }
        return *layer;
    }
    if (ds.GetLayerCount() == 0) {
        throw InputError("no layer with features (empty or not a vector file)", source);
    }
    if (OGRLayer* events = ds.GetLayerByName("events")) {
        return *events;
    }
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        if (point_type(layer->GetGeomType()) || layer->GetGeomType() == wkbUnknown) {
            return *layer;
        }
    }
    return *ds.GetLayer(0);
}

// The layer-level checks: something to read, geometry that can be points, a date field.
void check_layer(OGRLayer& layer, const std::string& source) {
    const std::string name = layer.GetName();
    const auto geom = wkbFlatten(layer.GetGeomType());
    if (geom == wkbNone) {
        throw InputError("layer '" + name + "' has no geometry (no points to draw)", source);
    }
    if (geom != wkbUnknown && !point_type(geom)) {
        throw InputError("layer '" + name + "' holds " + OGRGeometryTypeToName(geom) +
                             " geometries, not points",
                         source);
    }
    // An empty layer has no fields either (GeoJSON learns them from its features): say it is
    // empty rather than that it lacks a date. The count is asked only where it is cheap.
    if (layer.GetFeatureCount(FALSE) == 0) {
        throw InputError("layer '" + name + "' is empty: no events to draw", source);
    }
    if (find_date_field(*layer.GetLayerDefn()) < 0) {
        std::string looked;
        for (const char* n : date_field_names) {
            looked += looked.empty() ? n : std::string(", ") + n;
        }
        throw InputError("layer '" + name + "' has no date field (looked for " + looked +
                             ", or any Date/DateTime field)",
                         source);
    }
}

// Which columns feed which EventTable column, found once per layer.
struct Columns {
    int date = -1, end = -1, precision = -1, type = -1, quad = -1, planned = -1;
    int confidence = -1, radius = -1, sources_json = -1, count = -1, article = -1;

    explicit Columns(OGRFeatureDefn& defn)
        : date(find_date_field(defn)), end(find_field(defn, end_field_names)),
          precision(find_field(defn, precision_field_names)),
          type(find_field(defn, type_field_names)), quad(find_field(defn, quad_field_names)),
          planned(find_field(defn, {"planned"})), confidence(find_field(defn, {"confidence"})),
          radius(find_field(defn, {"radius_km"})), sources_json(find_field(defn, {"sources"})),
          count(find_field(defn, count_field_names)), article(find_field(defn, {"article_id"})) {}

    // Reading only these fields skips the long texts (sentences, titles) of the store.
    void ignore_others(OGRLayer& layer) const {
        const int used[] = {date,       end,    precision,    type,  quad,   planned,
                            confidence, radius, sources_json, count, article};
        OGRFeatureDefn& defn = *layer.GetLayerDefn();
        std::vector<std::string> names;
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            if (std::find(std::begin(used), std::end(used), i) == std::end(used)) {
                names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
            }
        }
        std::vector<const char*> list;
        list.reserve(names.size() + 1);
        for (const auto& n : names) {
            list.push_back(n.c_str());
        }
        list.push_back(nullptr);
        layer.SetIgnoredFields(list.data());
    }
};

std::optional<ParsedDate> read_date(OGRFeature& feature, int field) {
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) {
        return std::nullopt;
    }
    const auto type = feature.GetFieldDefnRef(field)->GetType();
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        if (!feature.GetFieldAsDateTime(field, &y, &m, &d, &hh, &mm, &ss, &tz) ||
            !dates::is_valid_date(y, m, d)) {
            return std::nullopt;
        }
        const auto day = static_cast<DayNumber>(dates::days_from_civil(y, m, d));
        return ParsedDate{{day, day}, DatePrecision::day};
    }
    return parse_date(feature.GetFieldAsString(field));
}

class TableBuilder {
  public:
    TableBuilder(EventTable& table, const Columns& columns) : table_(table), columns_(columns) {}

    // Appends the feature; false when it has no usable point or date.
    bool add(OGRFeature& feature, std::uint64_t row, const std::string& source) {
        const OGRGeometry* geometry = feature.GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            return false;
        }
        const auto kind = wkbFlatten(geometry->getGeometryType());
        if (!point_type(kind)) {
            throw InputError(std::string("mixed geometries: a ") + OGRGeometryTypeToName(kind) +
                                 " among the points (each event needs a point)",
                             source, row);
        }
        const OGRPoint* point =
            kind == wkbPoint ? geometry->toPoint() : geometry->toMultiPoint()->getGeometryRef(0);
        if (point == nullptr || point->IsEmpty()) {
            return false;
        }
        const double x = point->getX(), y = point->getY();
        if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > 180 || std::abs(y) > 90) {
            return false;
        }
        const auto date = read_date(feature, columns_.date);
        if (!date) {
            return false;
        }
        DayRange days = date->days;
        if (const auto end = read_date(feature, columns_.end)) {
            days.last = std::max(days.first, end->days.last);
        }
        table_.fid.push_back(feature.GetFID());
        table_.lon.push_back(x);
        table_.lat.push_back(y);
        table_.day_start.push_back(days.first);
        table_.day_end.push_back(days.last);
        table_.precision.push_back(
            columns_.precision >= 0
                ? precision_from_text(feature.GetFieldAsString(columns_.precision), date->precision)
                : date->precision);
        table_.type.push_back(type_index(feature));
        const int quad = columns_.quad >= 0 ? feature.GetFieldAsInteger(columns_.quad) : 0;
        table_.quad.push_back(quad_class_of(quad));
        table_.sources.push_back(source_count(feature));
        table_.planned.push_back(columns_.planned >= 0 &&
                                 feature.GetFieldAsInteger(columns_.planned) != 0);
        table_.confidence.push_back(
            columns_.confidence >= 0 && feature.IsFieldSetAndNotNull(columns_.confidence)
                ? static_cast<float>(feature.GetFieldAsDouble(columns_.confidence))
                : 1.0F);
        table_.radius_km.push_back(
            columns_.radius >= 0 ? static_cast<float>(feature.GetFieldAsDouble(columns_.radius))
                                 : 0.0F);
        return true;
    }

    std::vector<std::uint64_t>& article_hashes() { return article_hashes_; }

  private:
    std::uint16_t type_index(OGRFeature& feature) {
        std::string name = columns_.type >= 0 && feature.IsFieldSetAndNotNull(columns_.type)
                               ? feature.GetFieldAsString(columns_.type)
                               : std::string();
        if (name.empty()) {
            name = "(none)";
        }
        const auto found = type_ids_.find(name);
        if (found != type_ids_.end()) {
            return found->second;
        }
        // More than 65,535 distinct types is free text, not a type: fold the rest together.
        if (table_.type_names.size() >= 65535) {
            return type_index_of_other();
        }
        const auto id = static_cast<std::uint16_t>(table_.type_names.size());
        table_.type_names.push_back(name);
        type_ids_.emplace(std::move(name), id);
        return id;
    }

    std::uint16_t type_index_of_other() { return static_cast<std::uint16_t>(65534); }

    std::uint16_t source_count(OGRFeature& feature) {
        if (columns_.sources_json >= 0 && feature.IsFieldSetAndNotNull(columns_.sources_json)) {
            return count_sources(feature.GetFieldAsString(columns_.sources_json), article_hashes_);
        }
        if (columns_.article >= 0 && feature.IsFieldSetAndNotNull(columns_.article)) {
            article_hashes_.push_back(
                std::hash<std::string>{}(feature.GetFieldAsString(columns_.article)));
        }
        if (columns_.count >= 0) {
            const auto n = feature.GetFieldAsInteger64(columns_.count);
            return static_cast<std::uint16_t>(std::clamp<GIntBig>(n, 1, 65535));
        }
        return 1;
    }

    EventTable& table_;
    const Columns& columns_;
    std::unordered_map<std::string, std::uint16_t> type_ids_;
    std::vector<std::uint64_t> article_hashes_;
};

} // namespace

namespace detail {

DatePrecision precision_from_text(const char* text, DatePrecision fallback) {
    const std::string p = ascii_lower(text);
    if (p == "day") {
        return DatePrecision::day;
    }
    if (p == "month") {
        return DatePrecision::month;
    }
    if (p == "year") {
        return DatePrecision::year;
    }
    return fallback;
}

std::uint64_t distinct(std::vector<std::uint64_t>& hashes) {
    std::sort(hashes.begin(), hashes.end());
    return static_cast<std::uint64_t>(std::unique(hashes.begin(), hashes.end()) - hashes.begin());
}

} // namespace detail

// The store's sources column is a JSON array of {"article_id", ...}: counting its keys gives
// the number of reports without parsing sentences; the ids feed the article count.
std::uint16_t count_sources(const char* json, std::vector<std::uint64_t>& article_hashes) {
    static const char key[] = "\"article_id\"";
    std::uint32_t n = 0;
    for (const char* at = std::strstr(json, key); at != nullptr;
         at = std::strstr(at + sizeof key - 1, key)) {
        const char* id = at + sizeof key - 1;
        while (*id == ' ' || *id == ':') { // GDAL writes JSON back as "key": "value"
            ++id;
        }
        ++n;
        const char* close = (*id == '"') ? std::strchr(id + 1, '"') : nullptr;
        if (close != nullptr) {
            article_hashes.push_back(std::hash<std::string_view>{}(
                std::string_view(id + 1, static_cast<std::size_t>(close - id - 1))));
        }
    }
    return static_cast<std::uint16_t>(std::clamp<std::uint32_t>(n, 1, 65535));
}

namespace {

std::string data_source_name(const std::string& source, const Columns& columns) {
    if (columns.sources_json >= 0) {
        return "eventmap events";
    }
    const auto slash = source.find_last_of('/');
    return slash == std::string::npos ? source : source.substr(slash + 1);
}

} // namespace

std::optional<ParsedDate> parse_date(const std::string& text) {
    auto digits = [&](std::size_t at, std::size_t n) {
        if (text.size() < at + n) {
            return -1;
        }
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
                return -1;
            }
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const int year = digits(0, 4);
    if (year < 0) {
        return std::nullopt;
    }
    if (text.size() == 4) {
        return ParsedDate{{static_cast<DayNumber>(dates::days_from_civil(year, 1, 1)),
                           static_cast<DayNumber>(dates::days_from_civil(year, 12, 31))},
                          DatePrecision::year};
    }
    if (text[4] != '-') {
        return std::nullopt;
    }
    const int month = digits(5, 2);
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    if (text.size() == 7) {
        return ParsedDate{{static_cast<DayNumber>(dates::days_from_civil(year, month, 1)),
                           static_cast<DayNumber>(dates::days_from_civil(
                               year, month, dates::days_in_month(year, month)))},
                          DatePrecision::month};
    }
    const auto day = dates::parse_iso_day(text);
    if (!day) {
        return std::nullopt;
    }
    const auto d = static_cast<DayNumber>(*day);
    return ParsedDate{{d, d}, DatePrecision::day};
}

// Rows of a one-feature-a-line file (CSV, GeoJSONSeq), estimated from the lines in its first
// 64 KiB, for formats whose layer cannot count them cheaply: the columns are reserved once
// instead of doubling (at ten million rows doubling holds up to 1.7x the table). 0 when
// unknown.
std::size_t estimate_rows(const std::string& source) {
    const std::string low = ascii_lower(source);
    if (!ends_with(low, ".csv") && !ends_with(low, ".geojsonl") && !ends_with(low, ".geojsons") &&
        !ends_with(low, ".jsonl") && !ends_with(low, ".ndjson")) {
        return 0;
    }
    std::FILE* f = std::fopen(source.c_str(), "rb");
    if (f == nullptr) {
        return 0;
    }
    std::vector<char> head(1 << 16);
    const std::size_t got = std::fread(head.data(), 1, head.size(), f);
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fclose(f);
    const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.begin() + got, '\n'));
    if (lines == 0 || size <= 0) {
        return 0;
    }
    return static_cast<std::size_t>(static_cast<double>(size) / static_cast<double>(got) *
                                    static_cast<double>(lines) * 1.02) +
           16;
}

EventTable load_events(const std::string& source, const LoadOptions& options) {
    // Which of two columns of one name holds the value is anyone's guess, and GDAL's CSV driver
    // crashes on a repeated point column: refused on either path.
    if (direct_csv_candidate(source)) {
        if (const auto name = repeated_csv_column(source)) {
            throw InputError("the CSV header names the column '" + *name + "' twice", source, 1);
        }
    }
    if (options.layer.empty() && !options.through_ogr) {
        if (auto direct = read_geojson_directly(source)) {
            return std::move(*direct);
        }
        if (auto direct = read_csv_directly(source)) {
            return std::move(*direct);
        }
    }
    auto ds = open_source(source);
    OGRLayer& layer = choose_layer(*ds, source, options.layer);
    check_layer(layer, source);
    const Columns columns(*layer.GetLayerDefn());
    columns.ignore_others(layer);

    EventTable table;
    table.source = source;
    table.layer = layer.GetName();
    table.data_source = data_source_name(source, columns);
    const GIntBig expected = layer.GetFeatureCount(FALSE);
    if (expected > 0) {
        table.reserve(static_cast<std::size_t>(expected));
    } else if (const auto estimate = estimate_rows(source); estimate > 0) {
        table.reserve(estimate);
    }
    TableBuilder builder(table, columns);
    gdal::ErrorCapture errors;
    layer.ResetReading();
    std::uint64_t row = 0;
    std::uint64_t without_point = 0;
    while (gdal::FeaturePtr feature{layer.GetNextFeature()}) {
        ++row;
        if (!builder.add(*feature, row, source)) {
            ++table.skipped_rows;
            without_point += feature->GetGeometryRef() == nullptr ? 1 : 0;
        }
    }
    if (errors.has_error()) {
        throw InputError("cannot read layer '" + table.layer + "' (corrupt?): " + errors.message(),
                         source, row);
    }
    if (row == 0) {
        throw InputError("layer '" + table.layer + "' is empty: no events to draw", source);
    }
    if (table.size() == 0) {
        throw InputError(
            without_point == row
                ? "no points: none of the " + std::to_string(row) + " rows has a location"
                : "none of the " + std::to_string(row) +
                      " rows has both a point and a readable date in field '" +
                      layer.GetLayerDefn()->GetFieldDefn(columns.date)->GetNameRef() + "'",
            source);
    }
    table.article_count = distinct(builder.article_hashes());
    table.shrink_to_fit();
    return table;
}

std::vector<std::pair<std::string, std::string>> load_details(const EventTable& table,
                                                              std::int64_t fid) {
    auto ds = open_source(table.source);
    OGRLayer* layer = ds->GetLayerByName(table.layer.c_str());
    if (layer == nullptr && ds->GetLayerCount() == 1) {
        layer = ds->GetLayer(0); // a GeoJSON file's one layer, named by the direct reader
    }
    std::vector<std::pair<std::string, std::string>> out;
    if (layer == nullptr) {
        return out;
    }
    gdal::ErrorCapture errors;
    gdal::FeaturePtr feature{layer->GetFeature(fid)};
    if (!feature) {
        return out;
    }
    for (int i = 0; i < feature->GetFieldCount(); ++i) {
        if (feature->IsFieldSetAndNotNull(i)) {
            out.emplace_back(feature->GetFieldDefnRef(i)->GetNameRef(),
                             feature->GetFieldAsString(i));
        }
    }
    return out;
}

} // namespace eventmap::mapdata
