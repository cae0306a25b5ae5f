// The details of the selected event: the sentence with the place and the trigger highlighted,
// the article's title, URL and publication date, how the date was derived, confidence,
// actors; and the correction tools (move by clicking the map, undo). Attributes come from the
// source by feature id (mapdata::load_details), read once per selection.
#include "common/error.hpp"
#include "mapdata/map_source.hpp"
#include "render/bidi_text.hpp"
#include "view/panel_text.hpp"
#include "view/viewer_ui.hpp"

#include <imgui.h>
#include <map>

namespace eventmap::view {

namespace {

struct Details {
    std::optional<Row> row;
    std::uint64_t data = ~0ULL;
    std::map<std::string, std::string> fields;
    std::string error;
    std::optional<std::vector<PlaceChoice>> candidates; // looked up on request
};

// The other places the name could mean; choosing one moves the event there.
void candidate_list(UiState& ui, Details& d, Row r) {
    Session& s = *ui.session;
    if (!d.candidates) {
        if (ImGui::Button("Other candidate places")) {
            try {
                d.candidates = s.candidates(r);
            } catch (const Error& e) {
                ui.report_error(e.located());
                d.candidates = std::vector<PlaceChoice>{};
            }
        }
        return;
    }
    if (d.candidates->empty()) {
        ImGui::TextDisabled("no other candidate places");
        return;
    }
    ImGui::TextDisabled("Move the event to:");
    for (std::size_t i = 0; i < d.candidates->size(); ++i) {
        const PlaceChoice& place = (*d.candidates)[i];
        const std::string label = widget_label(describe(place), "candidate" + std::to_string(i));
        if (ImGui::Selectable(label.c_str())) {
            try {
                s.correct(r, place);
                ui.report("moved to " + place.name + " (Ctrl+Z undoes)");
                d.candidates.reset();
            } catch (const Error& e) {
                ui.report_error(e.located());
            }
            break;
        }
    }
}

std::string field(const Details& d, const char* name) {
    const auto it = d.fields.find(name);
    return it == d.fields.end() ? std::string() : it->second;
}

// The sentence word by word, wrapping at the panel's edge; words inside a highlighted span
// (the place name, the trigger) are coloured.
void highlighted_sentence(const std::string& text,
                          const std::vector<std::pair<std::string, ImVec4>>& marks) {
    std::vector<Highlight> spans;
    for (const auto& [needle, colour] : marks) {
        if (needle.empty()) {
            continue;
        }
        const auto at = text.find(needle);
        if (at != std::string::npos) {
            spans.push_back({at, at + needle.size(), colour});
        }
    }
    wrapped_text(text, spans);
}

void row(const char* label, const std::string& value) {
    if (value.empty()) {
        return;
    }
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(110);
    if (render::needs_bidi(value)) {
        wrapped_text(value, {}); // Arabic or Hebrew: shaped, in visual order, lines in order
    } else {
        ImGui::TextWrapped("%s", value.c_str());
    }
}

} // namespace

void draw_details_panel(UiState& ui) {
    static Details d;
    const PanelLayout& l = ui.layout;
    // Docked right, below the event list (alone: the whole column).
    const float top = ui.show_list ? l.map_h * 0.45f : 0;
    if (!begin_docked_panel("Details", &ui.show_details, l.map_x + l.map_w, l.menu + top, l.right,
                            l.map_h - top)) {
        return;
    }
    Session& s = *ui.session;
    if (!s.selected) {
        ImGui::TextDisabled("Click an event on the map or in the list.");
        if (!s.box_selection.empty()) {
            ImGui::Text("%zu events in the box selection", s.box_selection.size());
        }
        ImGui::End();
        return;
    }
    const Row r = *s.selected;
    const EventTable& t = s.table();
    if (d.row != s.selected || d.data != s.data_generation()) {
        d.row = s.selected;
        d.data = s.data_generation();
        d.fields.clear();
        d.error.clear();
        d.candidates.reset();
        try {
            for (auto& [name, value] : s.details(r)) {
                d.fields[name] = value;
            }
        } catch (const Error& e) {
            d.error = e.located();
        }
    }
    ImGui::Text("%s  %s", t.types.text(t.type[r]).c_str(), t.date_text(r).c_str());
    if (s.layer_count() > 1) {
        ImGui::TextDisabled("layer: %s", s.layer_name_of(r).c_str());
    }
    if (t.corrected[r] != 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "corrected");
    }
    if (!d.error.empty()) {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", d.error.c_str());
    }
    const std::string sentence = field(d, "event_text");
    if (!sentence.empty()) {
        ImGui::Separator();
        highlighted_sentence(sentence, {{field(d, "extracted_place"), ImVec4(0.4f, 0.85f, 1, 1)},
                                        {field(d, "trigger"), ImVec4(1, 0.6f, 0.3f, 1)}});
        ImGui::Separator();
    }
    row("title", field(d, "title"));
    row("url", field(d, "url"));
    row("published", field(d, "published"));
    const std::string date = field(d, "date"), end = field(d, "enddate");
    row("date", date + (end.empty() || end == date ? "" : " .. " + end) + "  (" +
                    field(d, "date_precision") + ", " + field(d, "date_source") + ")");
    row("place", t.place[r] + (field(d, "extracted_place").empty()
                                   ? ""
                                   : "  (written \"" + field(d, "extracted_place") + "\")"));
    row("position", std::to_string(t.lat[r]) + ", " + std::to_string(t.lon[r]));
    row("confidence", field(d, "confidence"));
    row("actors", field(d, "actor"));
    row("recipients", field(d, "recipient"));
    row("id", t.id[r]);

    ImGui::Separator();
    candidate_list(ui, d, r);
    if (ui.placing_correction) {
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "Click the map where this event happened");
        if (ImGui::Button("Cancel")) {
            ui.placing_correction = false;
        }
    } else if (ImGui::Button("Move: click the right place")) {
        ui.placing_correction = true;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.can_undo());
    if (ImGui::Button("Undo correction")) {
        try {
            s.undo();
            ui.report("correction undone");
        } catch (const Error& e) {
            ui.report_error(e.located());
        }
    }
    ImGui::EndDisabled();
    ImGui::End();
}

} // namespace eventmap::view
