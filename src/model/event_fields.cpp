#include "model/event_fields.hpp"

#include "common/error.hpp"
#include "common/utf8.hpp"

#include <nlohmann/json.hpp>

namespace eventmap::model {

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
std::string sources_to_json(const std::vector<model::EventSource>& sources) {
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

namespace {

// Reads the sources array with nlohmann's SAX interface: no DOM per event (export reads a
// million of these). Anything but an array of {article_id, sentence, start, end} is refused.
class SourcesReader {
  public:
    using json = nlohmann::json;
    std::vector<model::EventSource> sources;
    std::string problem;

    bool null() { return fail("null value"); }
    bool boolean(bool) { return fail("boolean value"); }
    bool number_integer(json::number_integer_t value) {
        if (value < 0) {
            return fail("negative offset");
        }
        return number_unsigned(static_cast<json::number_unsigned_t>(value));
    }
    bool number_unsigned(json::number_unsigned_t value) {
        if (depth_ != 2 || (key_ != "start" && key_ != "end")) {
            return fail("number where none belongs");
        }
        (key_ == "start" ? sources.back().start : sources.back().end) =
            static_cast<std::size_t>(value);
        seen_ |= key_ == "start" ? 4U : 8U;
        return true;
    }
    bool number_float(json::number_float_t, const json::string_t&) { return fail("fraction"); }
    bool string(json::string_t& value) {
        if (depth_ != 2 || (key_ != "article_id" && key_ != "sentence")) {
            return fail("text where none belongs");
        }
        (key_ == "article_id" ? sources.back().article_id : sources.back().sentence) =
            std::move(value);
        seen_ |= key_ == "article_id" ? 1U : 2U;
        return true;
    }
    bool binary(json::binary_t&) { return fail("binary value"); }
    bool start_object(std::size_t) {
        if (depth_ != 1) {
            return fail("object where none belongs");
        }
        ++depth_;
        seen_ = 0;
        sources.emplace_back();
        return true;
    }
    bool key(json::string_t& name) {
        key_ = name;
        return true;
    }
    bool end_object() {
        --depth_;
        return seen_ == 15U || fail("source without article_id, sentence, start and end");
    }
    bool start_array(std::size_t) {
        if (depth_ != 0) {
            return fail("nested array");
        }
        ++depth_;
        return true;
    }
    bool end_array() {
        --depth_;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        return fail(e.what());
    }

  private:
    bool fail(const std::string& what) {
        if (problem.empty()) {
            problem = what;
        }
        return false;
    }
    int depth_ = 0;
    unsigned seen_ = 0;
    std::string key_;
};

} // namespace

std::vector<model::EventSource> sources_from_json(const std::string& json,
                                                  const std::string& where) {
    if (json.empty()) {
        return {};
    }
    SourcesReader reader;
    const bool ok = nlohmann::json::sax_parse(json, &reader);
    if (!ok || !reader.problem.empty()) {
        throw DataError("malformed sources column: " + (reader.problem.empty()
                                                            ? std::string("not a JSON array")
                                                            : reader.problem),
                        where);
    }
    return std::move(reader.sources);
}

bool has_location(const model::Event& event) {
    const auto& loc = event.event_loc;
    return loc.geonameid != 0 || !loc.resolved_place.empty() || loc.position.lat != 0.0 ||
           loc.position.lon != 0.0;
}

} // namespace eventmap::model
