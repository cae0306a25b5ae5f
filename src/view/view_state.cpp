#include "view/view_state.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace eventmap::view {

using nlohmann::json;

namespace {

// Each reader names the key it failed on, so the message points at what to fix.
struct Reader {
    const std::string& file;
    [[noreturn]] void fail(const std::string& key, const std::string& why) const {
        throw InputError("state key '" + key + "': " + why, file);
    }
    const json& object(const json& parent, const char* key, const std::string& path) const {
        const json& value = parent.at(key);
        if (!value.is_object()) {
            fail(path, "expected an object");
        }
        return value;
    }
    double number(const json& value, const std::string& path) const {
        if (!value.is_number()) {
            fail(path, "expected a number");
        }
        return value.get<double>();
    }
    std::string text(const json& value, const std::string& path) const {
        if (!value.is_string()) {
            fail(path, "expected a string");
        }
        return value.get<std::string>();
    }
    std::set<std::string> names(const json& value, const std::string& path) const {
        if (!value.is_array()) {
            fail(path, "expected an array of strings");
        }
        std::set<std::string> out;
        for (const auto& item : value) {
            out.insert(text(item, path + "[]"));
        }
        return out;
    }
};

void read_view(const Reader& in, const json& v, MapViewState& view) {
    if (v.contains("center")) {
        const json& c = v["center"];
        if (!c.is_array() || c.size() != 2) {
            in.fail("view.center", "expected [lat, lon]");
        }
        view.center = {in.number(c[0], "view.center[0]"), in.number(c[1], "view.center[1]")};
        if (!is_valid(view.center)) {
            in.fail("view.center", "latitude or longitude out of range");
        }
    }
    if (v.contains("zoom")) {
        view.zoom = in.number(v["zoom"], "view.zoom");
        if (!(view.zoom >= 0.5 && view.zoom <= 20)) {
            in.fail("view.zoom", "expected 0.5 to 20");
        }
    }
    if (v.contains("projection")) {
        view.projection = in.text(v["projection"], "view.projection");
    }
    if (v.contains("layers")) {
        const json& layers = in.object(v, "layers", "view.layers");
        for (auto it = layers.begin(); it != layers.end(); ++it) {
            if (!it.value().is_boolean()) {
                in.fail("view.layers." + it.key(), "expected true or false");
            }
            view.layers[it.key()] = it.value().get<bool>();
        }
    }
    if (v.contains("color_by")) {
        const std::string by = in.text(v["color_by"], "view.color_by");
        if (by != "type" && by != "quad" && by != "layer") {
            in.fail("view.color_by", "expected \"type\", \"quad\" or \"layer\"");
        }
        view.color_by = by == "type"   ? ColorBy::type
                        : by == "quad" ? ColorBy::quad
                                       : ColorBy::layer;
    }
}

void read_window(const Reader& in, const json& w, ViewState& state) {
    if (w.contains("first") || w.contains("last")) {
        const auto first = parse_day_range(in.text(w.value("first", json()), "window.first"));
        const auto last = parse_day_range(in.text(w.value("last", json()), "window.last"));
        if (!first || !last) {
            in.fail("window", "expected dates YYYY[-MM[-DD]]");
        }
        state.window = DayRange{first->first, last->last};
    }
    if (w.contains("mode")) {
        const auto mode = window_mode_from(in.text(w["mode"], "window.mode"));
        if (!mode) {
            in.fail("window.mode", "expected \"moving\" or \"cumulative\"");
        }
        state.mode = *mode;
    }
}

void read_filters(const Reader& in, const json& f, FilterState& filters) {
    if (f.contains("types")) {
        filters.types = in.names(f["types"], "filters.types");
    }
    if (f.contains("countries")) {
        filters.countries = in.names(f["countries"], "filters.countries");
    }
    if (f.contains("actors")) {
        filters.actors = in.names(f["actors"], "filters.actors");
    }
    if (f.contains("date_sources")) {
        filters.date_sources = in.names(f["date_sources"], "filters.date_sources");
    }
    if (f.contains("quads")) {
        if (!f["quads"].is_array()) {
            in.fail("filters.quads", "expected an array of 0..4");
        }
        filters.quads.fill(false);
        for (const auto& q : f["quads"]) {
            const double value = in.number(q, "filters.quads[]");
            if (value < 0 || value > 4 || value != static_cast<int>(value)) {
                in.fail("filters.quads", "expected an array of 0..4");
            }
            filters.quads[static_cast<std::size_t>(value)] = true;
        }
    }
    if (f.contains("planned")) {
        const auto planned = planned_filter_from(in.text(f["planned"], "filters.planned"));
        if (!planned) {
            in.fail("filters.planned", "expected any, planned or not_planned");
        }
        filters.planned = *planned;
    }
    if (f.contains("min_confidence")) {
        filters.min_confidence =
            static_cast<float>(in.number(f["min_confidence"], "filters.min_confidence"));
    }
    if (f.contains("text")) {
        filters.text = in.text(f["text"], "filters.text");
    }
}

void read_sources(const Reader& in, const json& list, std::vector<LayerState>& sources) {
    if (!list.is_array()) {
        in.fail("sources", "expected an array of {\"source\": ..., \"visible\": ...}");
    }
    for (const auto& item : list) {
        if (!item.is_object() || !item.contains("source")) {
            in.fail("sources[]", "expected an object with a \"source\"");
        }
        LayerState layer;
        layer.source = in.text(item["source"], "sources[].source");
        if (layer.source.empty()) {
            in.fail("sources[].source", "empty");
        }
        if (item.contains("visible")) {
            if (!item["visible"].is_boolean()) {
                in.fail("sources[].visible", "expected true or false");
            }
            layer.visible = item["visible"].get<bool>();
        }
        sources.push_back(std::move(layer));
    }
}

// A file's identity whatever way its path is written ("./a.gpkg", "a.gpkg"); a PG: string
// or a name that does not resolve is its text.
std::string source_key(const std::string& source) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(source, ec);
    return ec || source.rfind("PG:", 0) == 0 ? source : canonical.string();
}

} // namespace

std::vector<LayerState> plan_layers(const std::vector<std::string>& given,
                                    const std::vector<LayerState>& saved,
                                    const std::string& fallback) {
    if (given.empty()) {
        return saved.empty() ? std::vector<LayerState>{{fallback, true}} : saved;
    }
    std::vector<LayerState> out;
    std::vector<bool> placed(given.size(), false);
    for (const auto& layer : saved) {
        const std::string key = source_key(layer.source);
        for (std::size_t i = 0; i < given.size(); ++i) {
            if (!placed[i] && source_key(given[i]) == key) {
                placed[i] = true;
                out.push_back({given[i], layer.visible});
                break;
            }
        }
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (!placed[i]) {
            out.push_back({given[i], true});
        }
    }
    return out;
}

ViewState parse_view_state(const std::string& json_text, const std::string& file) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        // nlohmann reports a byte offset; turn it into the line a reader can find.
        const auto offset = std::min<std::size_t>(e.byte, json_text.size());
        const auto line =
            1 + std::count(json_text.begin(), json_text.begin() + static_cast<long>(offset), '\n');
        throw InputError(std::string("state file is not JSON: ") + e.what(), file,
                         static_cast<std::uint64_t>(line));
    } catch (const json::exception& e) {
        // Valid syntax that nlohmann cannot hold: a number beyond a double's range
        // ("1E999"), out_of_range 406 (a fuzz finding).
        throw InputError(std::string("state file has a value out of range: ") + e.what(), file);
    }
    const Reader in{file};
    if (!doc.is_object()) {
        throw InputError("state file: expected a JSON object", file);
    }
    if (doc.contains("version") && doc["version"] != 1) {
        in.fail("version", "this viewer reads version 1");
    }
    ViewState state;
    if (doc.contains("view")) {
        read_view(in, in.object(doc, "view", "view"), state.view);
    }
    if (doc.contains("window")) {
        read_window(in, in.object(doc, "window", "window"), state);
    }
    if (doc.contains("filters")) {
        read_filters(in, in.object(doc, "filters", "filters"), state.filters);
    }
    if (doc.contains("sources")) {
        read_sources(in, doc["sources"], state.sources);
    }
    return state;
}

ViewState read_view_state(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(std::string("cannot read state file: ") + std::strerror(errno), path);
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parse_view_state(text.str(), path);
}

std::string view_state_to_json(const ViewState& s) {
    json view = {{"center", {s.view.center.lat, s.view.center.lon}},
                 {"zoom", s.view.zoom},
                 {"projection", s.view.projection},
                 {"layers", s.view.layers},
                 {"color_by", s.view.color_by == ColorBy::type   ? "type"
                              : s.view.color_by == ColorBy::quad ? "quad"
                                                                 : "layer"}};
    json window = {{"mode", to_string(s.mode)}};
    if (s.window) {
        window["first"] = format_day(s.window->first);
        window["last"] = format_day(s.window->last);
    }
    json quads = json::array();
    for (std::size_t q = 0; q < s.filters.quads.size(); ++q) {
        if (s.filters.quads[q]) {
            quads.push_back(q);
        }
    }
    json filters = {{"types", s.filters.types},
                    {"quads", quads},
                    {"countries", s.filters.countries},
                    {"actors", s.filters.actors},
                    {"date_sources", s.filters.date_sources},
                    {"planned", to_string(s.filters.planned)},
                    {"min_confidence", s.filters.min_confidence},
                    {"text", s.filters.text}};
    json doc = {{"version", 1}, {"view", view}, {"window", window}, {"filters", filters}};
    if (!s.sources.empty()) {
        json sources = json::array();
        for (const auto& layer : s.sources) {
            sources.push_back({{"source", layer.source}, {"visible", layer.visible}});
        }
        doc["sources"] = sources;
    }
    return doc.dump(2) + "\n";
}

// Through the project's one atomic writer: a crash leaves the old state or the new one, and a
// state path planted as a link is refused (replaced only with --force), never written through.
void write_view_state(const ViewState& state, const std::string& path) {
    write_file_atomically(path, view_state_to_json(state));
}

} // namespace eventmap::view
