#include "view/layer_merge.hpp"

#include <algorithm>
#include <filesystem>

namespace eventmap::view {

namespace {

template <class T> void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

std::string join_unique(const std::vector<std::string>& items) {
    std::string out;
    std::vector<std::string> seen;
    for (const auto& item : items) {
        if (item.empty() || std::find(seen.begin(), seen.end(), item) != seen.end()) {
            continue;
        }
        seen.push_back(item);
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

// Index `from` of one part's string table -> index in the merged one, narrowed to the
// column's width.
template <class Int> std::vector<Int> reintern(const StringTable& from, StringTable& into) {
    std::vector<Int> map(from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        map[i] = static_cast<Int>(into.intern(from.text(static_cast<std::uint32_t>(i))));
    }
    return map;
}

template <class Int>
void append_mapped(std::vector<Int>& to, const std::vector<Int>& from,
                   const std::vector<Int>& map) {
    to.reserve(to.size() + from.size());
    for (const Int v : from) {
        to.push_back(v < map.size() ? map[v] : Int{0});
    }
}

} // namespace

mapdata::EventTable concat_maps(const std::vector<const mapdata::EventTable*>& parts) {
    mapdata::EventTable out;
    std::size_t rows = 0;
    std::vector<std::string> sources, data_sources;
    for (const auto* p : parts) {
        rows += p->size();
        sources.push_back(p->source);
        data_sources.push_back(p->data_source);
    }
    out.reserve(rows);
    out.source = join_unique(sources);
    out.data_source = join_unique(data_sources);
    out.layer = parts.empty() ? std::string() : parts.front()->layer;
    for (const auto* p : parts) {
        std::vector<std::uint16_t> type_of(p->type_names.size());
        for (std::size_t i = 0; i < p->type_names.size(); ++i) {
            const auto at =
                std::find(out.type_names.begin(), out.type_names.end(), p->type_names[i]);
            type_of[i] = static_cast<std::uint16_t>(at - out.type_names.begin());
            if (at == out.type_names.end()) {
                out.type_names.push_back(p->type_names[i]);
            }
        }
        mapdata::append_rows(out, *p, type_of);
        out.article_count += p->article_count;
    }
    return out;
}

EventTable concat_tables(const std::vector<const EventTable*>& parts) {
    EventTable out;
    const bool text = std::all_of(parts.begin(), parts.end(), [](const EventTable* p) {
        return p->search_text.size() == p->size() && p->size() > 0;
    });
    for (const auto* p : parts) {
        const auto types = reintern<std::uint16_t>(p->types, out.types);
        const auto countries = reintern<std::uint16_t>(p->countries, out.countries);
        const auto date_sources = reintern<std::uint8_t>(p->date_sources, out.date_sources);
        const auto actors = reintern<std::uint32_t>(p->actors, out.actors);
        append(out.fid, p->fid);
        append(out.id, p->id);
        append(out.lat, p->lat);
        append(out.lon, p->lon);
        append(out.day_start, p->day_start);
        append(out.day_end, p->day_end);
        append(out.precision, p->precision);
        append_mapped(out.type, p->type, types);
        append(out.quad, p->quad);
        append_mapped(out.country, p->country, countries);
        append_mapped(out.date_source, p->date_source, date_sources);
        append(out.planned, p->planned);
        append(out.confidence, p->confidence);
        append(out.corrected, p->corrected);
        const std::uint32_t base = out.actor_offset.back();
        for (std::size_t r = 1; r < p->actor_offset.size(); ++r) {
            out.actor_offset.push_back(base + p->actor_offset[r]);
        }
        append_mapped(out.actor_ids, p->actor_ids, actors);
        append(out.place, p->place);
        if (text) {
            append(out.search_text, p->search_text);
        }
    }
    return out;
}

mapdata::EventTable layer_typed(const mapdata::EventTable& map,
                                const std::vector<LayerInfo>& layers) {
    mapdata::EventTable out = map;
    out.type_names.clear();
    std::fill(out.type.begin(), out.type.end(), std::uint16_t{0});
    for (std::size_t i = 0; i < layers.size(); ++i) {
        out.type_names.push_back(layers[i].name);
        const std::size_t first = std::min<std::size_t>(layers[i].first_row, out.type.size());
        const std::size_t end = std::min(out.type.size(), first + layers[i].rows);
        std::fill(out.type.begin() + static_cast<std::ptrdiff_t>(first),
                  out.type.begin() + static_cast<std::ptrdiff_t>(end),
                  static_cast<std::uint16_t>(i));
    }
    return out;
}

std::string layer_name(const std::string& source, const std::vector<std::string>& taken) {
    std::string base = source.rfind("PG:", 0) == 0 ? std::string("PostGIS")
                                                   : std::filesystem::path(source).stem().string();
    if (base.empty()) {
        base = source;
    }
    std::string name = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
        name = base + " (" + std::to_string(n) + ")";
    }
    return name;
}

} // namespace eventmap::view
