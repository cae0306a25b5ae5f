#include "view/place_finder.hpp"

#include "common/error.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"

#include <cmath>

namespace eventmap::view {

PlaceFinder::PlaceFinder(std::string index_path) : path_(std::move(index_path)) {}
PlaceFinder::~PlaceFinder() = default;

void PlaceFinder::set_index(std::string index_path) {
    path_ = std::move(index_path);
    gazetteer_.reset();
}

gazetteer::Gazetteer& PlaceFinder::index() {
    if (!gazetteer_) {
        const std::string path = path_.empty() ? gazetteer::default_index_path() : path_;
        try {
            gazetteer_ = std::make_unique<gazetteer::Gazetteer>(gazetteer::Gazetteer::open(path));
        } catch (const Error& e) {
            throw DataError(std::string("no gazetteer for place search (") + e.what() +
                                "); build it with `eventmap gazetteer build` or set "
                                "$EVENTMAP_GAZETTEER",
                            path);
        }
    }
    return *gazetteer_;
}

namespace {

PlaceChoice choice_of(const gazetteer::PlaceView& place) {
    PlaceChoice p;
    p.position = place.position;
    p.name = std::string(place.name);
    p.geonameid = place.id;
    p.country_code = std::string(place.country);
    p.detail = std::string(place.feature_code) +
               (place.population > 0 ? ", pop. " + std::to_string(place.population) : "");
    return p;
}

} // namespace

std::vector<PlaceChoice> PlaceFinder::lookup(const std::string& name, std::size_t limit) {
    const gazetteer::Gazetteer& g = index();
    gazetteer::LookupOptions options;
    options.limit = limit;
    std::vector<PlaceChoice> places;
    for (const auto& c : g.lookup(name, options)) {
        places.push_back(choice_of(c.place));
    }
    return places;
}

std::optional<PlaceChoice> PlaceFinder::nearest(LatLon at, double radius_km) {
    const gazetteer::Gazetteer& g = index();
    // A scan of the mapped place records: a correction is one click, and the index holds no
    // spatial order. Degrees of latitude bound the distance cheaply before the haversine.
    const double lat_span = radius_km / 111.0;
    std::optional<gazetteer::PlaceView> best;
    double best_km = radius_km;
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        const gazetteer::PlaceView place = g.place(i);
        // Only places a reader takes a point to be "near": a populated place or a part of one
        // (class P), not a country or region, nor a port, a hill or a building.
        if (place.feature_class != 'P' || place.precision < gazetteer::Precision::city ||
            std::abs(place.position.lat - at.lat) > lat_span) {
            continue;
        }
        const double km = distance_km(at, place.position);
        if (km <= best_km) {
            best_km = km;
            best = place;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    return choice_of(*best);
}

PlaceChoice point_choice(PlaceFinder& finder, LatLon at) {
    PlaceChoice point{at, chosen_point_name, 0, "", ""};
    try {
        if (const auto near = finder.nearest(at, near_place_km)) {
            point.name = "near " + near->name;
            point.country_code = near->country_code;
        }
    } catch (const DataError&) {
        // No gazetteer: the point stays unnamed rather than the correction failing.
    }
    return point;
}

std::string describe(const PlaceChoice& p) {
    std::string text = p.name.empty() ? "point" : p.name;
    text += " (" + (p.country_code.empty() ? std::string("-") : p.country_code);
    if (!p.detail.empty()) {
        text += ", " + p.detail;
    }
    return text + ")";
}

} // namespace eventmap::view
