#include "mapdata/csv_reader.hpp"

#include "common/ascii.hpp"
#include "mapdata/row_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

namespace eventmap::mapdata {

namespace {

using namespace detail;

// Splits one line (without its line end) as GDAL's CSV driver does: a quote toggles quoting
// wherever it stands, "" inside quotes is a literal quote, a comma outside quotes ends a field.
// Only the fields with `wanted[i]` set are copied. False when the line ends inside quotes (a
// quoted line break: OGR joins the next line, which this reader leaves to OGR).
bool split_fields(const char* begin, const char* end, const std::vector<char>& wanted,
                  std::vector<std::string>& fields, std::size_t& count) {
    count = 0;
    bool quoted = false;
    std::size_t column = 0;
    const auto keep = [&](std::size_t c) { return c < wanted.size() && wanted[c] != 0; };
    if (keep(0)) {
        fields[0].clear();
    }
    for (const char* p = begin; p < end; ++p) {
        const char c = *p;
        if (c == '"') {
            if (!quoted || p + 1 >= end || p[1] != '"') {
                quoted = !quoted;
                continue;
            }
            ++p; // a doubled quote inside quotes: one quote
        } else if (c == ',' && !quoted) {
            ++column;
            if (keep(column)) {
                fields[column].clear();
            }
            continue;
        }
        if (keep(column)) {
            fields[column].push_back(c);
        }
    }
    count = begin == end ? 0 : column + 1;
    return !quoted;
}

// A coordinate as OGR's CSV driver takes it: spaces around an optionally signed decimal
// number with an optional exponent. nullopt for anything else; the caller tells empty apart.
std::optional<double> plain_number(const std::string& text) {
    std::size_t i = 0, n = text.size();
    while (i < n && text[i] == ' ') {
        ++i;
    }
    while (n > i && text[n - 1] == ' ') {
        --n;
    }
    const std::size_t start = i;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        ++i;
    }
    std::size_t digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
        ++i, ++digits;
    }
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
            ++i, ++digits;
        }
    }
    if (digits == 0) {
        return std::nullopt;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        std::size_t exponent = 0;
        while (i < n && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
            ++i, ++exponent;
        }
        if (exponent == 0) {
            return std::nullopt;
        }
    }
    if (i != n) {
        return std::nullopt;
    }
    return std::strtod(text.substr(start, n - start).c_str(), nullptr);
}

// What the header says: which columns make the point and which feed the candidates.
struct Layout {
    std::size_t columns = 0;
    std::size_t x = 0, y = 0;
    std::vector<int> candidate_column; // per candidate: its column, -1 when absent
    std::vector<char> wanted;          // per column: copied while splitting
    FieldMask present = 0;
};

// The first column whose name (any case) is one of `names`; nullopt when none or when more
// than one is (GDAL refuses some such headers, so OGR's path should answer).
std::optional<std::size_t> only_column(const std::vector<std::string>& low,
                                       std::initializer_list<const char*> names) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < low.size(); ++i) {
        for (const char* name : names) {
            if (low[i] == name) {
                if (found) {
                    return std::nullopt;
                }
                found = i;
            }
        }
    }
    return found;
}

std::optional<Layout> read_header(const char* begin, const char* end) {
    const std::string line(begin, end);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0 || line.find_first_of(";\t|\r") != std::string::npos) {
        return std::nullopt; // a BOM, another separator or a stray carriage return
    }
    std::vector<std::string> names(std::count(line.begin(), line.end(), ',') + 1);
    std::size_t count = 0;
    if (!split_fields(begin, end, std::vector<char>(names.size(), 1), names, count)) {
        return std::nullopt;
    }
    names.resize(count);
    std::vector<std::string> low;
    for (const auto& name : names) {
        if (name.empty() || name.front() == ' ' || name.back() == ' ') {
            return std::nullopt; // GDAL renames or trims such fields
        }
        low.push_back(ascii_lower(name));
        if (low.back() == "wkt" || low.back().rfind("_wkt", 0) == 0) {
            return std::nullopt; // a geometry column
        }
    }
    auto sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        return std::nullopt;
    }
    const auto x = only_column(low, {"longitude", "lon", "lng", "x"});
    const auto y = only_column(low, {"latitude", "lat", "y"});
    if (!x || !y) {
        return std::nullopt;
    }
    Layout layout;
    layout.columns = names.size();
    layout.x = *x;
    layout.y = *y;
    layout.wanted.assign(names.size(), 0);
    layout.wanted[*x] = layout.wanted[*y] = 1;
    const auto& c = candidates();
    layout.candidate_column.assign(c.names.size(), -1);
    for (std::size_t k = 0; k < c.names.size(); ++k) {
        for (std::size_t i = 0; i < low.size(); ++i) {
            if (i != *x && i != *y && low[i] == c.names[k]) {
                layout.candidate_column[k] = static_cast<int>(i);
                layout.wanted[i] = 1;
                layout.present |= FieldMask{1} << k;
                break;
            }
        }
    }
    return layout;
}

void parse_part(const char* begin, const char* end, const Layout& layout, const Mapping& mapping,
                Part& part) {
    part.present = layout.present;
    part.mapping = mapping;
    part.table.reserve(static_cast<std::size_t>(std::count(begin, end, '\n')) + 1);
    RowBuilder builder(part, mapping, false);
    std::vector<std::string> fields(layout.columns);
    std::vector<Value> values(candidates().names.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        values[k].kind = layout.candidate_column[k] >= 0 ? Value::Kind::text : Value::Kind::absent;
    }
    for (const char* line = begin; line < end && !part.unsupported;) {
        const char* stop =
            static_cast<const char*>(std::memchr(line, '\n', static_cast<std::size_t>(end - line)));
        stop = stop == nullptr ? end : stop;
        const char* next = stop + 1;
        if (stop > line && stop[-1] == '\r') {
            --stop;
        }
        std::size_t count = 0;
        if (std::memchr(line, '\r', static_cast<std::size_t>(stop - line)) != nullptr ||
            !split_fields(line, stop, layout.wanted, fields, count)) {
            part.unsupported = true;
            break;
        }
        if (count == 0) {
            line = next; // a blank line: no feature, no feature id
            continue;
        }
        if (count < layout.columns) {
            part.unsupported = true; // OGR leaves the missing fields unset
            break;
        }
        const std::string& xs = fields[layout.x];
        const std::string& ys = fields[layout.y];
        const bool has_point = !xs.empty() && !ys.empty();
        const auto x = has_point ? plain_number(xs) : std::nullopt;
        const auto y = has_point ? plain_number(ys) : std::nullopt;
        if (has_point && (!x || !y)) {
            part.unsupported = true; // OGR's own test of what is a number decides
            break;
        }
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (layout.candidate_column[k] >= 0) {
                values[k].text = fields[static_cast<std::size_t>(layout.candidate_column[k])];
            }
        }
        builder.add(has_point, has_point ? *x : 0, has_point ? *y : 0, values);
        line = next;
    }
}

bool has_type_file(const std::string& path) {
    const std::string stem = path.substr(0, path.size() - 4);
    std::error_code ec;
    return std::filesystem::exists(stem + ".csvt", ec) ||
           std::filesystem::exists(stem + ".CSVT", ec);
}

// The header and the rows of the file's text, parsed in `parts` pieces; nullopt where OGR
// must read the file.
struct Parsed {
    Mapping mapping;
    std::vector<Part> pieces;
};

std::optional<Parsed> parse_text(const std::string& text, unsigned parts) {
    const char* data = text.data();
    const char* end = data + text.size();
    const char* header_end = static_cast<const char*>(std::memchr(data, '\n', text.size()));
    if (header_end == nullptr || header_end == data) {
        return std::nullopt;
    }
    const auto layout = read_header(data, header_end[-1] == '\r' ? header_end - 1 : header_end);
    if (!layout) {
        return std::nullopt;
    }
    const Mapping mapping(layout->present);
    if (mapping.date < 0) {
        return std::nullopt; // OGR's path explains
    }
    const char* body = header_end + 1;
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned by_size = static_cast<unsigned>(static_cast<std::size_t>(end - body) >> 22) + 1;
    const unsigned n = parts > 0 ? parts : std::min(cores, by_size);
    const auto ranges = split_lines(body, end, std::min(n, 16U));
    std::vector<Part> pieces(ranges.size());
    {
        std::vector<std::thread> workers;
        for (std::size_t k = 1; k < ranges.size(); ++k) {
            workers.emplace_back([&, k] {
                parse_part(ranges[k].first, ranges[k].second, *layout, mapping, pieces[k]);
            });
        }
        if (!ranges.empty()) {
            parse_part(ranges[0].first, ranges[0].second, *layout, mapping, pieces[0]);
        }
        for (auto& w : workers) {
            w.join();
        }
    }
    if (std::any_of(pieces.begin(), pieces.end(), [](const Part& p) { return p.unsupported; })) {
        return std::nullopt;
    }
    return Parsed{mapping, std::move(pieces)};
}

} // namespace

bool direct_csv_candidate(const std::string& path) {
    return ends_with_any(path, {".csv"});
}

namespace {

// The header's column names as written; empty when the file cannot be read (OGR says why).
std::vector<std::string> csv_header_names(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return {};
    }
    std::string header;
    for (int c = std::fgetc(file); c != EOF && c != '\n' && header.size() < (1U << 20);
         c = std::fgetc(file)) {
        header.push_back(static_cast<char>(c));
    }
    std::fclose(file);
    if (!header.empty() && header.back() == '\r') {
        header.pop_back();
    }
    std::vector<std::string> names(std::count(header.begin(), header.end(), ',') + 1);
    std::size_t count = 0;
    split_fields(header.data(), header.data() + header.size(), std::vector<char>(names.size(), 1),
                 names, count);
    names.resize(count);
    return names;
}

// The first of `preference` the header holds, or all of them joined when it holds none.
std::string preferred_name(const std::vector<std::string>& low,
                           std::initializer_list<const char*> preference) {
    std::string all;
    for (const char* name : preference) {
        if (std::find(low.begin(), low.end(), name) != low.end()) {
            return name;
        }
        all += all.empty() ? name : std::string(",") + name;
    }
    return all;
}

} // namespace

std::optional<std::string> repeated_csv_column(const std::string& path) {
    const auto names = csv_header_names(path);
    std::vector<std::string> seen;
    for (const auto& written : names) {
        std::string name = ascii_lower(written);
        if (!name.empty() && std::find(seen.begin(), seen.end(), name) != seen.end()) {
            return written;
        }
        seen.push_back(std::move(name));
    }
    return std::nullopt;
}

CsvPointNames csv_point_names(const std::string& path) {
    std::vector<std::string> low;
    for (const auto& name : csv_header_names(path)) {
        low.push_back(ascii_lower(name));
    }
    return {preferred_name(low, {"longitude", "lon", "lng", "x"}),
            preferred_name(low, {"latitude", "lat", "y"})};
}

std::optional<EventTable> read_csv_directly(const std::string& path, unsigned parts) {
    if (!direct_csv_candidate(path) || has_type_file(path)) {
        return std::nullopt;
    }
    std::optional<Parsed> parsed;
    {
        const auto bytes = read_whole(path);
        if (!bytes) {
            return std::nullopt;
        }
        parsed = parse_text(*bytes, parts);
    } // the text is freed before the merge: ten million rows hold ~400 MB of it
    if (!parsed) {
        return std::nullopt;
    }
    auto table = merge(parsed->pieces, path, parsed->mapping, 1);
    if (table.size() == 0) {
        return std::nullopt; // OGR's path words why
    }
    return table;
}

} // namespace eventmap::mapdata
