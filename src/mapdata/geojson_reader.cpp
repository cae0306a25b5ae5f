#include "mapdata/geojson_reader.hpp"

#include "mapdata/map_source.hpp"
#include "mapdata/row_rules.hpp"

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
        if (stack_.empty()) {
            return unsupported(); // a top-level array is no GeoJSON object (a fuzz finding)
        }
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

bool is_sequence_name(const std::string& path) {
    return ends_with_any(path, {".geojsonl", ".geojsons", ".geojsonseq", ".jsonl", ".ndjson"});
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
    const auto ranges =
        sequence ? split_lines(bytes->data(), bytes->data() + bytes->size(), std::min(n, 16U))
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
    auto table = merge(pieces, path, mapping, 0);
    if (table.size() == 0) {
        return std::nullopt; // OGR's path words why
    }
    return table;
}

} // namespace eventmap::mapdata
