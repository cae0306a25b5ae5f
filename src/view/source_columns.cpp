#include "view/source_columns.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "common/geo.hpp"
#include "model/event_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <type_traits>
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

namespace {

model::DatePrecision model_precision(Precision p) {
    return p == Precision::year    ? model::DatePrecision::year
           : p == Precision::month ? model::DatePrecision::month
                                   : model::DatePrecision::day;
}

// What the viewer shows of row r, as an event (read_source_events).
events::Event event_of_row(const EventTable& t, std::size_t r, const std::string& id_prefix) {
    events::Event e;
    e.id = t.id[r].empty() ? id_prefix + "-" + std::to_string(t.fid[r]) : t.id[r];
    if (t.day_start[r] <= t.day_end[r]) {
        e.date = t.day_start[r];
        e.enddate = t.day_end[r];
        e.date_precision = model_precision(t.precision[r]);
    }
    std::string type = t.types.text(t.type[r]);
    std::string upper = type;
    for (auto& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (const auto plover = model::parse_plover_type(upper)) {
        e.event = *plover;
    } else {
        e.mode = type;
    }
    e.quad_code = model::parse_quad_code(t.quad[r]).value_or(model::QuadClass::none);
    e.date_source = model::parse_date_source(t.date_sources.text(t.date_source[r]))
                        .value_or(model::DateSource::none);
    e.planned = t.planned[r] != 0;
    e.confidence = t.confidence[r];
    e.event_loc.country_code = t.countries.text(t.country[r]);
    if (t.located(r)) {
        e.event_loc.position = LatLon{t.lat[r], t.lon[r]};
    }
    for (std::uint32_t a = t.actor_offset[r]; a < t.actor_offset[r + 1]; ++a) {
        e.actor.push_back(t.actors.text(t.actor_ids[a]));
    }
    e.event_loc.resolved_place = t.place[r];
    return e;
}

// The source's attributes that have the export's names, over the event built from the row.
void take_source_fields(const OGRFeature& f, events::Event& e, const std::string& where) {
    const auto has = [&](const char* name) {
        const int i = f.GetFieldIndex(name);
        return i >= 0 && f.IsFieldSetAndNotNull(i);
    };
    const auto text = [&](const char* name, std::string& into) {
        if (has(name)) {
            into = f.GetFieldAsString(name);
        }
    };
    const auto whole = [&](const char* name, auto& into) {
        if (has(name)) {
            using T = std::decay_t<decltype(into)>;
            into = static_cast<T>(std::max<GIntBig>(0, f.GetFieldAsInteger64(name)));
        }
    };
    auto& loc = e.event_loc;
    text("cameo_root", e.cameo_root);
    text("trigger", e.trigger);
    text("mode", e.mode);
    text("event_text", e.event_text);
    text("article_id", e.article_id);
    text("title", e.article_title);
    text("url", e.article_url);
    text("published", e.published);
    text("feature_class", loc.feature_class);
    text("feature_code", loc.feature_code);
    text("place_basis", loc.basis);
    text("unresolved_place", loc.unresolved);
    // The list shows the resolved name, else the written one: both come from the source when
    // it has them.
    if (has("resolved_place") || has("extracted_place")) {
        loc.resolved_place.clear();
        text("resolved_place", loc.resolved_place);
        text("extracted_place", loc.extracted_place);
    }
    if (has("actor") || has("recipient")) {
        e.actor = model::split_names(has("actor") ? f.GetFieldAsString("actor") : "");
        e.recipient = model::split_names(has("recipient") ? f.GetFieldAsString("recipient") : "");
    }
    whole("geonameid", loc.geonameid);
    whole("resolution", loc.resolution);
    whole("source_count", e.source_count);
    whole("trigger_start", e.trigger_start);
    whole("trigger_end", e.trigger_end);
    if (has("radius_km")) {
        loc.radius_km = static_cast<float>(f.GetFieldAsDouble("radius_km"));
    }
    if (has("sources")) {
        try {
            e.sources = model::sources_from_json(f.GetFieldAsString("sources"), where);
        } catch (const Error&) {
            e.sources.clear(); // another tool's "sources" column: not ours to read
        }
    }
}

} // namespace

std::vector<events::Event> read_source_events(const std::string& source,
                                              const std::string& layer_name, const EventTable& t,
                                              const std::vector<Row>& rows,
                                              const std::string& id_prefix) {
    std::unordered_map<std::int64_t, std::size_t> wanted; // fid -> index into rows
    std::vector<events::Event> out;
    out.reserve(rows.size());
    for (const Row r : rows) {
        wanted.emplace(t.fid[r], out.size());
        out.push_back(event_of_row(t, r, id_prefix));
    }
    if (rows.empty()) {
        return out;
    }
    auto ds = open_source(source);
    OGRLayer& layer = layer_of(*ds, source, layer_name);
    // One pass in feature order: GetFeature(fid) is a scan of its own in a GeoJSON or CSV file.
    const char* no_geometry[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
    layer.SetIgnoredFields(no_geometry);
    layer.ResetReading();
    while (gdal::FeaturePtr feature{layer.GetNextFeature()}) {
        if (const auto it = wanted.find(feature->GetFID()); it != wanted.end()) {
            take_source_fields(*feature, out[it->second],
                               source + " (feature " + std::to_string(it->first) + ")");
        }
    }
    layer.SetIgnoredFields(nullptr);
    return out;
}

} // namespace eventmap::view
