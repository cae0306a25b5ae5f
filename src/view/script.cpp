#include "view/script.hpp"

#include "common/error.hpp"
#include "view/time_model.hpp"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

namespace eventmap::view {

std::vector<std::string> split_words(const std::string& line, const std::string& file,
                                     std::size_t line_number) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) {
            ++i;
        }
        if (i == line.size()) {
            break;
        }
        std::string word;
        if (line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '"') {
                    word += '"';
                    i += 2;
                } else if (line[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    word += line[i++];
                }
            }
            if (!closed) {
                throw InputError("unclosed quote", file, line_number);
            }
        } else {
            while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) {
                word += line[i++];
            }
        }
        words.push_back(word);
    }
    return words;
}

namespace {

// "WIDTHxHEIGHT", each 16..16384 and nothing else around them; nullopt otherwise. from_chars
// reports what it could not convert (sscanf's %d does not, and takes signs and spaces).
std::optional<std::pair<int, int>> parse_size(const std::string& word) {
    const char* const end = word.data() + word.size();
    int width = 0, height = 0;
    const auto w = std::from_chars(word.data(), end, width);
    if (w.ec != std::errc() || w.ptr == end || *w.ptr != 'x') {
        return std::nullopt;
    }
    const auto h = std::from_chars(w.ptr + 1, end, height);
    if (h.ec != std::errc() || h.ptr != end) {
        return std::nullopt;
    }
    const auto in_range = [](int n) { return n >= 16 && n <= 16384; };
    if (!in_range(width) || !in_range(height)) {
        return std::nullopt;
    }
    return std::make_pair(width, height);
}

struct Checker {
    const std::string& file;
    ScriptAction& action;

    [[noreturn]] void fail(const std::string& why) const {
        throw InputError(action.verb + ": " + why, file, action.line);
    }
    void count(std::size_t least, std::size_t most, const char* usage) const {
        if (action.args.size() < least || action.args.size() > most) {
            fail(std::string("expected ") + usage);
        }
    }
    double number(std::size_t i, double low, double high, const char* what) {
        const std::string& word = action.args.at(i);
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(word.c_str(), &end);
        if (word.empty() || *end != '\0' || errno != 0 || !std::isfinite(value)) {
            fail(std::string("'") + word + "' is not a number (" + what + ")");
        }
        if (value < low || value > high) {
            fail(std::string(what) + " " + word + " is out of range");
        }
        action.numbers.push_back(value);
        return value;
    }
    void bbox(std::size_t first) {
        const double w = number(first, -180, 180, "west");
        const double s = number(first + 1, -90, 90, "south");
        const double e = number(first + 2, -180, 180, "east");
        const double n = number(first + 3, -90, 90, "north");
        if (w >= e || s >= n) {
            fail("expected W S E N with west < east and south < north");
        }
    }
    void one_of(std::size_t i, std::initializer_list<const char*> choices) const {
        std::string all;
        for (const char* choice : choices) {
            if (action.args.at(i) == choice) {
                return;
            }
            all += all.empty() ? choice : std::string("|") + choice;
        }
        fail("'" + action.args.at(i) + "': expected " + all);
    }
    void date(std::size_t i) const {
        if (!parse_day_range(action.args.at(i))) {
            fail("'" + action.args.at(i) + "' is not a date YYYY[-MM[-DD]] or range A..B");
        }
    }
};

void check_filter(Checker& c) {
    auto& a = c.action;
    if (a.args.empty()) {
        c.fail("expected a facet: type, quad, country, actor, date_source, planned, "
               "confidence, text or clear");
    }
    const std::string& facet = a.args[0];
    if (facet == "clear") {
        c.count(1, 1, "'filter clear'");
    } else if (facet == "type" || facet == "country" || facet == "actor" ||
               facet == "date_source") {
        c.count(1, 2, "filter FACET NAME[,NAME...]");
    } else if (facet == "quad") {
        c.count(2, 2, "filter quad 1,2,3,4");
        std::stringstream list(a.args[1]);
        std::string item;
        while (std::getline(list, item, ',')) {
            if (item.size() != 1 || item[0] < '0' || item[0] > '4') {
                c.fail("quad classes are 0..4, comma-separated");
            }
        }
    } else if (facet == "planned") {
        c.count(2, 2, "filter planned any|planned|not_planned");
        c.one_of(1, {"any", "planned", "not_planned"});
    } else if (facet == "confidence") {
        c.count(2, 2, "filter confidence 0..1");
        c.number(1, 0, 1, "confidence");
    } else if (facet == "text") {
        c.count(1, 1000, "filter text WORDS...");
    } else {
        c.fail("unknown facet '" + facet + "'");
    }
}

void check(Checker& c) {
    auto& a = c.action;
    const std::string& v = a.verb;
    if (v == "window") {
        c.count(1, 2, "window FROM [TO]");
        c.date(0);
        if (a.args.size() == 2) {
            c.date(1);
        }
    } else if (v == "mode") {
        c.count(1, 1, "mode moving|cumulative");
        c.one_of(0, {"moving", "cumulative"});
    } else if (v == "step") {
        c.count(1, 2, "step day|week|month [N]");
        c.one_of(0, {"day", "week", "month"});
        if (a.args.size() == 2) {
            c.number(1, -100000, 100000, "count");
        }
    } else if (v == "zoom" || v == "select-box") {
        c.count(4, 4, "W S E N");
        c.bbox(0);
    } else if (v == "center") {
        c.count(2, 3, "center LAT LON [ZOOM]");
        c.number(0, -90, 90, "latitude");
        c.number(1, -180, 180, "longitude");
        if (a.args.size() == 3) {
            c.number(2, 0.5, 20, "zoom");
        }
    } else if (v == "select") {
        c.count(2, 2, "select LAT LON");
        c.number(0, -90, 90, "latitude");
        c.number(1, -180, 180, "longitude");
    } else if (v == "filter") {
        check_filter(c);
    } else if (v == "layer") {
        c.count(2, 2, "layer NAME on|off");
        c.one_of(0, {"basemap", "markers", "clusters", "heatmap", "labels", "graticule"});
        c.one_of(1, {"on", "off"});
    } else if (v == "panel") {
        c.count(2, 2, "panel NAME on|off");
        c.one_of(0, {"help", "layers", "filters", "list", "details", "time"});
        c.one_of(1, {"on", "off"});
    } else if (v == "color") {
        c.count(1, 1, "color type|quad|layer");
        c.one_of(0, {"type", "quad", "layer"});
    } else if (v == "layers") {
        // The sources' layers: the layer is named at run time (it may be a number).
        c.count(0, 2, "layers [NAME show|hide|up|down|top|bottom]");
        if (a.args.size() == 1) {
            c.fail("expected layers NAME show|hide|up|down|top|bottom");
        }
        if (a.args.size() == 2) {
            c.one_of(1, {"show", "hide", "up", "down", "top", "bottom"});
        }
    } else if (v == "correct") {
        c.count(3, 3, "correct EVENT_ID LAT LON | correct EVENT_ID candidate N");
        if (a.args[1] == "candidate") {
            c.number(2, 1, 1000, "candidate");
        } else {
            c.number(1, -90, 90, "latitude");
            c.number(2, -180, 180, "longitude");
        }
    } else if (v == "fly-to") {
        c.count(1, 1000, "fly-to PLACE NAME | fly-to LAT,LON");
    } else if (v == "content-scale") {
        c.count(1, 1, "content-scale SCALE");
        c.number(0, 0.25, 8, "content scale");
    } else if (v == "undo" || v == "quit" || v == "display") {
        c.count(0, 0, "no arguments");
    } else if (v == "export" || v == "screenshot" || v == "save-state") {
        c.count(1, 1, "a FILE");
    } else if (v == "save-image") {
        c.count(1, 3, "save-image FILE [WIDTHxHEIGHT|screen [SCALE]]");
        if (a.args.size() >= 2 && a.args[1] != "screen") {
            const auto size = parse_size(a.args[1]);
            if (!size) {
                c.fail("size '" + a.args[1] + "': expected WIDTHxHEIGHT, 16..16384, or screen");
            }
            a.numbers = {static_cast<double>(size->first), static_cast<double>(size->second)};
        } else {
            a.numbers = {0, 0}; // the map's size on screen
        }
        if (a.args.size() == 3) {
            c.number(2, 0.25, 16, "scale"); // symbols and text; absent: matched to the screen
        }
    } else if (v == "frames") {
        c.count(1, 1, "frames N");
        c.number(0, 1, 100000, "frames");
    } else if (v == "drag") {
        c.count(2, 3, "drag DX DY [FILE]");
        c.number(0, -100000, 100000, "dx");
        c.number(1, -100000, 100000, "dy");
    } else if (v == "wait") {
        c.count(1, 1, "wait SECONDS");
        c.number(0, 0, 3600, "seconds");
    } else if (v == "play") {
        c.count(1, 1, "play SECONDS");
        c.number(0, 0, 3600, "seconds");
    } else {
        c.fail("unknown action (the list is in `eventmap view --help`)");
    }
}

} // namespace

Script parse_script(const std::string& text, const std::string& file) {
    Script script;
    script.file = file;
    std::istringstream lines(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        auto words = split_words(line, file, number);
        if (words.empty() || words[0][0] == '#') {
            continue;
        }
        ScriptAction action;
        action.line = number;
        action.verb = words[0];
        action.args.assign(words.begin() + 1, words.end());
        Checker checker{file, action};
        check(checker);
        script.actions.push_back(std::move(action));
    }
    return script;
}

Script read_script(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(std::string("cannot read script: ") + std::strerror(errno), path);
    }
    std::ostringstream text;
    text << file.rdbuf();
    const std::string content = text.str();
    if (content.find('\0') != std::string::npos) {
        throw InputError("script is binary, not text", path);
    }
    return parse_script(content, path);
}

} // namespace eventmap::view
