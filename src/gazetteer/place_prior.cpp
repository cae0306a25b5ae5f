// The prior a place ranks by before any context (importance) and the extent it stands for
// when its source gives none (default_radius_km). Declared in index_builder.hpp: the builder
// writes both into every place record, and country and division readers size by the extent.
#include "gazetteer/index_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace eventmap::gazetteer {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

double log_pop(std::uint64_t population) {
    return std::log10(static_cast<double>(population) + 1.0);
}

} // namespace

double importance(const PlaceEntry& p) {
    const std::string_view code = p.feature_code;
    const double lp = log_pop(p.population);
    if (code == "CONT") {
        return 9.6;
    }
    if (p.precision == Precision::country || starts_with(code, "PCL")) {
        // Countries share one tier; area breaks ties between same-named ones.
        return 9.0 + std::min(0.4, std::log10(p.area_km2 + 1.0) / 20.0);
    }
    if (p.precision == Precision::region) {
        return 8.4 + std::min(0.3, lp / 40.0);
    }
    if (code == "PPLC") {
        return 7.0 + lp / 20.0;
    }
    if (code == "ADM1" || p.precision == Precision::admin1) {
        return 6.5 + lp / 20.0;
    }
    if (code == "ADM2" || p.precision == Precision::admin2) {
        return 3.0 + lp / 5.0;
    }
    if (p.feature_class == 'P') {
        double bonus = 0.0;
        if (code == "PPLA") {
            bonus = 0.6;
        } else if (code == "PPLA2") {
            bonus = 0.3;
        } else if (code == "PPLA3" || code == "PPLA4") {
            bonus = 0.1;
        } else if (code == "PPLX" || code == "PPLH" || code == "PPLQ" || code == "PPLW") {
            bonus = -0.5; // sections of places and historical places: rarely what news means
        }
        // A district or town the project's supplement adds is there because news names it:
        // it outranks same-named villages of a few thousand people.
        if (p.source == Source::supplement) {
            return std::max(0.9 * lp, 4.0) + 0.5;
        }
        return 0.9 * lp + bonus;
    }
    // Water bodies, terrain, spots: named by news in their own right; unknown population.
    if (p.source == Source::supplement) {
        return 5.5 + lp / 10.0;
    }
    return 1.0 + lp / 2.0;
}

double area_radius_km(double area_km2) {
    return std::sqrt(std::max(area_km2, 0.0) / 3.14159265358979323846);
}

float default_radius_km(const PlaceEntry& p) {
    switch (p.precision) {
    case Precision::continent:
        return 3000.0F;
    case Precision::region:
        return 500.0F;
    case Precision::country:
        return static_cast<float>(area_radius_km(p.area_km2));
    case Precision::admin1:
        return 150.0F;
    case Precision::admin2:
        return 30.0F;
    case Precision::district:
        return 2.0F;
    case Precision::point:
        return 0.5F;
    case Precision::city:
        break;
    }
    // Built-up area grows roughly with the fourth root of population: 500 people ~ 3 km,
    // 1 million ~ 19 km.
    const float r =
        0.6F * std::pow(static_cast<float>(std::max<std::uint64_t>(p.population, 1)), 0.25F);
    return std::clamp(r, 1.0F, 40.0F);
}

} // namespace eventmap::gazetteer
