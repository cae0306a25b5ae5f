// Colours of the map, chosen to be told apart by people with any common colour-vision
// deficiency:
//   event types  Paul Tol's "muted" scheme (9 colours), given to the types by number of events
//                in the whole table (most frequent first), so a filter never recolours a
//                type; further types share "other types" (grey)
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

// The slot of every type in a table. Slots follow the whole table's counts, whatever `only`
// keeps: the 9 most frequent types get slots 0-8 (Paul Tol's colours in order), the rest share
// slot 9, "Other types". With `only` (when not empty) the types it leaves out go to
// hidden_slot, and kept types of slot 9 take the colours of left-out types (most frequent
// first, lowest free slot first); a type with its own colour keeps it under any filter.
struct TypeSlots {
    std::vector<std::uint8_t> slot_of_type; // by EventTable type index
    // By slot number (slots 0-9; the legend lists them in this order); `name` is the type
    // drawn in that slot, empty for a slot no kept type uses.
    std::vector<TypeSlot> slots;
};
TypeSlots assign_type_slots(const mapdata::EventTable& table,
                            const std::vector<std::string>& only = {});

Rgba quad_color(mapdata::QuadClass quad);

// Events dated only to a month or a year cover their whole period: drawn with the colour mixed
// this far toward white (still opaque: render/marker_occlusion relies on opaque interiors).
// The marker shaders get the share as u_coarse_white; the legend's symbol uses the function.
inline constexpr float coarse_date_white = 0.5F;
Rgba lighter_for_coarse_date(Rgba color);
inline bool coarse_date(mapdata::DatePrecision p) {
    return p == mapdata::DatePrecision::month || p == mapdata::DatePrecision::year;
}

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
