// Where the panels sit: docked around the map, never over it. The renderer lays out its own
// overlays (legend and caption bottom-left, scale bar and attribution bottom-right, north
// arrow top-right) at the edges of the image it is given; the map gets the rectangle the
// panels leave free, so those overlays stay visible whatever panels are open. Hiding a panel
// (Panels menu) gives its room back to the map.
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <imgui.h>

namespace eventmap::view {

bool begin_docked_panel(const char* title, bool* open, float x, float y, float w, float h) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
    if (!ImGui::Begin(title, open,
                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                          ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return false;
    }
    return true;
}

PanelLayout panel_layout(const UiState& ui, float width, float height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImFont* font =
        ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    const float line = (font != nullptr ? font->FontSize : 13.0f) + 2 * style.FramePadding.y;
    PanelLayout l;
    l.menu = line;
    l.status = line + 4 * ui.ui_scale;
    l.time = ui.show_time ? 150 * ui.ui_scale : 0;
    l.left = ui.show_filters || ui.show_layers ? 270 * ui.ui_scale : 0;
    l.right = ui.show_list || ui.show_details ? 400 * ui.ui_scale : 0;
    // Side columns never take more than half the width: the map keeps the rest.
    const float sides = l.left + l.right;
    if (sides > width * 0.5f && sides > 0) {
        const float k = width * 0.5f / sides;
        l.left *= k;
        l.right *= k;
    }
    l.map_x = l.left;
    l.map_y = l.menu;
    l.map_w = std::max(16.0f, width - l.left - l.right);
    l.map_h = std::max(16.0f, height - l.menu - l.status - l.time);
    // The Layers panel: a title, a row per layer and the colour switch; the filters below it
    // (or the whole column when the filters are hidden).
    if (ui.show_layers) {
        const std::size_t rows = ui.session != nullptr ? ui.session->layer_count() : 1;
        const float wanted = line * (static_cast<float>(rows) + 3.2f) + 2 * style.WindowPadding.y;
        l.layers = ui.show_filters ? std::min(wanted, l.map_h * 0.5f) : l.map_h;
    }
    return l;
}

} // namespace eventmap::view
