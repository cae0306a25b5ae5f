#include "view/place_finder.hpp"

#include "common/error.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"

namespace eventmap::view {

PlaceFinder::PlaceFinder(std::string index_path) : path_(std::move(index_path)) {}
PlaceFinder::~PlaceFinder() = default;

void PlaceFinder::set_index(std::string index_path) {
    path_ = std::move(index_path);
    gazetteer_.reset();
}

std::vector<PlaceChoice> PlaceFinder::lookup(const std::string& name, std::size_t limit) {
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
    gazetteer::LookupOptions options;
    options.limit = limit;
    std::vector<PlaceChoice> places;
    for (const auto& c : gazetteer_->lookup(name, options)) {
        PlaceChoice p;
        p.position = c.place.position;
        p.name = std::string(c.place.name);
        p.geonameid = c.place.id;
        p.country_code = std::string(c.place.country);
        p.detail = std::string(c.place.feature_code) +
                   (c.place.population > 0 ? ", pop. " + std::to_string(c.place.population) : "");
        places.push_back(std::move(p));
    }
    return places;
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
