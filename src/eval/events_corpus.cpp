#include "eval/events_corpus.hpp"

#include "common/error.hpp"
#include "common/hash.hpp"
#include "common/utf8.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace eventmap::eval {

namespace {

Span parse_span(const nlohmann::json& j, std::size_t length, const std::string& what,
                const std::string& path, std::uint64_t number) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() ||
        !j[1].is_number_unsigned()) {
        throw InputError(what + " must be [start, end] with non-negative integers", path, number);
    }
    const Span s{j[0].get<std::size_t>(), j[1].get<std::size_t>()};
    if (s.start >= s.end || s.end > length) {
        throw InputError(what + " [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
                             "] is empty or beyond the text (" + std::to_string(length) +
                             " code points)",
                         path, number);
    }
    return s;
}

} // namespace

EventSplit split_of(const std::string& text) {
    return fnv1a(text) % 2 == 0 ? EventSplit::dev : EventSplit::test;
}

EventSentence parse_event_line(const std::string& line, const std::string& path,
                               std::uint64_t number) {
    if (!utf8::is_valid(line)) {
        throw InputError("invalid UTF-8", path, number);
    }
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw InputError("not a JSON object", path, number);
    }
    const auto text = j.find("text");
    const auto verb = j.find("verb");
    const auto locations = j.find("locations");
    if (text == j.end() || !text->is_string() || verb == j.end() || locations == j.end() ||
        !locations->is_array()) {
        throw InputError("expected \"text\" (string), \"verb\" and \"locations\" (array)", path,
                         number);
    }
    EventSentence s;
    s.text = text->get<std::string>();
    s.line = number;
    const std::size_t length = utf8::count_codepoints(s.text);
    s.verb = parse_span(*verb, length, "verb", path, number);
    for (const auto& l : *locations) {
        s.locations.push_back(parse_span(l, length, "location", path, number));
    }
    const auto source = j.find("source");
    if (source != j.end() && source->is_string()) {
        s.source = source->get<std::string>();
    }
    return s;
}

std::vector<EventSentence> read_event_corpus(const std::string& path, EventSplit split) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read the events corpus", path);
    }
    std::vector<EventSentence> out;
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        EventSentence s = parse_event_line(line, path, number);
        if (split == EventSplit::both || split_of(s.text) == split) {
            out.push_back(std::move(s));
        }
    }
    if (in.bad()) {
        throw InputError("read failed", path, number);
    }
    return out;
}

} // namespace eventmap::eval
