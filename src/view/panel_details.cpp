// The details of the selected event: every reporting sentence with the place, the trigger and
// the date expression highlighted, each under its article's title and publication date; the
// URL, how the date was derived, confidence, actors; who corrected it, when, and from where;
// and the correction tools (move by clicking the map, undo). Attributes come from the source
// by feature id (mapdata::load_details) and event_provenance.hpp, read once per selection.
#include "common/error.hpp"
#include "mapdata/map_source.hpp"
#include "render/bidi_text.hpp"
#include "view/event_provenance.hpp"
#include "view/panel_text.hpp"
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <cstdlib>
#include <imgui.h>

namespace eventmap::view {

namespace {

struct Details {
    std::optional<Row> row;
    std::uint64_t data = ~0ULL;
    DetailFields fields;
    std::vector<SourceReport> reports;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> date_spans; // per report
    std::optional<CorrectionRecord> correction;
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

const ImVec4 place_colour(0.4f, 0.85f, 1, 1), trigger_colour(1, 0.6f, 0.3f, 1),
    date_colour(0.55f, 1, 0.45f, 1);

// The sentence word by word, wrapping at the panel's edge; words inside a highlighted span
// (the place name, the trigger, the date expression) are coloured.
void highlighted_sentence(const std::string& text,
                          const std::vector<std::pair<std::string, ImVec4>>& marks,
                          const std::vector<std::pair<std::size_t, std::size_t>>& date_spans) {
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
    for (const auto& [begin, end] : date_spans) {
        spans.push_back({begin, end, date_colour});
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

// Reads what the panel shows of row `r` (once per selection or data change).
void load_details(const Session& s, Row r, Details& d) {
    d.reports.clear();
    d.date_spans.clear();
    d.correction.reset();
    try {
        for (auto& [name, value] : s.details(r)) {
            d.fields[name] = value;
        }
        const std::string source = s.layers()[s.layer_of(r)].source;
        d.reports = source_reports(source, d.fields);
        for (const auto& report : d.reports) {
            d.date_spans.push_back(date_mentions(report.sentence, d.fields, report.published));
        }
        if (s.table().corrected[r] != 0) {
            d.correction = latest_correction(source, s.table().id[r]);
        }
    } catch (const Error& e) {
        d.error = e.located();
    }
}

// Each reporting sentence under its article's title and publication date.
void reports_section(const Details& d) {
    if (d.reports.empty()) {
        return;
    }
    ImGui::Separator();
    const auto total = std::strtoull(field(d, "source_count").c_str(), nullptr, 10);
    if (d.reports.size() > 1 || total > d.reports.size()) {
        ImGui::TextDisabled("%zu reports", std::max<std::size_t>(d.reports.size(), total));
    }
    for (std::size_t i = 0; i < d.reports.size(); ++i) {
        const SourceReport& report = d.reports[i];
        if (i > 0) {
            ImGui::Spacing();
        }
        const std::string heading = report.title.empty() ? report.article_id : report.title;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(heading + (report.published.empty() ? "" : "  (" + report.published + ")"),
                     {});
        ImGui::PopStyleColor();
        highlighted_sentence(
            report.sentence,
            {{field(d, "extracted_place"), place_colour}, {field(d, "trigger"), trigger_colour}},
            i < d.date_spans.size() ? d.date_spans[i]
                                    : std::vector<std::pair<std::size_t, std::size_t>>{});
    }
    if (total > d.reports.size()) {
        ImGui::TextDisabled("%llu more reports are in the store's mentions",
                            static_cast<unsigned long long>(total - d.reports.size()));
    }
    ImGui::Separator();
}

// Who moved the event, when, and where it was before.
void correction_rows(const Details& d) {
    if (!d.correction) {
        return;
    }
    const CorrectionRecord& c = *d.correction;
    row("corrected by", c.who + (c.at.empty() ? "" : ", " + c.at));
    const std::string before = c.before.name.empty() ? std::string("a point") : c.before.name;
    row("was at", before + "  (" + std::to_string(c.before.position.lat) + ", " +
                      std::to_string(c.before.position.lon) + ")");
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
        load_details(s, r, d);
    }
    ImGui::Text("%s  %s", t.types.text(t.type[r]).c_str(), t.date_text(r).c_str());
    if (s.layer_count() > 1) {
        ImGui::TextDisabled("layer: %s", s.layer_name_of(r).c_str());
    }
    if (t.corrected[r] != 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "corrected");
        correction_rows(d);
    }
    if (!d.error.empty()) {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", d.error.c_str());
    }
    reports_section(d);
    if (d.reports.empty()) { // no sentence to head with them
        row("title", field(d, "title"));
        row("published", field(d, "published"));
    }
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
