// Text in the panels. Dear ImGui draws one glyph per code point, left to right, with no
// shaping, so names, titles and sentences go through the renderer's bidi_text first: Arabic
// letters joined (presentation forms), right-to-left runs in visual order, Latin runs kept
// left to right. The ImGui font has the Arabic and Hebrew blocks (viewer.cpp, load_fonts).
#pragma once

#include <cstddef>
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::view {

// One line of text as it should read (a place name, a layer name).
void text_line(std::string_view utf8);

// A widget label: the visible text shaped, then ImGui's "##id" suffix, which must stay at the
// end where ImGui looks for it (reordering would move it to the left of Arabic text).
std::string widget_label(std::string_view text, std::string_view id);

struct Highlight {
    std::size_t begin = 0, end = 0; // bytes of the text
    ImVec4 colour;
};

// Text wrapped word by word at the panel's edge, words starting inside a highlight coloured.
// Lines are broken in logical order and each is then drawn in visual order; a right-to-left
// paragraph is aligned right. Continuation lines start where the text started.
void wrapped_text(std::string_view text, const std::vector<Highlight>& highlights);

} // namespace eventmap::view
