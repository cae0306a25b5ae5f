// The filters panel: event types, quad classes, countries, actors, date source, planned,
// minimum confidence and a text search, each with the count of events it would pass (counted
// over the other filters; the confidence and text show "N of M": M passing every other filter).
// Changes apply at once; the session recomputes on change only.
#include "view/panel_text.hpp"
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace eventmap::view {

namespace {

const char* const quad_names[] = {"none", "verbal cooperation", "material cooperation",
                                  "verbal conflict", "material conflict"};

// Checkboxes for the values of one facet, most frequent first; returns true when changed.
bool facet(const char* label, const StringTable& names, const std::vector<std::uint32_t>& counts,
           std::set<std::string>& chosen, std::size_t limit = 40) {
    bool changed = false;
    if (!ImGui::TreeNode(label)) {
        return false;
    }
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < names.size(); ++i) {
        if (!names.text(i).empty() || (i < counts.size() && counts[i] > 0)) {
            order.push_back(i);
        }
    }
    std::sort(order.begin(), order.end(), [&](auto a, auto b) {
        const auto ca = a < counts.size() ? counts[a] : 0, cb = b < counts.size() ? counts[b] : 0;
        return ca != cb ? ca > cb : a < b;
    });
    if (!chosen.empty() && ImGui::SmallButton("all")) {
        chosen.clear();
        changed = true;
    }
    for (std::size_t k = 0; k < order.size() && k < limit; ++k) {
        const std::string& name = names.text(order[k]);
        bool on = chosen.count(name) > 0;
        const std::string text =
            widget_label((name.empty() ? std::string("(none)") : name) + " (" +
                             std::to_string(order[k] < counts.size() ? counts[order[k]] : 0) + ")",
                         label);
        if (ImGui::Checkbox(text.c_str(), &on)) {
            if (on) {
                chosen.insert(name);
            } else {
                chosen.erase(name);
            }
            changed = true;
        }
    }
    if (order.size() > limit) {
        ImGui::TextDisabled("... %zu more", order.size() - limit);
    }
    ImGui::TreePop();
    return changed;
}

} // namespace

void draw_filter_panel(UiState& ui) {
    const PanelLayout& l = ui.layout;
    if (!begin_docked_panel("Filters", &ui.show_filters, 0, l.menu + l.layers, l.left,
                            l.map_h - l.layers)) {
        return;
    }
    Session& s = *ui.session;
    const EventTable& t = s.table();
    const FacetCounts& counts = s.filtered().counts;
    FilterState f = s.filters();
    bool changed = false;
    // Each of the planned, confidence and text filters shows what passes it over the others.
    const std::size_t passing = s.filtered().rows.size();

    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputTextWithHint("##text", "search sentences and titles", &f.text);
    if (!f.text.empty()) {
        if (s.text_search_pending()) {
            ImGui::TextDisabled("searching...");
        } else {
            ImGui::TextDisabled("%zu of %u match", passing, counts.text_base);
        }
    }
    changed |= facet("Event types", t.types, counts.types, f.types);
    if (ImGui::TreeNode("Quad class")) {
        for (std::size_t q = 0; q < f.quads.size(); ++q) {
            bool on = f.quads[q];
            const std::string label =
                std::string(quad_names[q]) + " (" + std::to_string(counts.quads[q]) + ")";
            if (ImGui::Checkbox(label.c_str(), &on)) {
                f.quads[q] = on;
                changed = true;
            }
        }
        ImGui::TreePop();
    }
    if (s.stage() == LoadStage::columns) {
        ImGui::TextDisabled("countries, actors, date sources: loading...");
    } else {
        changed |= facet("Countries", t.countries, counts.countries, f.countries);
        changed |= facet("Date source", t.date_sources, counts.date_sources, f.date_sources);
        changed |= facet("Actors", t.actors, counts.actors, f.actors, 60);
    }
    // The widgets leave room for their labels, so the longest one is never cut at the edge.
    const float label_room =
        ImGui::CalcTextSize("min. confidence").x + ImGui::GetStyle().ItemInnerSpacing.x;
    int planned = static_cast<int>(f.planned);
    ImGui::SetNextItemWidth(-label_room);
    const auto n = [](std::uint32_t count) { return " (" + std::to_string(count) + ")"; };
    const std::string planned_items = "any" + n(counts.planned[0] + counts.planned[1]) + '\0' +
                                      "planned only" + n(counts.planned[1]) + '\0' + "not planned" +
                                      n(counts.planned[0]) + '\0';
    changed |= ImGui::Combo("planned", &planned, planned_items.c_str());
    f.planned = static_cast<PlannedFilter>(planned);
    ImGui::SetNextItemWidth(-label_room);
    changed |= ImGui::SliderFloat("min. confidence", &f.min_confidence, 0, 1, "%.2f");
    ImGui::TextDisabled("%zu of %u reach it", passing, counts.confidence_base);
    if (ImGui::Button("Clear all filters")) {
        f = {};
        changed = true;
    }
    if (changed) {
        s.set_filters(f);
    }
    ImGui::End();
}

} // namespace eventmap::view
