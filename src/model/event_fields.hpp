// The flat form of an model::Event: the columns of the store's `events` layer and of every
// export, in one order, defined once. A visitor receives each field by name and kind:
//
//   struct V { void text(const char* name, const std::string& v);   // empty = null
//              void integer(const char* name, std::int64_t v);
//              void real(const char* name, double v);
//              void boolean(const char* name, bool v);
//              void json(const char* name, const std::string& v); }; // a JSON array as text
//
// The store writes features with it, the exports write properties with it, and the schema of
// both comes from visiting a default Event. Reading back is read_event() in event_store.cpp.
// This is the boundary where the typed model becomes strings (event.hpp).
#pragma once

#include "model/event.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::model {

// actor/recipient lists are stored as one string joined by "; " (PLOVER keeps one name).
inline constexpr const char* name_separator = "; ";
std::string join_names(const std::vector<std::string>& names);
std::vector<std::string> split_names(const std::string& joined);

// sources as a JSON array of {"article_id","sentence","start","end"} (offsets in code points).
std::string sources_to_json(const std::vector<model::EventSource>& sources);
// Throws DataError (naming `where`) when the text is not such an array.
std::vector<model::EventSource> sources_from_json(const std::string& json,
                                                  const std::string& where);

// Appends `text` as a JSON string literal (quotes, escapes; invalid UTF-8 becomes U+FFFD).
void append_json_string(std::string& out, const std::string& text);

// Whether the event has a place to draw: resolved to a gazetteer entry or given coordinates.
bool has_location(const model::Event& event);

template <class Visitor> void visit_event_fields(const model::Event& e, Visitor&& v) {
    const auto& loc = e.event_loc;
    v.text("id", e.id);
    v.text("date", iso_date(e));
    v.text("enddate", iso_enddate(e));
    v.text("date_precision", to_string(e.date_precision));
    v.text("date_source", to_string(e.date_source));
    v.text("event", to_string(e.event));
    v.integer("quad_code", quad_code(e.quad_code));
    v.text("cameo_root", e.cameo_root);
    v.text("trigger", e.trigger);
    v.text("actor", join_names(e.actor));
    v.text("recipient", join_names(e.recipient));
    v.boolean("planned", e.planned);
    v.real("confidence", e.confidence);
    v.text("extracted_place", loc.extracted_place);
    v.text("resolved_place", loc.resolved_place);
    v.integer("geonameid", static_cast<std::int64_t>(loc.geonameid));
    v.text("country_code", loc.country_code);
    v.text("feature_class", loc.feature_class);
    v.text("feature_code", loc.feature_code);
    v.integer("resolution", loc.resolution);
    v.real("radius_km", static_cast<double>(loc.radius_km));
    v.text("event_text", e.event_text);
    v.text("article_id", e.article_id);
    v.text("title", e.article_title);
    v.text("url", e.article_url);
    v.text("published", e.published);
    v.json("sources", sources_to_json(e.sources));
    // Added later (schema 2): after every earlier column, so exports only gain fields.
    v.integer("source_count", static_cast<std::int64_t>(reports_of(e)));
    v.text("mode", e.mode);
    v.integer("trigger_start", static_cast<std::int64_t>(e.trigger_start));
    v.integer("trigger_end", static_cast<std::int64_t>(e.trigger_end));
    v.text("place_basis", loc.basis);
    v.text("unresolved_place", loc.unresolved);
}

} // namespace eventmap::model
