#include "render/topojson.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace eventmap::render {

namespace {

using Json = nlohmann::json;

// One geometry object as read: its type, properties.name and the nested arc indices (a small
// tree: a country's arcs are a few hundred integers).
struct RawGeometry {
    std::string type, name;
    Json arcs;
};

struct RawObject {
    std::string name;
    bool collection = false;
    std::vector<RawGeometry> geometries;
};

// Everything the rings need, gathered in one pass whatever the order of the top-level keys
// (world-atlas writes the transform last, after the arcs it applies to).
struct RawTopology {
    bool topology = false;
    std::vector<double> points;        // x,y per point, as written (quantized deltas)
    std::vector<std::size_t> arc_ends; // end of each arc in points (point count)
    std::vector<double> scale, translate;
    std::vector<RawObject> objects;
};

// Streams the file; positions are told apart by the stack of containers ('o'/'a') and the key
// under which each was opened, so no tree of the (megabytes of) arcs is ever built.
class Sax : public nlohmann::json_sax<Json> {
  public:
    explicit Sax(RawTopology& out) : out_(out) {}

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t&) override { return number(v, true); }
    bool string(string_t& value) override {
        if (geometry_ != nullptr && stack_.size() == geometry_depth_ && key_ == "type") {
            geometry_->type = value;
        } else if (geometry_ != nullptr && stack_.size() == geometry_depth_ + 1 &&
                   keys_.back() == "properties" && key_ == "name") {
            geometry_->name = value;
        } else if (stack_.size() == 3 && in_objects() && key_ == "type") { // an object's
            out_.objects.back().collection = value == "GeometryCollection";
        } else if (stack_.size() == 1 && key_ == "type") {
            out_.topology = value == "Topology";
        }
        return true;
    }
    bool binary(binary_t&) override { return true; }
    bool key(string_t& value) override {
        key_ = value;
        return true;
    }
    bool start_object(std::size_t) override {
        open('o');
        if (stack_.size() == 3 && in_objects()) {
            out_.objects.push_back({keys_[2], false, {}});
        } else if (stack_.size() == 5 && in_objects() && keys_[3] == "geometries") {
            geometry_ = &out_.objects.back().geometries.emplace_back();
            geometry_depth_ = 5;
        }
        return true;
    }
    bool end_object() override {
        if (geometry_ != nullptr && stack_.size() == geometry_depth_) {
            geometry_ = nullptr;
        }
        close();
        return true;
    }
    bool start_array(std::size_t) override {
        open('a');
        const std::size_t depth = stack_.size();
        if (in_arcs()) {
            if (depth == 4) {
                point_values_ = 0;
            }
        } else if (geometry_ != nullptr && depth > geometry_depth_ &&
                   keys_[geometry_depth_] == "arcs") {
            arc_ids_.push_back(arc_ids_.empty() ? &(geometry_->arcs = Json::array())
                                                : &arc_ids_.back()->emplace_back(Json::array()));
        }
        return true;
    }
    bool end_array() override {
        const std::size_t depth = stack_.size();
        if (in_arcs()) {
            if (depth == 4) {
                end_point();
            } else if (depth == 3) {
                out_.arc_ends.push_back(out_.points.size() / 2);
            }
        } else if (!arc_ids_.empty()) {
            arc_ids_.pop_back();
        }
        close();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    // keys_[0] is the root's (none), keys_[1] the top-level key the container is under.
    bool in_objects() const { return stack_.size() >= 2 && keys_[1] == "objects"; }
    bool in_arcs() const { return stack_.size() >= 2 && keys_[1] == "arcs"; }

    void open(char kind) {
        keys_.push_back(stack_.empty() || stack_.back() == 'o' ? key_ : std::string());
        stack_.push_back(kind);
        key_.clear();
    }
    void close() {
        stack_.pop_back();
        keys_.pop_back();
    }

    bool number(double v, bool is_float = false) {
        const std::size_t depth = stack_.size();
        if (in_arcs() && depth == 4) {
            // GDAL takes a position only when it has exactly two numbers.
            if (point_values_ < 2) {
                point_[point_values_] = v;
            }
            ++point_values_;
        } else if (!arc_ids_.empty()) {
            // An arc index must be an integer (others are ignored, as by GDAL); one beyond
            // any arc count is kept as a value that is skipped later, never cast out of range.
            if (!is_float) {
                const double limit = 9007199254740992.0; // 2^53
                arc_ids_.back()->push_back(static_cast<std::int64_t>(std::clamp(v, -limit, limit)));
            }
        } else if (depth == 3 && keys_[1] == "transform" &&
                   (keys_[2] == "scale" || keys_[2] == "translate")) {
            (keys_[2] == "scale" ? out_.scale : out_.translate).push_back(v);
        }
        return true;
    }
    void end_point() {
        if (point_values_ == 2) {
            out_.points.push_back(point_[0]);
            out_.points.push_back(point_[1]);
        }
    }

    RawTopology& out_;
    std::string stack_;               // 'o' object, 'a' array, outermost first
    std::vector<std::string> keys_;   // the key each open container was the value of
    std::string key_;                 // the last key read in the current object
    RawGeometry* geometry_ = nullptr; // the geometry object being read
    std::size_t geometry_depth_ = 0;
    std::vector<Json*> arc_ids_; // open arrays of the geometry's "arcs"
    double point_[2] = {0, 0};
    int point_values_ = 0;
};

struct Transform {
    bool present = false; // delta-encoded and quantized
    double scale[2] = {1, 1}, translate[2] = {0, 0};
};

Transform transform_of(const RawTopology& t) {
    Transform out;
    if (t.scale.size() == 2) {
        out.scale[0] = t.scale[0];
        out.scale[1] = t.scale[1];
        out.present = true;
    }
    if (t.translate.size() == 2) {
        out.translate[0] = t.translate[0];
        out.translate[1] = t.translate[1];
        out.present = true;
    }
    return out;
}

// Decodes every arc once: absolute coordinates, x,y per point.
std::vector<double> decode_arcs(const RawTopology& t, const Transform& tr) {
    std::vector<double> xy(t.points.size());
    std::size_t begin = 0;
    for (const std::size_t end : t.arc_ends) {
        double ax = 0, ay = 0;
        for (std::size_t p = begin; p < end; ++p) {
            double x = t.points[p * 2], y = t.points[p * 2 + 1];
            if (tr.present) {
                ax += x;
                ay += y;
                x = ax;
                y = ay;
            }
            xy[p * 2] = x * tr.scale[0] + tr.translate[0];
            xy[p * 2 + 1] = y * tr.scale[1] + tr.translate[1];
        }
        begin = end;
    }
    return xy;
}

class RingBuilder {
  public:
    RingBuilder(const RawTopology& t, const std::vector<double>& xy) : t_(t), xy_(xy) {}

    // A ring from its arc indices (~i is arc i reversed): each arc after the first starts at
    // the point the previous one ended on, which is kept once.
    TopoRing ring(const Json& ids) const {
        TopoRing r;
        for (const auto& id : ids) {
            if (!id.is_number_integer()) {
                continue;
            }
            auto arc = id.get<std::int64_t>();
            const bool reverse = arc < 0;
            arc = reverse ? -(arc + 1) : arc;
            if (arc >= static_cast<std::int64_t>(t_.arc_ends.size())) {
                continue;
            }
            append(r, static_cast<std::size_t>(arc), reverse);
        }
        if (!r.lon.empty() && (r.lon.front() != r.lon.back() || r.lat.front() != r.lat.back())) {
            r.lon.push_back(r.lon.front());
            r.lat.push_back(r.lat.front());
        }
        return r;
    }

    TopoPolygon polygon(const Json& rings) const {
        TopoPolygon p;
        for (const auto& ids : rings) {
            auto r = ids.is_array() ? ring(ids) : TopoRing{};
            if (r.lon.size() >= 4) {
                p.rings.push_back(std::move(r));
            }
        }
        return p;
    }

  private:
    void append(TopoRing& r, std::size_t arc, bool reverse) const {
        const std::size_t begin = arc == 0 ? 0 : t_.arc_ends[arc - 1];
        const std::size_t end = t_.arc_ends[arc];
        if (begin == end) {
            return;
        }
        const bool joined = !r.lon.empty();
        for (std::size_t k = 0; k < end - begin; ++k) {
            const std::size_t p = reverse ? end - 1 - k : begin + k;
            if (k == 0 && joined) { // the point the previous arc ended on
                continue;
            }
            r.lon.push_back(xy_[p * 2]);
            r.lat.push_back(xy_[p * 2 + 1]);
        }
    }

    const RawTopology& t_;
    const std::vector<double>& xy_;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read the basemap (world-atlas TopoJSON; run scripts/setup): "
                         "missing or unreadable",
                         path);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

const RawObject* choose(const RawTopology& t, const std::string& object) {
    const RawObject* first = nullptr;
    for (const auto& o : t.objects) {
        if (!o.collection) {
            continue;
        }
        if (o.name == object) {
            return &o;
        }
        first = first == nullptr ? &o : first;
    }
    return first;
}

} // namespace

std::vector<TopoFeature> read_topojson(const std::string& path, const std::string& object) {
    const std::string bytes = read_file(path);
    RawTopology topology;
    Sax sax(topology);
    if (!Json::sax_parse(bytes.begin(), bytes.end(), &sax) || !topology.topology) {
        throw InputError("the basemap file is not a TopoJSON topology", path);
    }
    const RawObject* chosen = choose(topology, object);
    if (chosen == nullptr) {
        throw InputError("the basemap file has no layer", path);
    }
    const auto xy = decode_arcs(topology, transform_of(topology));
    const RingBuilder rings(topology, xy);
    std::vector<TopoFeature> features;
    features.reserve(chosen->geometries.size());
    for (const auto& g : chosen->geometries) {
        auto& f = features.emplace_back();
        f.name = g.name;
        if (!g.arcs.is_array()) {
            continue;
        }
        if (g.type == "Polygon") {
            f.polygons.push_back(rings.polygon(g.arcs));
        } else if (g.type == "MultiPolygon") {
            for (const auto& p : g.arcs) {
                auto polygon = p.is_array() ? rings.polygon(p) : TopoPolygon{};
                if (!polygon.rings.empty()) {
                    f.polygons.push_back(std::move(polygon));
                }
            }
        }
    }
    return features;
}

} // namespace eventmap::render
