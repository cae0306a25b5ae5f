// Right-to-left text for glyph-by-glyph drawing. Both text drawers (the renderer's FontAtlas
// and the viewer's Dear ImGui) place glyphs left to right, one code point each, with no
// shaping engine. Arabic and Hebrew need two things first, which ICU provides:
//   - Arabic contextual shaping (u_shapeArabic): each letter becomes its isolated, initial,
//     medial or final presentation form (U+FE70-FEFF, U+FB50-FDFF), lam + alef one ligature;
//   - bidi reordering (ubidi, the Unicode Bidirectional Algorithm): logical order becomes
//     visual order, right-to-left runs reversed, Latin runs and numbers kept left to right.
// Not covered: full OpenType shaping (Indic, Thai, Myanmar... reordering and conjuncts), mark
// positioning beyond the font's own offsets, kerning.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::render {

// True when the text holds a code point that shaping or reordering could change (a
// right-to-left letter or an explicit direction mark). Cheap: one pass, no allocation, so
// Latin text skips ICU.
bool needs_bidi(std::string_view utf8) noexcept;

// A paragraph's base direction: its first strong letter's (the Unicode default), or given,
// for a piece of a longer paragraph (a word, a wrapped line) that must follow the whole.
enum class Direction { automatic, left_to_right, right_to_left };

// The text as glyphs to draw left to right: Arabic shaped, every line in visual order (lines
// split at '\n', each its own paragraph in `direction`). Text that needs nothing comes back
// unchanged; invalid UTF-8 bytes become U+FFFD.
std::string shape_for_display(std::string_view utf8, Direction direction = Direction::automatic);

// True when the paragraph's base direction is right to left (its first strong letter is
// Arabic or Hebrew...): such text is aligned right when wrapped.
bool is_right_to_left(std::string_view utf8);

// Wrapped text is broken into lines in logical order and each line is then reordered, word by
// word (each word shaped in the paragraph's direction). For one line of words, `word_starts`
// the byte offset where each word begins (increasing), returns the word indices in the order
// to draw them left to right.
std::vector<std::size_t> visual_word_order(std::string_view line,
                                           const std::vector<std::size_t>& word_starts,
                                           Direction direction = Direction::automatic);

} // namespace eventmap::render
