#include "store/event_fields.hpp"

#include "common/error.hpp"

#include <nlohmann/json.hpp>

namespace eventmap::store {

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) {
            out += name_separator;
        }
        out += name;
    }
    return out;
}

std::vector<std::string> split_names(const std::string& joined) {
    std::vector<std::string> out;
    if (joined.empty()) {
        return out;
    }
    const std::string separator = name_separator;
    std::size_t begin = 0;
    while (true) {
        const std::size_t at = joined.find(separator, begin);
        out.push_back(
            joined.substr(begin, at == std::string::npos ? std::string::npos : at - begin));
        if (at == std::string::npos) {
            return out;
        }
        begin = at + separator.size();
    }
}

std::string sources_to_json(const std::vector<events::EventSource>& sources) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& source : sources) {
        array.push_back({{"article_id", source.article_id},
                         {"sentence", source.sentence},
                         {"start", source.start},
                         {"end", source.end}});
    }
    // Invalid UTF-8 would make dump() throw; the pipeline sanitises text, but a store must not
    // die on one bad byte, so replace it.
    return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<events::EventSource> sources_from_json(const std::string& json,
                                                   const std::string& where) {
    std::vector<events::EventSource> out;
    if (json.empty()) {
        return out;
    }
    try {
        const auto array = nlohmann::json::parse(json);
        if (!array.is_array()) {
            throw DataError("sources is not a JSON array", where);
        }
        for (const auto& item : array) {
            events::EventSource source;
            source.article_id = item.at("article_id").get<std::string>();
            source.sentence = item.at("sentence").get<std::string>();
            source.start = item.at("start").get<std::size_t>();
            source.end = item.at("end").get<std::size_t>();
            out.push_back(std::move(source));
        }
    } catch (const nlohmann::json::exception& e) {
        throw DataError(std::string("malformed sources column: ") + e.what(), where);
    }
    return out;
}

bool has_location(const events::Event& event) {
    const auto& loc = event.event_loc;
    return loc.geonameid != 0 || !loc.resolved_place.empty() || loc.position.lat != 0.0 ||
           loc.position.lon != 0.0;
}

} // namespace eventmap::store
