#include "mapdata/geojson_reader.hpp"

#include "mapdata/field_rules.hpp"
#include "mapdata/map_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>

namespace eventmap::mapdata {

namespace {

using namespace detail;

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

const Candidates& candidates() {
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
    RowBuilder(Part& part, Mapping mapping) : part_(part), m_(mapping) {}

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
        t.quad.push_back(static_cast<QuadClass>(quad >= 1 && quad <= 4 ? quad : 0));
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
        if (!parsed && v.kind == Value::Kind::text && !v.text.empty() &&
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
};

// ---- the SAX handler ------------------------------------------------------------------------

// Where the parser is. Features are objects at the top (a sequence) or in the top object's
// "features" array (a collection).
enum class At {
    top,        // the top-level object: a Feature or a FeatureCollection
    features,   // the collection's array
    feature,    // a Feature in it
    geometry,   // a feature's geometry object
    coords,     // a Point's coordinates
    properties, // a feature's properties
    sources,    // inside the sources value (arrays and objects)
    skipped,    // anything else, read past
};

class Handler : public nlohmann::json_sax<nlohmann::json> {
  public:
    // `mapping` null: the columns are chosen from the part's first feature (Part::mapping
    // says which); the caller reads the part again when the whole file's fields disagree.
    Handler(Part& part, const Mapping* mapping) : part_(part), values_(candidates().names.size()) {
        if (mapping != nullptr) {
            use(*mapping);
        }
    }
    // Ready for the next feature of a sequence after a line parsed in full.
    void next_line() { stack_.clear(); }

    bool null() override { return scalar(Value::Kind::null); }
    bool boolean(bool v) override {
        value_.integer = v ? 1 : 0;
        return scalar(Value::Kind::boolean);
    }
    bool number_integer(number_integer_t v) override {
        value_.integer = v;
        return number(static_cast<double>(v), Value::Kind::integer);
    }
    bool number_unsigned(number_unsigned_t v) override {
        if (v > static_cast<number_unsigned_t>(INT64_MAX)) {
            return unsupported();
        }
        value_.integer = static_cast<std::int64_t>(v);
        return number(static_cast<double>(v), Value::Kind::integer);
    }
    bool number_float(number_float_t v, const string_t&) override {
        value_.real = v;
        return number(v, Value::Kind::real);
    }
    bool string(string_t& v) override {
        if (in(At::sources)) {
            if (key_ == "article_id" && source_ != nullptr) {
                source_->article_hashes.push_back(std::hash<std::string>{}(v));
            }
            return true;
        }
        if (in(At::geometry) && key_ == "type") {
            geometry_type_ = v;
            return true;
        }
        if (in(At::feature) && key_ == "type") {
            type_ = v;
            return true;
        }
        if (in(At::top) && key_ == "type") {
            top_type_ = v;
            return true;
        }
        if (in(At::feature) || in(At::top)) {
            return true;
        }
        value_.text = std::move(v);
        return scalar(Value::Kind::text);
    }
    bool binary(binary_t&) override { return unsupported(); }

    bool start_object(std::size_t) override {
        if (stack_.empty()) {
            begin_feature();
            top_type_.clear();
            stack_.push_back(At::top);
            return true;
        }
        const At parent = stack_.back();
        if (parent == At::features) {
            begin_feature();
            stack_.push_back(At::feature);
        } else if (is_feature(parent) && key_ == "geometry") {
            has_geometry_object_ = true;
            stack_.push_back(At::geometry);
        } else if (is_feature(parent) && key_ == "properties") {
            stack_.push_back(At::properties);
        } else if (parent == At::properties) {
            return nested_property(); // a property that is an object
        } else if (parent == At::sources) {
            stack_.push_back(At::sources);
        } else if (parent == At::geometry || parent == At::coords) {
            return unsupported();
        } else {
            stack_.push_back(At::skipped);
        }
        key_.clear();
        return true;
    }
    bool end_object() override {
        const At done = stack_.back();
        stack_.pop_back();
        if (done == At::feature) {
            return end_feature();
        }
        if (done == At::top && top_type_ == "Feature") {
            type_ = top_type_;
            return end_feature();
        }
        if (done == At::top && top_type_ != "FeatureCollection") {
            return unsupported(); // TopoJSON, a bare geometry, or something else
        }
        return true;
    }
    bool start_array(std::size_t) override {
        const At parent = stack_.back();
        if (parent == At::top && key_ == "features") {
            stack_.push_back(At::features);
        } else if (parent == At::geometry && key_ == "coordinates") {
            stack_.push_back(At::coords);
        } else if (parent == At::properties) {
            return nested_property();
        } else if (parent == At::sources) {
            stack_.push_back(At::sources);
        } else if (parent == At::coords || parent == At::geometry) {
            return unsupported(); // coordinates of a line or polygon
        } else {
            stack_.push_back(At::skipped);
        }
        return true;
    }
    bool end_array() override {
        stack_.pop_back();
        return true;
    }
    bool key(string_t& k) override {
        key_ = std::move(k);
        if (in(At::sources)) {
            if (key_ == "article_id" && source_ != nullptr) {
                ++source_->article_keys;
            }
        } else if (in(At::properties)) {
            lowered_.assign(key_);
            for (auto& c : lowered_) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            const auto found = candidates().index.find(lowered_);
            field_ = found == candidates().index.end() ? -1 : found->second;
            if (field_ >= 0) {
                if ((seen_ >> field_) & 1U) {
                    return unsupported(); // two spellings of one field: OGR's choice is subtle
                }
                seen_ |= FieldMask{1} << field_;
            }
        } else if ((in(At::feature) || in(At::top)) && key_ == "id") {
            reading_id_ = true;
            return true;
        }
        reading_id_ = false;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return unsupported();
    }

  private:
    bool in(At where) const { return !stack_.empty() && stack_.back() == where; }
    static bool is_feature(At where) { return where == At::feature || where == At::top; }

    bool unsupported() {
        part_.unsupported = true;
        return false;
    }

    bool scalar(Value::Kind kind) {
        if (in(At::properties)) {
            if (field_ >= 0) {
                Value& v = values_[static_cast<std::size_t>(field_)];
                v.kind = kind;
                v.text.swap(value_.text);
                v.integer = value_.integer;
                v.real = value_.real;
            }
            return true;
        }
        if (reading_id_ && kind != Value::Kind::text && kind != Value::Kind::null) {
            return unsupported(); // a numeric id becomes OGR's feature id
        }
        return true;
    }

    bool number(double v, Value::Kind kind) {
        if (in(At::coords)) {
            if (coordinates_ < 2) {
                xy_[coordinates_] = v;
            }
            ++coordinates_;
            return true;
        }
        if (in(At::sources) && key_ == "article_id" && source_ != nullptr) {
            return true; // counted by its key; only string ids are hashed, as OGR's path does
        }
        return scalar(kind);
    }

    // An array or object as a property value: the sources list is read, others skipped.
    bool nested_property() {
        if (field_ >= 0 && field_ == candidates().find("sources")) {
            source_ = &values_[static_cast<std::size_t>(field_)];
            source_->kind = Value::Kind::json; // its article_id keys are counted in key()
            stack_.push_back(At::sources);
            key_.clear();
            return true;
        }
        if (field_ >= 0) {
            return unsupported(); // a column OGR would read from JSON text
        }
        stack_.push_back(At::skipped);
        return true;
    }

    void begin_feature() {
        for (std::size_t i = 0; i < values_.size(); ++i) {
            if ((seen_ >> i) & 1U) {
                values_[i].kind = Value::Kind::absent;
                values_[i].article_keys = 0;
                values_[i].article_hashes.clear();
            }
        }
        seen_ = 0;
        type_.clear();
        geometry_type_.clear();
        has_geometry_object_ = false;
        coordinates_ = 0;
        source_ = nullptr;
        field_ = -1;
    }

    void use(const Mapping& mapping) {
        part_.mapping = mapping;
        builder_.emplace(part_, *part_.mapping);
    }

    bool end_feature() {
        if (type_ != "Feature") {
            return unsupported();
        }
        part_.present |= seen_;
        if (!builder_) {
            use(Mapping(seen_));
        }
        if (!has_geometry_object_) {
            builder_->add(false, 0, 0, values_);
            return !part_.unsupported;
        }
        if (geometry_type_ != "Point") {
            return unsupported(); // OGR's path reports mixed or non-point geometries
        }
        builder_->add(coordinates_ >= 2, xy_[0], xy_[1], values_);
        return !part_.unsupported;
    }

  private:
    Part& part_;
    std::optional<RowBuilder> builder_;
    std::vector<Value> values_;
    Value value_;
    std::vector<At> stack_;
    std::string key_, lowered_, type_, top_type_, geometry_type_;
    int field_ = -1;
    FieldMask seen_ = 0;
    bool has_geometry_object_ = false, reading_id_ = false;
    int coordinates_ = 0;
    std::array<double, 2> xy_{};
    Value* source_ = nullptr;
};

bool ends_with_any(const std::string& path, std::initializer_list<const char*> suffixes) {
    std::string low = path;
    std::transform(low.begin(), low.end(), low.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const char* suffix) {
        const std::size_t n = std::strlen(suffix);
        return low.size() > n && low.compare(low.size() - n, n, suffix) == 0;
    });
}

bool is_sequence_name(const std::string& path) {
    return ends_with_any(path, {".geojsonl", ".geojsons", ".geojsonseq", ".jsonl", ".ndjson"});
}

std::optional<std::string> read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(in.tellg());
    if (size <= 0) {
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) {
        return std::nullopt;
    }
    return bytes;
}

bool blank(const char* begin, const char* end) {
    return std::all_of(begin, end, [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\x1e';
    });
}

// One Feature a line (RFC 8142's record separators allowed), parsed with one handler.
void parse_lines(const char* begin, const char* end, Part& part, const Mapping* mapping) {
    const auto lines = static_cast<std::size_t>(std::count(begin, end, '\n')) + 1;
    part.table.reserve(lines);
    Handler handler(part, mapping);
    for (const char* line = begin; line < end && !part.unsupported;) {
        const char* stop =
            static_cast<const char*>(std::memchr(line, '\n', static_cast<std::size_t>(end - line)));
        stop = stop == nullptr ? end : stop;
        const char* first = line;
        while (first < stop && (*first == '\x1e' || *first == ' ' || *first == '\t')) {
            ++first;
        }
        if (!blank(first, stop)) {
            handler.next_line();
            if (!nlohmann::json::sax_parse(first, stop, &handler)) {
                part.unsupported = true;
            }
        }
        line = stop + 1;
    }
}

void parse_part(const char* begin, const char* end, bool sequence, Part& part,
                const Mapping* mapping) {
    if (sequence) {
        parse_lines(begin, end, part, mapping);
        return;
    }
    Handler handler(part, mapping);
    if (!nlohmann::json::sax_parse(begin, end, &handler)) {
        part.unsupported = true;
    }
}

// Splits a sequence at line ends into up to `n` parts of about equal size.
std::vector<std::pair<const char*, const char*>> split_lines(const std::string& bytes, unsigned n) {
    std::vector<std::pair<const char*, const char*>> ranges;
    const char* begin = bytes.data();
    const char* end = begin + bytes.size();
    for (unsigned k = 1; k <= n && begin < end; ++k) {
        const char* stop = k == n ? end : bytes.data() + bytes.size() * k / n;
        stop = std::max(stop, begin);
        const char* newline =
            static_cast<const char*>(std::memchr(stop, '\n', static_cast<std::size_t>(end - stop)));
        stop = newline == nullptr ? end : newline + 1;
        ranges.emplace_back(begin, stop);
        begin = stop;
    }
    return ranges;
}

template <class T> void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

// The parts in file order as one table: feature ids continue, type indices are merged.
EventTable merge(std::vector<Part>& parts, const std::string& path, const Mapping& mapping) {
    EventTable out;
    std::size_t rows = 0;
    for (const auto& p : parts) {
        rows += p.table.size();
    }
    out.reserve(rows);
    std::unordered_map<std::string, std::uint16_t> type_ids;
    std::vector<std::uint64_t> hashes;
    std::int64_t fid_offset = 0;
    for (auto& p : parts) {
        std::vector<std::uint16_t> remap(p.table.type_names.size());
        for (std::size_t t = 0; t < remap.size(); ++t) {
            const auto [it, added] = type_ids.emplace(
                p.table.type_names[t], static_cast<std::uint16_t>(out.type_names.size()));
            if (added) {
                out.type_names.push_back(p.table.type_names[t]);
            }
            remap[t] = it->second;
        }
        for (std::size_t i = 0; i < p.table.size(); ++i) {
            out.fid.push_back(p.table.fid[i] + fid_offset);
            out.type.push_back(remap[p.table.type[i]]);
        }
        append(out.lon, p.table.lon);
        append(out.lat, p.table.lat);
        append(out.day_start, p.table.day_start);
        append(out.day_end, p.table.day_end);
        append(out.precision, p.table.precision);
        append(out.quad, p.table.quad);
        append(out.sources, p.table.sources);
        append(out.planned, p.table.planned);
        append(out.confidence, p.table.confidence);
        append(out.radius_km, p.table.radius_km);
        append(hashes, p.article_hashes);
        out.skipped_rows += p.table.skipped_rows;
        fid_offset += static_cast<std::int64_t>(p.rows);
        p = Part{}; // free each part once merged
    }
    out.source = path;
    const auto slash = path.find_last_of('/');
    const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    // OGR names the layer of a GeoJSON file after the file, without its extension.
    out.layer = file.substr(0, file.find_last_of('.'));
    out.data_source = mapping.sources >= 0 ? "eventmap events" : file;
    out.article_count = distinct(hashes);
    out.shrink_to_fit();
    return out;
}

} // namespace

bool direct_geojson_candidate(const std::string& path) {
    return is_sequence_name(path) || ends_with_any(path, {".geojson", ".json"});
}

std::optional<EventTable> read_geojson_directly(const std::string& path, unsigned parts) {
    if (!direct_geojson_candidate(path)) {
        return std::nullopt;
    }
    const auto bytes = read_whole(path);
    if (!bytes) {
        return std::nullopt;
    }
    const bool sequence = is_sequence_name(path);
    // A part per core, but none under 4 MiB: below that a thread costs more than it saves.
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned by_size = static_cast<unsigned>(bytes->size() / (4U << 20)) + 1;
    const unsigned n = !sequence ? 1 : parts > 0 ? parts : std::min(cores, by_size);
    const auto ranges = sequence
                            ? split_lines(*bytes, std::min(n, 16U))
                            : std::vector{std::pair{bytes->data(), bytes->data() + bytes->size()}};
    std::vector<Part> pieces(ranges.size());
    const auto read = [&](std::size_t k, const Mapping* mapping) {
        pieces[k] = Part{};
        parse_part(ranges[k].first, ranges[k].second, sequence, pieces[k], mapping);
    };
    {
        std::vector<std::thread> workers;
        for (std::size_t k = 1; k < ranges.size(); ++k) {
            workers.emplace_back(read, k, nullptr);
        }
        read(0, nullptr);
        for (auto& w : workers) {
            w.join();
        }
    }
    FieldMask present = 0;
    for (const auto& p : pieces) {
        if (p.unsupported) {
            return std::nullopt;
        }
        present |= p.present;
    }
    // The columns come from the fields of the whole file, as OGR's layer has them; a part that
    // chose otherwise from its first feature is read again.
    const Mapping mapping(present);
    if (mapping.date < 0) {
        return std::nullopt; // OGR's path may still find a Date field by its type, or explain
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        if (!pieces[k].mapping || !(*pieces[k].mapping == mapping)) {
            read(k, &mapping);
            if (pieces[k].unsupported) {
                return std::nullopt;
            }
        }
    }
    auto table = merge(pieces, path, mapping);
    if (table.size() == 0) {
        return std::nullopt; // OGR's path words why
    }
    return table;
}

} // namespace eventmap::mapdata
