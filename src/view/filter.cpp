#include "view/filter.hpp"

#include <algorithm>
#include <cctype>

namespace eventmap::view {

bool FilterState::operator==(const FilterState& o) const {
    return types == o.types && quads == o.quads && countries == o.countries && actors == o.actors &&
           date_sources == o.date_sources && planned == o.planned &&
           min_confidence == o.min_confidence && text == o.text;
}

const char* to_string(PlannedFilter planned) {
    switch (planned) {
    case PlannedFilter::planned:
        return "planned";
    case PlannedFilter::not_planned:
        return "not_planned";
    case PlannedFilter::any:
        break;
    }
    return "any";
}

std::optional<PlannedFilter> planned_filter_from(const std::string& text) {
    for (auto p : {PlannedFilter::any, PlannedFilter::planned, PlannedFilter::not_planned}) {
        if (text == to_string(p)) {
            return p;
        }
    }
    return std::nullopt;
}

namespace {

// A facet chosen by names, resolved to a per-index table of allowed flags. Names absent from
// the table allow nothing (a filter on a country the data lacks passes no row).
struct Facet {
    bool all = true;
    std::vector<std::uint8_t> allowed;
    Facet(const std::set<std::string>& names, const StringTable& table) {
        if (names.empty()) {
            return;
        }
        all = false;
        allowed.assign(table.size(), 0);
        for (const auto& name : names) {
            const auto index = table.find(name);
            if (index >= 0) {
                allowed[static_cast<std::size_t>(index)] = 1;
            }
        }
    }
    bool passes(std::uint32_t index) const {
        return all || (index < allowed.size() && allowed[index] != 0);
    }
};

constexpr unsigned type_bit = 1, quad_bit = 2, country_bit = 4, source_bit = 8, actor_bit = 16,
                   confidence_bit = 32, planned_bit = 64, text_bit = 128;

bool text_passes(const EventTable& t, Row r, const std::string& needle,
                 const std::vector<std::uint8_t>* text_matches) {
    if (needle.empty()) {
        return true;
    }
    if (text_matches != nullptr) {
        return r < text_matches->size() && (*text_matches)[r] != 0;
    }
    return r >= t.search_text.size() || t.search_text[r].find(needle) != std::string::npos;
}

bool any_actor_passes(const EventTable& t, Row r, const Facet& actors) {
    if (actors.all) {
        return true;
    }
    for (auto k = t.actor_offset[r]; k < t.actor_offset[r + 1]; ++k) {
        if (actors.passes(t.actor_ids[k])) {
            return true;
        }
    }
    return false;
}

// One count per actor named by the row (an actor that is also its recipient counts once).
void count_actors(const EventTable& t, Row r, std::vector<std::uint32_t>& counts) {
    const auto begin = t.actor_offset[r], end = t.actor_offset[r + 1];
    for (auto k = begin; k < end; ++k) {
        const auto id = t.actor_ids[k];
        bool seen = false;
        for (auto j = begin; j < k && !seen; ++j) {
            seen = t.actor_ids[j] == id;
        }
        if (!seen && id < counts.size()) {
            ++counts[id];
        }
    }
}

} // namespace

FilterResult apply_filter(const EventTable& t, const FilterState& state,
                          const std::vector<std::uint8_t>* text_matches) {
    const Facet types(state.types, t.types);
    const Facet countries(state.countries, t.countries);
    const Facet sources(state.date_sources, t.date_sources);
    const Facet actors(state.actors, t.actors);
    std::string needle(state.text);
    for (char& c : needle) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }

    FilterResult result;
    result.mask.assign(t.size(), 0);
    auto& counts = result.counts;
    counts.types.assign(t.types.size(), 0);
    counts.countries.assign(t.countries.size(), 0);
    counts.date_sources.assign(t.date_sources.size(), 0);
    counts.actors.assign(t.actors.size(), 0);
    const unsigned all_facets = type_bit | quad_bit | country_bit | source_bit | actor_bit |
                                confidence_bit | planned_bit | text_bit;

    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto r = static_cast<Row>(i);
        unsigned passed = 0;
        passed |= t.confidence[r] >= state.min_confidence ? confidence_bit : 0;
        passed |= state.planned == PlannedFilter::any ||
                          (t.planned[r] != 0) == (state.planned == PlannedFilter::planned)
                      ? planned_bit
                      : 0;
        passed |= text_passes(t, r, needle, text_matches) ? text_bit : 0;
        const unsigned failed = ~passed & (confidence_bit | planned_bit | text_bit);
        if ((failed & (failed - 1)) != 0) {
            continue; // fails two of them: no count can include it
        }
        passed |= types.passes(t.type[r]) ? type_bit : 0;
        passed |= state.quads[t.quad[r]] ? quad_bit : 0;
        passed |= countries.passes(t.country[r]) ? country_bit : 0;
        passed |= sources.passes(t.date_source[r]) ? source_bit : 0;
        passed |= any_actor_passes(t, r, actors) ? actor_bit : 0;
        if ((passed | planned_bit) == all_facets) {
            ++counts.planned[t.planned[r] != 0 ? 1 : 0];
        }
        if ((passed | confidence_bit) == all_facets) {
            ++counts.confidence_base;
        }
        if ((passed | text_bit) == all_facets) {
            ++counts.text_base;
        }
        // A facet's count includes rows that pass all the other facets.
        if ((passed | type_bit) == all_facets) {
            ++counts.types[t.type[r]];
        }
        if ((passed | quad_bit) == all_facets) {
            ++counts.quads[t.quad[r]];
        }
        if ((passed | country_bit) == all_facets) {
            ++counts.countries[t.country[r]];
        }
        if ((passed | source_bit) == all_facets) {
            ++counts.date_sources[t.date_source[r]];
        }
        if ((passed | actor_bit) == all_facets) {
            count_actors(t, r, counts.actors);
        }
        if (passed == all_facets) {
            result.mask[r] = 1;
            result.rows.push_back(r);
        }
    }
    return result;
}

} // namespace eventmap::view
