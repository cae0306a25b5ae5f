// Diagnostics and the line, row and JSON reading every gazetteer source shares.
#include "gazetteer/source_rows.hpp"

#include "common/error.hpp"
#include "common/geo.hpp"

namespace eventmap::gazetteer {

void Diagnostics::error(const std::string& file, std::uint64_t line, std::string what) {
    ++count_;
    ++per_file_[file];
    if (first_.size() < 100) {
        first_.push_back(RowError{file, line, std::move(what)});
    }
}

namespace source_rows {

LineInput open_source(const std::string& path) {
    return LineInput(path, "gazetteer source", "; run scripts/setup to fetch the pinned sources");
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            cols.push_back(line.substr(start));
            return cols;
        }
        cols.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

std::vector<std::string> split_list(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        if (end > start) {
            out.emplace_back(s.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

void strip_cr(std::string& line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
}

bool valid_position(double lat, double lon) {
    return is_valid(LatLon{lat, lon});
}

nlohmann::json read_json(const std::string& path) {
    LineInput in = open_source(path);
    const std::string text = in.read_rest();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number too large for a double (fuzzing found
        // "9E900" escaping as a plain std::exception).
        throw InputError(std::string("malformed JSON: ") + e.what(), path);
    }
}

std::string json_string(const nlohmann::json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace source_rows

} // namespace eventmap::gazetteer
