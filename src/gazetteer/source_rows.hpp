// Reading the gazetteer's source files, shared by the readers of sources.hpp (one file per
// source: geonames_source.cpp, country_source.cpp, division_sources.cpp, project_sources.cpp).
// Internal to the gazetteer module.
#pragma once

#include "common/input_file.hpp"
#include "common/utf8.hpp"
#include "gazetteer/sources.hpp"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventmap::gazetteer::source_rows {

// Sources are regular files or FIFOs (`--geonames <(unzip -p allCountries.zip)`); a directory,
// a device or a file that grows while read is refused with its name (common/input_file.hpp).
LineInput open_source(const std::string& path);

std::vector<std::string_view> split_tabs(std::string_view line);

template <typename T> bool parse_number(std::string_view s, T& out) {
    if (s.empty()) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits a list ("a,b,c" or "a|b|c"), dropping empty items.
std::vector<std::string> split_list(std::string_view s, char sep);

void strip_cr(std::string& line);

// Calls row(columns, line number) for each line of a tab-separated file that is neither empty
// nor a '#' comment; lines that are not valid UTF-8 are reported and skipped.
template <typename Row>
void for_each_tsv_row(const std::string& path, Diagnostics& diag, Row&& row) {
    LineInput in = open_source(path);
    std::string line;
    while (in.getline(line)) {
        const std::uint64_t line_no = in.line_number();
        strip_cr(line);
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (!utf8::is_valid(line)) {
            diag.error(path, line_no, "invalid UTF-8");
            continue;
        }
        row(split_tabs(line), line_no);
    }
}

bool valid_position(double lat, double lon);

// The whole file as JSON; malformed JSON is an InputError naming the file.
nlohmann::json read_json(const std::string& path);

// obj[key] when it is a string, else "".
std::string json_string(const nlohmann::json& obj, const char* key);

} // namespace eventmap::gazetteer::source_rows
