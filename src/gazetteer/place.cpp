#include "gazetteer/place.hpp"

namespace eventmap::gazetteer {

std::string_view to_string(Source s) {
    switch (s) {
    case Source::geonames:
        return "geonames";
    case Source::country:
        return "countries";
    case Source::admin1:
        return "admin1";
    case Source::admin2:
        return "admin2";
    case Source::supplement:
        return "supplement";
    }
    return "unknown";
}

std::string_view to_string(Precision p) {
    switch (p) {
    case Precision::continent:
        return "continent";
    case Precision::region:
        return "region";
    case Precision::country:
        return "country";
    case Precision::admin1:
        return "admin1";
    case Precision::admin2:
        return "admin2";
    case Precision::city:
        return "city";
    case Precision::district:
        return "district";
    case Precision::point:
        return "point";
    }
    return "unknown";
}

std::string_view to_string(NameKind k) {
    switch (k) {
    case NameKind::name:
        return "name";
    case NameKind::abbreviation:
        return "abbreviation";
    case NameKind::demonym:
        return "demonym";
    }
    return "unknown";
}

} // namespace eventmap::gazetteer
