#include "render/palette.hpp"

#include <algorithm>
#include <numeric>

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

TypeSlots assign_type_slots(const mapdata::EventTable& table,
                            const std::vector<std::string>& only) {
    TypeSlots out;
    const auto counts = table.type_counts();
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    out.slot_of_type.assign(counts.size(), static_cast<std::uint8_t>(hidden_slot));
    bool other_used = false;
    for (const std::size_t type : order) {
        const auto& name = table.type_names[type];
        if (counts[type] == 0 ||
            (!only.empty() && std::find(only.begin(), only.end(), name) == only.end())) {
            continue;
        }
        if (out.slots.size() < tol_muted.size() && !other_used) {
            out.slot_of_type[type] = static_cast<std::uint8_t>(out.slots.size());
            out.slots.push_back({name, rgb_hex(tol_muted[out.slots.size()])});
        } else {
            other_used = true;
            out.slot_of_type[type] = static_cast<std::uint8_t>(tol_muted.size());
        }
    }
    if (other_used) {
        out.slots.push_back({"Other types", rgb_hex(other_grey)});
    }
    return out;
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
