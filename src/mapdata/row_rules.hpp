// The rules both direct readers (geojson_reader.hpp, csv_reader.hpp) apply to a row, shared so
// that they read a file as load_events' OGR path does: which field feeds which column
// (field_rules.hpp), OGR's GetFieldAs* conversions of a value, and the table of one part of a
// file read in parallel. Internal to mapdata.
#pragma once

#include "mapdata/field_rules.hpp"
#include "mapdata/map_source.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace eventmap::mapdata::detail {

// ---- candidate fields -----------------------------------------------------------------------

// Every field name a column may come from, each once; a field's index here is its "candidate".
struct Candidates {
    std::vector<std::string> names;
    std::unordered_map<std::string, int> index;

    Candidates() {
        for (const auto* list : {&date_field_names, &end_field_names, &precision_field_names,
                                 &type_field_names, &quad_field_names, &count_field_names}) {
            for (const char* name : *list) {
                add(name);
            }
        }
        for (const char* name : {"planned", "confidence", "radius_km", "sources", "article_id"}) {
            add(name);
        }
    }
    void add(const std::string& name) {
        if (index.emplace(name, static_cast<int>(names.size())).second) {
            names.push_back(name);
        }
    }
    int find(const char* name) const { return index.at(name); }
};

inline const Candidates& candidates() {
    static const Candidates c;
    return c;
}

using FieldMask = std::uint64_t; // bit per candidate present in the file

// The candidate each column reads, as load_events' Columns chooses from the layer's fields.
struct Mapping {
    int date = -1, end = -1, precision = -1, type = -1, quad = -1, planned = -1;
    int confidence = -1, radius = -1, sources = -1, count = -1, article = -1;

    explicit Mapping(FieldMask present) {
        const auto& c = candidates();
        const auto first = [&](const std::vector<const char*>& names) {
            for (const char* name : names) {
                const int i = c.find(name);
                if ((present >> i) & 1U) {
                    return i;
                }
            }
            return -1;
        };
        date = first(date_field_names);
        end = first(end_field_names);
        precision = first(precision_field_names);
        type = first(type_field_names);
        quad = first(quad_field_names);
        count = first(count_field_names);
        planned = first({"planned"});
        confidence = first({"confidence"});
        radius = first({"radius_km"});
        sources = first({"sources"});
        article = first({"article_id"});
    }
    bool operator==(const Mapping& o) const {
        return date == o.date && end == o.end && precision == o.precision && type == o.type &&
               quad == o.quad && planned == o.planned && confidence == o.confidence &&
               radius == o.radius && sources == o.sources && count == o.count &&
               article == o.article;
    }
};

// ---- one property value, converted as OGR's GetFieldAs* would -------------------------------

struct Value {
    enum class Kind { absent, null, text, integer, real, boolean, json } kind = Kind::absent;
    std::string text;
    std::int64_t integer = 0;
    double real = 0;
    // The sources array: its "article_id" keys and the hashes of their string values.
    std::uint32_t article_keys = 0;
    std::vector<std::uint64_t> article_hashes;

    bool set() const { return kind != Kind::absent && kind != Kind::null; }
    std::string as_text() const {
        switch (kind) {
        case Kind::text:
            return text;
        case Kind::integer:
            return std::to_string(integer);
        case Kind::boolean:
            return integer != 0 ? "1" : "0";
        default:
            return {};
        }
    }
    std::int64_t as_integer() const {
        switch (kind) {
        case Kind::text:
            return std::strtoll(text.c_str(), nullptr, 10);
        case Kind::integer:
        case Kind::boolean:
            return integer;
        case Kind::real:
            return static_cast<std::int64_t>(real);
        default:
            return 0;
        }
    }
    double as_real() const {
        switch (kind) {
        case Kind::text:
            return std::strtod(text.c_str(), nullptr);
        case Kind::integer:
        case Kind::boolean:
            return static_cast<double>(integer);
        case Kind::real:
            return real;
        default:
            return 0;
        }
    }
};

// ---- the rows of one part of the file -------------------------------------------------------

// Like load_events' TableBuilder, on parsed values; row numbers are local to the part.
struct Part {
    EventTable table; // type indices into table.type_names, local to the part
    std::unordered_map<std::string, std::uint16_t> type_ids;
    std::vector<std::uint64_t> article_hashes;
    std::uint64_t rows = 0;
    FieldMask present = 0;
    std::optional<Mapping> mapping; // the columns the rows were read with
    bool unsupported = false;       // OGR must read the file
};

class RowBuilder {
  public:
    // `typed_dates`: OGR types the date field itself (GeoJSON), so text it might read as a
    // date that parse_date refuses sends the file to OGR; false where every field is text
    // (CSV), which OGR also only hands to parse_date.
    RowBuilder(Part& part, Mapping mapping, bool typed_dates = true)
        : part_(part), m_(mapping), typed_dates_(typed_dates) {}

    // A feature without a usable point is counted and skipped, as OGR's path does.
    void add(bool has_point, double x, double y, const std::vector<Value>& values) {
        const std::uint64_t fid = part_.rows++;
        if (!has_point || !std::isfinite(x) || !std::isfinite(y) || std::abs(x) > 180 ||
            std::abs(y) > 90) {
            ++part_.table.skipped_rows;
            return;
        }
        const auto date = read_date(values, m_.date);
        if (!date) {
            ++part_.table.skipped_rows;
            return;
        }
        DayRange days = date->days;
        if (const auto end = read_date(values, m_.end)) {
            days.last = std::max(days.first, end->days.last);
        }
        EventTable& t = part_.table;
        t.fid.push_back(static_cast<std::int64_t>(fid));
        t.lon.push_back(x);
        t.lat.push_back(y);
        t.day_start.push_back(days.first);
        t.day_end.push_back(days.last);
        t.precision.push_back(
            m_.precision >= 0
                ? precision_from_text(at(values, m_.precision).as_text().c_str(), date->precision)
                : date->precision);
        t.type.push_back(type_index(values));
        const auto quad = m_.quad >= 0 ? static_cast<int>(at(values, m_.quad).as_integer()) : 0;
        t.quad.push_back(quad_class_of(quad));
        t.sources.push_back(source_count(values));
        t.planned.push_back(m_.planned >= 0 && at(values, m_.planned).as_integer() != 0);
        t.confidence.push_back(m_.confidence >= 0 && at(values, m_.confidence).set()
                                   ? static_cast<float>(at(values, m_.confidence).as_real())
                                   : 1.0F);
        t.radius_km.push_back(m_.radius >= 0 ? static_cast<float>(at(values, m_.radius).as_real())
                                             : 0.0F);
    }

  private:
    static const Value& at(const std::vector<Value>& values, int i) {
        return values[static_cast<std::size_t>(i)];
    }

    std::optional<ParsedDate> read_date(const std::vector<Value>& values, int field) {
        if (field < 0 || !at(values, field).set()) {
            return std::nullopt;
        }
        const Value& v = at(values, field);
        auto parsed = parse_date(v.as_text());
        // Where every value of a field looks like a date to OGR it reads them as dates, and
        // also forms this parser refuses ("2021/03/02", a time alone): only OGR can say. Text
        // that does not start with a digit is no date to either.
        if (!parsed && typed_dates_ && v.kind == Value::Kind::text && !v.text.empty() &&
            std::isdigit(static_cast<unsigned char>(v.text[0])) != 0) {
            part_.unsupported = true;
        }
        return parsed;
    }

    std::uint16_t type_index(const std::vector<Value>& values) {
        std::string name = m_.type >= 0 ? at(values, m_.type).as_text() : std::string();
        if (name.empty()) {
            name = "(none)";
        }
        const auto found = part_.type_ids.find(name);
        if (found != part_.type_ids.end()) {
            return found->second;
        }
        if (part_.table.type_names.size() >= 65535) {
            part_.unsupported = true; // free text, not types: OGR's path folds it
            return 0;
        }
        const auto id = static_cast<std::uint16_t>(part_.table.type_names.size());
        part_.table.type_names.push_back(name);
        part_.type_ids.emplace(std::move(name), id);
        return id;
    }

    std::uint16_t source_count(const std::vector<Value>& values) {
        if (m_.sources >= 0 && at(values, m_.sources).set()) {
            const Value& v = at(values, m_.sources);
            if (v.kind == Value::Kind::text) { // JSON kept as a string: scan it as OGR's path
                return count_sources(v.text.c_str(), part_.article_hashes);
            }
            part_.article_hashes.insert(part_.article_hashes.end(), v.article_hashes.begin(),
                                        v.article_hashes.end());
            return static_cast<std::uint16_t>(std::clamp<std::uint32_t>(v.article_keys, 1, 65535));
        }
        if (m_.article >= 0 && at(values, m_.article).set()) {
            part_.article_hashes.push_back(
                std::hash<std::string>{}(at(values, m_.article).as_text()));
        }
        if (m_.count >= 0) {
            return static_cast<std::uint16_t>(
                std::clamp<std::int64_t>(at(values, m_.count).as_integer(), 1, 65535));
        }
        return 1;
    }

    Part& part_;
    Mapping m_;
    bool typed_dates_;
};

// True when the path ends with one of `suffixes` (any case).
bool ends_with_any(const std::string& path, std::initializer_list<const char*> suffixes);
// The whole file, or nullopt when it cannot be read or is empty.
std::optional<std::string> read_whole(const std::string& path);
// Splits [begin, end) at line ends into up to `n` parts of about equal size.
std::vector<std::pair<const char*, const char*>> split_lines(const char* begin, const char* end,
                                                             unsigned n);
// The parts in file order as one table: feature ids continue from `first_fid` (OGR numbers a
// GeoJSON file's features from 0, a CSV file's from 1), type indices are merged; the layer is
// named after the file, as OGR names it.
EventTable merge(std::vector<Part>& parts, const std::string& path, const Mapping& mapping,
                 std::int64_t first_fid);

} // namespace eventmap::mapdata::detail
