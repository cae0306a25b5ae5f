#include "render/palette.hpp"

#include <algorithm>

namespace eventmap::render {

Rgba rgb_hex(std::uint32_t hex, float alpha) {
    return {static_cast<float>((hex >> 16) & 0xFF) / 255.0F,
            static_cast<float>((hex >> 8) & 0xFF) / 255.0F, static_cast<float>(hex & 0xFF) / 255.0F,
            alpha};
}

namespace {

// Paul Tol, "Colour schemes" (SRON/EPS/TN/09-002), muted qualitative scheme.
constexpr std::array<std::uint32_t, 9> tol_muted = {
    0xCC6677, 0x332288, 0xDDCC77, 0x117733, 0x88CCEE, 0x882255, 0x44AA99, 0x999933, 0xAA4499};
constexpr std::uint32_t other_grey = 0x9E9E9E;

} // namespace

// The colours follow the whole table, not the filter: a type keeps its colour whichever types
// are ticked, so two pictures of the same data can be compared. Only the types that share
// "Other types" may take a colour the filter left unused, most frequent first; they would
// otherwise be grey, and a colour no kept type shows cannot be confused with anything.
TypeSlots assign_type_slots(const mapdata::EventTable& table,
                            const std::vector<std::string>& only) {
    const auto counts = table.type_counts();
    std::vector<std::size_t> order; // present types, most frequent first
    for (std::size_t type = 0; type < counts.size(); ++type) {
        if (counts[type] > 0) {
            order.push_back(type);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    const auto kept = [&](std::size_t type) {
        return only.empty() ||
               std::find(only.begin(), only.end(), table.type_names[type]) != only.end();
    };
    const std::size_t colours = tol_muted.size();
    TypeSlots out;
    out.slot_of_type.assign(counts.size(), static_cast<std::uint8_t>(hidden_slot));
    out.slots.resize(colours + 1);
    for (std::size_t s = 0; s < colours; ++s) {
        out.slots[s].color = rgb_hex(tol_muted[s]);
    }
    out.slots[colours].color = rgb_hex(other_grey);
    std::vector<bool> taken(colours, false);
    std::vector<std::size_t> beyond; // kept types past the palette, most frequent first
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const std::size_t type = order[rank];
        if (!kept(type)) {
            continue;
        }
        if (rank < colours) {
            out.slot_of_type[type] = static_cast<std::uint8_t>(rank);
            out.slots[rank].name = table.type_names[type];
            taken[rank] = true;
        } else {
            beyond.push_back(type);
        }
    }
    std::size_t free = 0;
    for (const std::size_t type : beyond) {
        while (free < colours && taken[free]) {
            ++free;
        }
        const std::size_t slot = free < colours ? free : colours;
        out.slot_of_type[type] = static_cast<std::uint8_t>(slot);
        if (slot < colours) {
            out.slots[slot].name = table.type_names[type];
            taken[slot] = true;
        } else {
            out.slots[slot].name = "Other types";
        }
    }
    return out;
}

Rgba lighter_for_coarse_date(Rgba color) {
    const auto mix = [](float c) { return c + (1.0F - c) * coarse_date_white; };
    return {mix(color.r), mix(color.g), mix(color.b), color.a};
}

Rgba quad_color(mapdata::QuadClass quad) {
    // Okabe & Ito (2008), "Color Universal Design".
    switch (quad) {
    case mapdata::QuadClass::verbal_cooperation:
        return rgb_hex(0x56B4E9);
    case mapdata::QuadClass::material_cooperation:
        return rgb_hex(0x009E73);
    case mapdata::QuadClass::verbal_conflict:
        return rgb_hex(0xE69F00);
    case mapdata::QuadClass::material_conflict:
        return rgb_hex(0xD55E00);
    case mapdata::QuadClass::none:
        break;
    }
    return rgb_hex(0x999999);
}

} // namespace eventmap::render
