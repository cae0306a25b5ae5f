#include "mapdata/row_rules.hpp"

#include "common/ascii.hpp"

#include <cstring>
#include <fstream>

namespace eventmap::mapdata::detail {

bool ends_with_any(const std::string& path, std::initializer_list<const char*> suffixes) {
    const std::string low = ascii_lower(path);
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const char* suffix) {
        const std::size_t n = std::strlen(suffix);
        return low.size() > n && low.compare(low.size() - n, n, suffix) == 0;
    });
}

std::optional<std::string> read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(in.tellg());
    if (size <= 0) {
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) {
        return std::nullopt;
    }
    return bytes;
}

std::vector<std::pair<const char*, const char*>> split_lines(const char* begin, const char* end,
                                                             unsigned n) {
    std::vector<std::pair<const char*, const char*>> ranges;
    const char* const first = begin;
    const auto size = static_cast<std::size_t>(end - begin);
    for (unsigned k = 1; k <= n && begin < end; ++k) {
        const char* stop = k == n ? end : first + size * k / n;
        stop = std::max(stop, begin);
        const char* newline =
            static_cast<const char*>(std::memchr(stop, '\n', static_cast<std::size_t>(end - stop)));
        stop = newline == nullptr ? end : newline + 1;
        ranges.emplace_back(begin, stop);
        begin = stop;
    }
    return ranges;
}

EventTable merge(std::vector<Part>& parts, const std::string& path, const Mapping& mapping,
                 std::int64_t first_fid) {
    EventTable out;
    std::size_t rows = 0;
    for (const auto& p : parts) {
        rows += p.table.size();
    }
    out.reserve(rows);
    std::unordered_map<std::string, std::uint16_t> type_ids;
    std::vector<std::uint64_t> hashes;
    std::int64_t fid_offset = first_fid;
    for (auto& p : parts) {
        std::vector<std::uint16_t> remap(p.table.type_names.size());
        for (std::size_t t = 0; t < remap.size(); ++t) {
            const auto [it, added] = type_ids.emplace(
                p.table.type_names[t], static_cast<std::uint16_t>(out.type_names.size()));
            if (added) {
                out.type_names.push_back(p.table.type_names[t]);
            }
            remap[t] = it->second;
        }
        const std::size_t first = out.size();
        append_rows(out, p.table, remap);
        for (std::size_t i = first; i < out.size(); ++i) {
            out.fid[i] += fid_offset; // a part numbers its rows from 0
        }
        hashes.insert(hashes.end(), p.article_hashes.begin(), p.article_hashes.end());
        fid_offset += static_cast<std::int64_t>(p.rows);
        p = Part{}; // free each part once merged
    }
    out.source = path;
    const auto slash = path.find_last_of('/');
    const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    // OGR names the layer of a GeoJSON file after the file, without its extension.
    out.layer = file.substr(0, file.find_last_of('.'));
    out.data_source = mapping.sources >= 0 ? "eventmap events" : file;
    out.article_count = distinct(hashes);
    out.shrink_to_fit();
    return out;
}

} // namespace eventmap::mapdata::detail
