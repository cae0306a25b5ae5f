// Records <-> OGR features: events read back from their columns, sources merged.
#include "store/event_record.hpp"

#include "common/error.hpp"
#include "model/event_fields.hpp"
#include "store/event_store.hpp"

#include <algorithm>

namespace eventmap::store {

using model::sources_from_json;
using model::split_names;

std::string field_text(const OGRFeature& feature, int index) {
    return feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index) : std::string();
}

std::string field_text(const OGRFeature& feature, const char* name) {
    return field_text(feature, feature.GetFieldIndex(name));
}

// The inverse of visit_event_fields; `index` follows the same column order.
model::Event read_event(const OGRFeature& f, const std::vector<int>& index,
                        const std::string& where) {
    model::Event e;
    std::size_t i = 0;
    // A column a schema-1 store lacks has index -1 and reads as empty or 0.
    auto text = [&] {
        const int at = index[i++];
        return at < 0 ? std::string() : field_text(f, at);
    };
    auto integer = [&]() -> std::int64_t {
        const int at = index[i++];
        return at < 0 ? 0 : f.GetFieldAsInteger64(at);
    };
    auto real = [&] { return f.GetFieldAsDouble(index[i++]); };
    auto& loc = e.event_loc;
    e.id = text();
    const std::string date = text();
    const std::string enddate = text();
    const std::string precision = text();
    if (!model::set_iso_dates(e, date, enddate, precision)) {
        throw DataError("malformed date '" + date + "' to '" + enddate + "' (" + precision + ")",
                        where);
    }
    const std::string source = text();
    const std::string type = text();
    const std::int64_t quad = integer();
    const auto date_source = model::parse_date_source(source);
    const auto plover_type = model::parse_plover_type(type);
    const auto quad_class = model::parse_quad_code(quad);
    if (!date_source || !plover_type || !quad_class) {
        throw DataError("unknown date source '" + source + "', event type '" + type +
                            "' or quad code " + std::to_string(quad),
                        where);
    }
    e.date_source = *date_source;
    e.event = *plover_type;
    e.quad_code = *quad_class;
    e.cameo_root = text();
    e.trigger = text();
    e.actor = split_names(text());
    e.recipient = split_names(text());
    e.planned = integer() != 0;
    e.confidence = real();
    loc.extracted_place = text();
    loc.resolved_place = text();
    loc.geonameid = static_cast<std::uint64_t>(integer());
    loc.country_code = text();
    loc.feature_class = text();
    loc.feature_code = text();
    loc.resolution = static_cast<int>(integer());
    loc.radius_km = static_cast<float>(real());
    e.event_text = text();
    e.article_id = text();
    e.article_title = text();
    e.article_url = text();
    e.published = text();
    e.sources = sources_from_json(text(), where);
    e.source_count = static_cast<std::uint64_t>(integer());
    e.mode = text();
    e.trigger_start = static_cast<std::size_t>(integer());
    e.trigger_end = static_cast<std::size_t>(integer());
    loc.basis = text();
    loc.unresolved = text();
    if (const OGRGeometry* geometry = f.GetGeometryRef();
        geometry != nullptr && wkbFlatten(geometry->getGeometryType()) == wkbPoint &&
        !geometry->IsEmpty()) {
        const OGRPoint* point = geometry->toPoint();
        loc.position = LatLon{point->getY(), point->getX()};
    }
    return e;
}

void set_text(OGRFeature& f, const char* name, const std::string& value) {
    if (value.empty()) {
        f.SetFieldNull(f.GetFieldIndex(name));
    } else {
        f.SetField(name, value.c_str());
    }
}

// Merges `extra` into `sources`, skipping ones already listed. Returns whether any was added.
bool merge_sources(std::vector<model::EventSource>& sources,
                   const std::vector<model::EventSource>& extra) {
    bool added = false;
    for (const auto& source : extra) {
        if (sources.size() >= EventStore::max_sources_per_event) {
            break; // the report's article and mentions are stored; the event keeps its first
        }
        const bool known = std::any_of(sources.begin(), sources.end(), [&](const auto& s) {
            return s.article_id == source.article_id && s.start == source.start &&
                   s.end == source.end;
        });
        if (!known) {
            sources.push_back(source);
            added = true;
        }
    }
    return added;
}

} // namespace eventmap::store
