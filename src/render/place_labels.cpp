#include "render/place_labels.hpp"

#include "common/error.hpp"
#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <filesystem>

namespace eventmap::render {

PlaceLabels::PlaceLabels(const std::string& path) {
    std::error_code ec;
    if (path.empty() || path == "-" || !std::filesystem::exists(path, ec)) {
        return;
    }
    try {
        const auto gazetteer = gazetteer::Gazetteer::open(path);
        for (std::uint32_t i = 0; i < gazetteer.size(); ++i) {
            const auto place = gazetteer.place(i);
            if (place.feature_class != 'P' || place.population < 1000) {
                continue;
            }
            ReferencePlace p;
            p.name = std::string(place.name);
            p.lon = place.position.lon;
            p.lat = place.position.lat;
            p.population = place.population;
            p.capital = place.feature_code == "PPLC";
            places_.push_back(std::move(p));
        }
    } catch (const Error&) {
        places_.clear(); // a stale or corrupt index: the map is drawn without places
    }
    std::stable_sort(places_.begin(), places_.end(), [](const auto& a, const auto& b) {
        if (a.capital != b.capital) {
            return a.capital;
        }
        return a.population > b.population;
    });
}

void PlaceLabels::project(const Projection& projection) {
    for (auto& p : places_) {
        const auto xy = projection.forward(p.lon, p.lat);
        p.x = xy.x;
        p.y = xy.y;
    }
}

std::size_t PlaceLabels::draw(UiBatch& batch, const MapView& view, float scale,
                              std::vector<PixelRect>& taken) const {
    // Ground metres per pixel at scale 1 decide how small a place may be and still be named:
    // about 1.6 M people on a continent, 200k on a country, a few thousand in a city.
    const double ground = view.metres_per_pixel * scale;
    if (ground > 12000) {
        return 0; // world maps: country names are enough
    }
    const auto min_population = static_cast<std::uint64_t>(std::clamp(ground * 200.0, 2000.0, 2e6));
    const std::size_t max_labels =
        static_cast<std::size_t>(view.width * view.height / (60000.0 * scale * scale)) + 4;
    const FontAtlas& font = batch.font();
    const float dot = 2.2F * scale;
    std::size_t placed = 0;
    for (const auto& p : places_) {
        if (placed >= max_labels) {
            break;
        }
        if (p.population < min_population && !(p.capital && ground < 6000)) {
            continue;
        }
        const auto px = static_cast<float>(view.pixel_x(p.x));
        const auto py = static_cast<float>(view.pixel_y(p.y));
        if (!(px > 0 && py > 0 && px < static_cast<float>(view.width) &&
              py < static_cast<float>(view.height))) {
            continue;
        }
        const Face face = p.capital ? Face::body_bold : Face::small;
        const float w = font.measure(face, p.name);
        const float h = font.pixel_size(face);
        const PixelRect box{px - dot, py - h * 0.7F, px + dot + 3 * scale + w, py + h * 0.5F};
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const PixelRect& r) { return r.overlaps(box); })) {
            continue;
        }
        taken.push_back(box);
        batch.disc(px, py, dot + scale, colors::halo);
        batch.disc(px, py, dot, colors::muted_text);
        batch.text_with_halo(face, p.name, px + dot + 3 * scale, py + h * 0.35F, colors::text,
                             colors::halo);
        ++placed;
    }
    return placed;
}

} // namespace eventmap::render
