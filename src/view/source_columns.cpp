#include "view/source_columns.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "model/event_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace eventmap::view {

EventTable table_from_map(const mapdata::EventTable& map) {
    EventTable t;
    const std::size_t n = map.size();
    t.fid = map.fid;
    t.lat = map.lat;
    t.lon = map.lon;
    t.day_start = map.day_start;
    t.day_end = map.day_end;
    t.precision.resize(n);
    std::vector<std::uint16_t> type_of(map.type_names.size());
    for (std::size_t i = 0; i < map.type_names.size(); ++i) {
        type_of[i] = static_cast<std::uint16_t>(t.types.intern(map.type_names[i]));
    }
    t.type.resize(n);
    t.quad.resize(n);
    t.planned = map.planned;
    t.confidence = map.confidence;
    for (std::size_t r = 0; r < n; ++r) {
        t.precision[r] = map.precision[r] == mapdata::DatePrecision::year    ? Precision::year
                         : map.precision[r] == mapdata::DatePrecision::month ? Precision::month
                                                                             : Precision::day;
        t.type[r] = map.type[r] < type_of.size() ? type_of[map.type[r]] : 0;
        t.quad[r] = static_cast<std::uint8_t>(map.quad[r]);
    }
    t.id.assign(n, std::string());
    t.place.assign(n, std::string());
    t.country.assign(n, 0);
    t.date_source.assign(n, 0);
    t.corrected.assign(n, 0);
    t.actor_offset.assign(n + 1, 0);
    return t;
}

std::int64_t row_of_fid(const EventTable& table, std::int64_t fid) {
    const auto& f = table.fid;
    const auto at = std::lower_bound(f.begin(), f.end(), fid);
    if (at != f.end() && *at == fid) {
        return at - f.begin();
    }
    // Not sorted (a source that reads in another order): fall back to a scan.
    const auto found = std::find(f.begin(), f.end(), fid);
    return found == f.end() ? -1 : found - f.begin();
}

namespace {

std::string lower(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

// Opens the source the way the map loader does (CSV exports: points from lon/lat columns).
gdal::DatasetPtr open_source(const std::string& source) {
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    const std::string low = lower(source);
    const bool csv = low.size() > 4 && low.compare(low.size() - 4, 4, ".csv") == 0;
    const char* csv_options[] = {"X_POSSIBLE_NAMES=longitude,lon,lng,x",
                                 "Y_POSSIBLE_NAMES=latitude,lat,y", "KEEP_GEOM_COLUMNS=NO",
                                 nullptr};
    gdal::DatasetPtr ds(
        GDALDataset::FromHandle(GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                           nullptr, csv ? csv_options : nullptr, nullptr)));
    if (!ds) {
        throw InputError("cannot open: " + errors.message("not a readable vector source"), source);
    }
    return ds;
}

OGRLayer& layer_of(GDALDataset& ds, const std::string& source, const std::string& name) {
    OGRLayer* layer = name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
    if (layer == nullptr) {
        throw InputError("no layer named '" + name + "'", source);
    }
    return *layer;
}

int field(OGRLayer& layer, const char* name) {
    return layer.GetLayerDefn()->GetFieldIndex(name);
}

std::string text_of(OGRFeature& feature, int index) {
    return index >= 0 && feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index)
                                                             : std::string();
}

} // namespace

std::uint64_t quick_row_count(const std::string& source, const std::string& layer_name) {
    try {
        auto ds = open_source(source);
        OGRLayer* layer = !layer_name.empty() ? ds->GetLayerByName(layer_name.c_str())
                          : ds->GetLayerByName("events") != nullptr ? ds->GetLayerByName("events")
                                                                    : ds->GetLayer(0);
        const GIntBig count = layer != nullptr ? layer->GetFeatureCount(FALSE) : -1;
        return count > 0 ? static_cast<std::uint64_t>(count) : 0;
    } catch (const Error&) {
        return 0; // the loader opens it again and says what is wrong
    }
}

void read_source_columns(const std::string& source, const std::string& layer_name, EventTable& t,
                         const std::function<bool(std::uint64_t, std::uint64_t)>& progress) {
    auto ds = open_source(source);
    OGRLayer& layer = layer_of(*ds, source, layer_name);
    const int id = field(layer, "id"), country = field(layer, "country_code");
    const int date_source = field(layer, "date_source"), actor = field(layer, "actor");
    const int recipient = field(layer, "recipient");
    const int resolved = field(layer, "resolved_place"),
              extracted = field(layer, "extracted_place");
    // Read only these columns: sentences and source lists are most of a store's bytes.
    std::vector<const char*> ignored{"OGR_GEOMETRY", "OGR_STYLE"};
    const int used[] = {id, country, date_source, actor, recipient, resolved, extracted};
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (std::find(std::begin(used), std::end(used), i) == std::end(used)) {
            ignored.push_back(defn.GetFieldDefn(i)->GetNameRef());
        }
    }
    ignored.push_back(nullptr);
    layer.SetIgnoredFields(ignored.data());

    // Actors arrive in feature order, which may differ from row order: collect per row first.
    std::vector<std::vector<std::uint32_t>> actors_of(t.size());
    const std::uint64_t total = t.size();
    std::uint64_t done = 0;
    std::int64_t next_row = 0;
    layer.ResetReading();
    while (gdal::FeaturePtr feature{layer.GetNextFeature()}) {
        const std::int64_t fid = feature->GetFID();
        // Rows usually follow feature order: try the next row before searching.
        std::int64_t row = next_row < static_cast<std::int64_t>(t.size()) &&
                                   t.fid[static_cast<std::size_t>(next_row)] == fid
                               ? next_row
                               : row_of_fid(t, fid);
        if (row < 0) {
            continue; // a row the map loader skipped (no point or no date)
        }
        next_row = row + 1;
        const auto r = static_cast<std::size_t>(row);
        t.id[r] = text_of(*feature, id);
        t.country[r] = static_cast<std::uint16_t>(
            std::min<std::uint32_t>(t.countries.intern(text_of(*feature, country)), 65535));
        t.date_source[r] = static_cast<std::uint8_t>(
            std::min<std::uint32_t>(t.date_sources.intern(text_of(*feature, date_source)), 255));
        const std::string place = text_of(*feature, resolved);
        t.place[r] = place.empty() ? text_of(*feature, extracted) : place;
        for (int column : {actor, recipient}) {
            for (const auto& name : model::split_names(text_of(*feature, column))) {
                actors_of[r].push_back(t.actors.intern(name));
            }
        }
        if (++done % 4096 == 0 && progress && !progress(done, total)) {
            break;
        }
    }
    t.actor_ids.clear();
    for (std::size_t r = 0; r < t.size(); ++r) {
        t.actor_ids.insert(t.actor_ids.end(), actors_of[r].begin(), actors_of[r].end());
        t.actor_offset[r + 1] = static_cast<std::uint32_t>(t.actor_ids.size());
    }
    if (progress) {
        progress(total, total);
    }
}

std::vector<std::uint8_t> search_source_text(const std::string& source,
                                             const std::string& layer_name, const EventTable& t,
                                             const std::string& text,
                                             const std::atomic<bool>* cancel) {
    std::vector<std::uint8_t> mask(t.size(), 0);
    auto ds = open_source(source);
    OGRLayer& layer = layer_of(*ds, source, layer_name);
    // Case-insensitive: SQLite's LIKE is (for ASCII) and has no ILIKE; OGR SQL (GeoJSON, CSV,
    // FlatGeobuf) and PostgreSQL need ILIKE. The pattern's own % and _ match themselves.
    const std::string driver = ds->GetDriverName();
    const char* op = driver == "GPKG" || driver == "SQLite" ? " LIKE " : " ILIKE ";
    std::string pattern;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            pattern += '\\';
        }
        pattern += c;
    }
    const std::string like = gdal::sql_literal("%" + pattern + "%");
    std::string where;
    for (const char* column : {"event_text", "title"}) {
        if (field(layer, column) >= 0) {
            where +=
                (where.empty() ? "" : " OR ") + std::string(column) + op + like + " ESCAPE '\\'";
        }
    }
    if (where.empty()) {
        return mask; // nothing to search: no row matches
    }
    gdal::ErrorCapture errors;
    if (layer.SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        throw InputError("text search failed: " + errors.message(), source);
    }
    const char* all_ignored[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
    layer.SetIgnoredFields(all_ignored);
    layer.ResetReading();
    while (gdal::FeaturePtr feature{layer.GetNextFeature()}) {
        if (cancel != nullptr && cancel->load()) {
            break;
        }
        const auto row = row_of_fid(t, feature->GetFID());
        if (row >= 0) {
            mask[static_cast<std::size_t>(row)] = 1;
        }
    }
    layer.SetAttributeFilter(nullptr);
    return mask;
}

} // namespace eventmap::view
