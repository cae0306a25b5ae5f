// The Layers panel, at the top of the left column: one row per source, the topmost drawn layer
// first (as GIS programs list them), with a box to show or hide it, its name and event count
// (or its loading state), and buttons that move it up or down the drawing order. Below, the
// switch that colours markers by layer.
#include "view/viewer_ui.hpp"

#include <imgui.h>

namespace eventmap::view {

namespace {

std::string layer_status(const LayerInfo& layer) {
    switch (layer.stage) {
    case LoadStage::map:
        return "loading...";
    case LoadStage::failed:
        // A reload that failed leaves the rows read before on the map.
        return layer.rows > 0
                   ? std::to_string(layer.rows) + " events (reload failed: see the status bar)"
                   : "failed (see the status bar)";
    case LoadStage::idle:
        return "";
    case LoadStage::columns:
    case LoadStage::done:
        break;
    }
    return std::to_string(layer.rows) + (layer.rows == 1 ? " event" : " events");
}

// One layer's row; returns the move asked for (+1 up the list = drawn later, -1 down).
int layer_row(Session& s, const LayerInfo& layer, std::size_t index, std::size_t count) {
    ImGui::PushID(static_cast<int>(index));
    bool visible = layer.visible;
    if (ImGui::Checkbox("##visible", &visible)) {
        s.set_layer_visible(index, visible);
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("show / hide %s", layer.source.c_str());
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(layer.name.c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", layer.source.c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", layer_status(layer).c_str());
    int move = 0;
    if (count > 1) {
        ImGui::SameLine();
        const float buttons = ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetCursorPosX(
            std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
        if (ImGui::ArrowButton("##up", ImGuiDir_Up) && index + 1 < count) {
            move = 1;
        }
        ImGui::SameLine();
        if (ImGui::ArrowButton("##down", ImGuiDir_Down) && index > 0) {
            move = -1;
        }
    }
    ImGui::PopID();
    return move;
}

} // namespace

void draw_layers_panel(UiState& ui) {
    const PanelLayout& l = ui.layout;
    if (!begin_docked_panel("Layers", &ui.show_layers, 0, l.menu, l.left, l.layers)) {
        return;
    }
    Session& s = *ui.session;
    const auto layers = s.layers();
    // Listed top (drawn last) to bottom (drawn first).
    std::optional<std::pair<std::size_t, std::size_t>> move;
    for (std::size_t k = layers.size(); k-- > 0;) {
        const int step = layer_row(s, layers[k], k, layers.size());
        if (step != 0) {
            move = std::make_pair(k, step > 0 ? k + 1 : k - 1);
        }
    }
    if (move) {
        s.move_layer(move->first, move->second);
    }
    if (layers.size() > 1) {
        ImGui::Checkbox("colour markers by layer", &ui.color_by_layer);
    }
    ImGui::End();
}

} // namespace eventmap::view
