// Colours of the map, chosen to be told apart by people with any common colour-vision
// deficiency:
//   event types  Paul Tol's "muted" scheme (9 colours), given to the types by number of events
//                (most frequent first); further types share "other types" (grey)
//   quad classes Okabe & Ito's palette: verbal cooperation sky blue, material cooperation
//                bluish green, verbal conflict orange, material conflict vermilion, none grey
// The legend draws the same slots, so a colour always means one thing on one map.
#pragma once

#include "mapdata/event_table.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::render {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};
Rgba rgb_hex(std::uint32_t hex, float alpha = 1);

inline constexpr std::size_t slot_count = 16; // what the marker shader holds
inline constexpr std::size_t hidden_slot = 15;

struct TypeSlot {
    std::string name; // event type, or "Other types"
    Rgba color;
};

// The slot of every type in a table: the first 9 types by count get their own colour, the rest
// share slot 9; types excluded by `only` (when not empty) go to hidden_slot.
struct TypeSlots {
    std::vector<std::uint8_t> slot_of_type; // by EventTable type index
    std::vector<TypeSlot> slots;            // visible slots, in legend order
};
TypeSlots assign_type_slots(const mapdata::EventTable& table,
                            const std::vector<std::string>& only = {});

Rgba quad_color(mapdata::QuadClass quad);

namespace colors {
inline const Rgba water = rgb_hex(0xd6e6ef);
inline const Rgba land = rgb_hex(0xf4f1ea);
inline const Rgba border = rgb_hex(0xa7a39a);
inline const Rgba coast = rgb_hex(0x7d8f9c);
inline const Rgba text = rgb_hex(0x222222);
inline const Rgba muted_text = rgb_hex(0x5a5a5a);
inline const Rgba halo = rgb_hex(0xffffff, 0.85F);
inline const Rgba panel = rgb_hex(0xffffff, 0.88F);
inline const Rgba panel_edge = rgb_hex(0x9a9a9a);
inline const Rgba graticule = rgb_hex(0x6f8797, 0.45F); // faint blue-grey on land and water
} // namespace colors

} // namespace eventmap::render
