#include "view/panel_text.hpp"

#include "render/bidi_text.hpp"

#include <algorithm>
#include <optional>

namespace eventmap::view {

namespace {

struct Word {
    std::size_t begin = 0, end = 0; // bytes of the text, the space after it excluded
    std::string shown;              // shaped, with the space that follows it
    float width = 0;
};

std::vector<Word> words_of(std::string_view text, render::Direction direction) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = text.find(' ', i);
        end = end == std::string_view::npos ? text.size() : end;
        Word w{i, end, render::shape_for_display(text.substr(i, end - i), direction) + " ", 0};
        w.width = ImGui::CalcTextSize(w.shown.c_str()).x;
        words.push_back(std::move(w));
        i = end + 1;
    }
    return words;
}

// Greedy breaks: [first, last) word ranges that fit `width` (a word wider than it stands alone).
std::vector<std::pair<std::size_t, std::size_t>> break_lines(const std::vector<Word>& words,
                                                             float width) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    float used = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (lines.empty() || (used > 0 && used + words[i].width > width)) {
            lines.emplace_back(i, i);
            used = 0;
        }
        lines.back().second = i + 1;
        used += words[i].width;
    }
    return lines;
}

std::optional<ImVec4> colour_of(const Word& w, const std::vector<Highlight>& highlights) {
    std::optional<ImVec4> colour;
    for (const auto& h : highlights) {
        if (w.begin >= h.begin && w.begin < h.end) {
            colour = h.colour;
        }
    }
    return colour;
}

void draw_line(std::string_view text, const std::vector<Word>& words, std::size_t first,
               std::size_t last, render::Direction direction, float width,
               const std::vector<Highlight>& highlights) {
    const bool align_right = direction == render::Direction::right_to_left;
    const std::size_t base = words[first].begin;
    std::vector<std::size_t> starts;
    float line_width = 0;
    for (std::size_t i = first; i < last; ++i) {
        starts.push_back(words[i].begin - base);
        line_width += words[i].width;
    }
    const auto order =
        render::visual_word_order(text.substr(base, words[last - 1].end - base), starts, direction);
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k == 0 && align_right) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0F, width - line_width));
        } else if (k > 0) {
            ImGui::SameLine(0, 0);
        }
        const Word& w = words[first + order[k]];
        if (const auto colour = colour_of(w, highlights)) {
            ImGui::TextColored(*colour, "%s", w.shown.c_str());
        } else {
            ImGui::TextUnformatted(w.shown.c_str());
        }
    }
}

} // namespace

void text_line(std::string_view utf8) {
    const std::string shown = render::shape_for_display(utf8);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
}

std::string widget_label(std::string_view text, std::string_view id) {
    std::string label = render::shape_for_display(text);
    label += "##";
    label += id;
    return label;
}

void wrapped_text(std::string_view text, const std::vector<Highlight>& highlights) {
    // Every word and line follows the whole paragraph's direction, as one reordering of the
    // whole would.
    const render::Direction direction = render::is_right_to_left(text)
                                            ? render::Direction::right_to_left
                                            : render::Direction::left_to_right;
    const std::vector<Word> words = words_of(text, direction);
    if (words.empty()) {
        return;
    }
    // A group: continuation lines start at the text's x, also after SameLine.
    ImGui::BeginGroup();
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto& [first, last] : break_lines(words, width)) {
        draw_line(text, words, first, last, direction, width, highlights);
    }
    ImGui::EndGroup();
}

} // namespace eventmap::view
