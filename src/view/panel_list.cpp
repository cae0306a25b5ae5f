// The event list: the filtered events inside the time window, sortable by column, drawn
// through ImGuiListClipper so only the visible rows cost anything. A click selects the event
// and flies the map to it.
#include "view/panel_text.hpp"
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <imgui.h>

namespace eventmap::view {

void draw_list_panel(UiState& ui) {
    const PanelLayout& l = ui.layout;
    // Docked right, above the details (alone: the whole column).
    const float h = ui.show_details ? l.map_h * 0.45f : l.map_h;
    if (!begin_docked_panel("Events", &ui.show_list, l.map_x + l.map_w, l.menu, l.right, h)) {
        return;
    }
    Session& s = *ui.session;
    const EventTable& t = s.table();
    EventList& list = s.list();
    // Several sources: a column names each row's layer, and the table scrolls sideways (the
    // date column stays) rather than cutting every column to fit the panel.
    const bool layered = s.layer_count() > 1;
    const auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                       ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                       (layered ? ImGuiTableFlags_ScrollX : 0);
    // The type column fits the longest type name: the table's ImGui id carries that width, so
    // a wider name arriving with more data makes a new table rather than keeping a cut column.
    const float arrow = ImGui::GetFontSize();
    const auto fixed = [&](const char* widest) { return ImGui::CalcTextSize(widest).x + arrow; };
    float type_width = fixed("type");
    for (std::uint32_t i = 0; i < t.types.size(); ++i) {
        type_width = std::max(type_width, fixed(t.types.text(i).c_str()));
    }
    ImGui::PushID(static_cast<int>(type_width));
    if (ImGui::BeginTable(layered ? "events by layer" : "events", layered ? 6 : 5, flags)) {
        ImGui::TableSetupScrollFreeze(layered ? 1 : 0, 1);
        // Dates, types, country codes and confidences have a known width: fixed columns wide
        // enough for them (and the sort arrow), so a narrow panel cuts place names only.
        const auto fixed_flag = ImGuiTableColumnFlags_WidthFixed;
        ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_DefaultSort | fixed_flag,
                                fixed("0000-00-00"), static_cast<ImGuiID>(SortKey::date));
        ImGui::TableSetupColumn("type", fixed_flag, type_width,
                                static_cast<ImGuiID>(SortKey::type));
        // Alone it takes what the others leave; scrolling sideways, room for a long name.
        ImGui::TableSetupColumn("place", layered ? fixed_flag : ImGuiTableColumnFlags_WidthStretch,
                                layered ? fixed("Wadi al-Nahr al-Kabir") : 1.0F,
                                static_cast<ImGuiID>(SortKey::place));
        ImGui::TableSetupColumn("cc", fixed_flag, fixed("WW"),
                                static_cast<ImGuiID>(SortKey::country));
        ImGui::TableSetupColumn("conf", fixed_flag, fixed("0.00"),
                                static_cast<ImGuiID>(SortKey::confidence));
        if (layered) {
            // Its longest name.
            float layer_width = fixed("layer");
            for (const LayerInfo& layer : s.layers()) {
                layer_width = std::max(layer_width, fixed(layer.name.c_str()));
            }
            ImGui::TableSetupColumn("layer", ImGuiTableColumnFlags_NoSort | fixed_flag,
                                    layer_width);
        }
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
            if (sort->SpecsCount > 0) {
                list.sort(static_cast<SortKey>(sort->Specs[0].ColumnUserID),
                          sort->Specs[0].SortDirection == ImGuiSortDirection_Descending);
            }
            sort->SpecsDirty = false;
        }
        const std::vector<Row>& rows = list.rows_in(s.time.window());
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Row r = rows[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const bool selected = s.selected && *s.selected == r;
                const std::string label = t.date_text(r) + "##" + std::to_string(r);
                if (ImGui::Selectable(label.c_str(), selected,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    s.selected = r;
                    if (t.located(r)) {
                        ui.fly_to = LatLon{t.lat[r], t.lon[r]};
                        ui.fly_zoom = 7;
                    }
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(t.types.text(t.type[r]).c_str());
                ImGui::TableNextColumn();
                text_line(t.place[r]);
                if (t.corrected[r] != 0) {
                    ImGui::SameLine();
                    ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "(corrected)");
                }
                ImGui::TableNextColumn();
                text_line(t.countries.text(t.country[r]));
                ImGui::TableNextColumn();
                ImGui::Text("%.2f", static_cast<double>(t.confidence[r]));
                if (layered) {
                    ImGui::TableNextColumn();
                    text_line(s.layer_name_of(r));
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
    ImGui::End();
}

} // namespace eventmap::view
