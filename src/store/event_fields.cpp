#include "store/event_fields.hpp"

#include "common/error.hpp"
#include "common/utf8.hpp"

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

void append_json_string(std::string& out, const std::string& text) {
    // A store must not die on one bad byte from upstream: replace it, as JSON needs UTF-8.
    if (!utf8::is_valid(text)) {
        append_json_string(out, utf8::sanitize(text).text);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Written by hand, not through a JSON DOM: export reads and writes this once per event.
std::string sources_to_json(const std::vector<events::EventSource>& sources) {
    std::string out = "[";
    for (const auto& source : sources) {
        if (out.size() > 1) {
            out += ',';
        }
        out += "{\"article_id\":";
        append_json_string(out, source.article_id);
        out += ",\"sentence\":";
        append_json_string(out, source.sentence);
        out += ",\"start\":" + std::to_string(source.start);
        out += ",\"end\":" + std::to_string(source.end) + "}";
    }
    out += ']';
    return out;
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
