// The time slider: a histogram of events over time (all in grey, filtered in blue; events known
// to a month or year spread over it, fainter, on top) with the
// window drawn over it and two handles to drag; play/pause, speed, loop, step unit, moving or
// cumulative, and a typed jump ("2018-02", "2018-02-18..2018-03-01").
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace eventmap::view {

namespace {

// The histogram's own zoom: the days it spans (the data's extent until the user zooms it).
struct HistogramView {
    DayRange range{0, -1};
    std::uint64_t data = ~0ULL;
};

void draw_histogram(UiState& ui, HistogramView& hv) {
    Session& s = *ui.session;
    TimeModel& time = s.time;
    if (hv.data != s.data_generation() || hv.range.last < hv.range.first) {
        hv.range = time.extent();
        hv.data = s.data_generation();
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 50.0f);
    const float height = 70 * ui.ui_scale;
    ImGui::InvisibleButton("##histogram", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Histogram& h = s.histogram(hv.range, static_cast<int>(width / (3 * ui.ui_scale)));
    const double days = std::max(1, hv.range.last - hv.range.first + 1);
    auto x_of = [&](double day) {
        return origin.x + static_cast<float>((day - hv.range.first) / days * width);
    };
    auto day_of = [&](float x) {
        return static_cast<Day>(std::floor(hv.range.first + (x - origin.x) / width * days));
    };
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                        IM_COL32(30, 34, 40, 255));
    const float top = static_cast<float>(std::max<std::uint32_t>(h.max_all, 1));
    // Events dated to the day at the bottom; month- and year-precision events, spread over
    // their period, stacked above them in fainter colours.
    const auto y_of = [&](float count) { return origin.y + height * (1 - count / top); };
    const float bottom = origin.y + height;
    for (std::size_t i = 0; i < h.all.size(); ++i) {
        const float x0 = x_of(h.bin_start(i)), x1 = std::max(x0 + 1, x_of(h.bin_start(i + 1)) - 1);
        const auto all = static_cast<float>(h.all[i]);
        const auto filtered = static_cast<float>(h.filtered[i]);
        draw->AddRectFilled(ImVec2(x0, y_of(all)), ImVec2(x1, bottom),
                            IM_COL32(110, 110, 120, 255));
        draw->AddRectFilled(ImVec2(x0, y_of(filtered)), ImVec2(x1, bottom),
                            IM_COL32(80, 160, 240, 255));
        draw->AddRectFilled(ImVec2(x0, y_of(all + h.period_all[i])), ImVec2(x1, y_of(all)),
                            IM_COL32(110, 110, 120, 110));
        draw->AddRectFilled(ImVec2(x0, y_of(filtered + h.period_filtered[i])),
                            ImVec2(x1, y_of(filtered)), IM_COL32(80, 160, 240, 110));
    }
    // The window and its handles.
    const DayRange w = time.window();
    const float wx0 = x_of(w.first), wx1 = x_of(w.last + 1.0);
    draw->AddRectFilled(ImVec2(wx0, origin.y), ImVec2(wx1, origin.y + height),
                        IM_COL32(255, 220, 80, 50));
    draw->AddLine(ImVec2(wx0, origin.y), ImVec2(wx0, origin.y + height),
                  IM_COL32(255, 220, 80, 255), 3);
    draw->AddLine(ImVec2(wx1, origin.y), ImVec2(wx1, origin.y + height),
                  IM_COL32(255, 220, 80, 255), 3);

    // Dragging: near a handle moves that handle, inside the window moves the window, elsewhere
    // a click centres the window there. The wheel zooms the histogram at the cursor.
    static int dragging = 0; // 1 start handle, 2 end handle, 3 whole window
    static float grab = 0;
    const float mx = ImGui::GetIO().MousePos.x;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const float near = 6 * ui.ui_scale;
        dragging = std::abs(mx - wx0) < near   ? 1
                   : std::abs(mx - wx1) < near ? 2
                   : (mx > wx0 && mx < wx1)    ? 3
                                               : 0;
        grab = mx - wx0;
        if (dragging == 0) {
            const Day length = w.last - w.first;
            const Day centre = day_of(mx);
            time.set_window(centre - length / 2, centre - length / 2 + length);
        }
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        dragging = 0;
    }
    if (dragging == 1) {
        time.set_window(std::min(day_of(mx), w.last), w.last);
    } else if (dragging == 2) {
        time.set_window(w.first, std::max(day_of(mx), w.first));
    } else if (dragging == 3) {
        const Day first = day_of(mx - grab);
        time.set_window(first, first + (w.last - w.first));
    }
    if (hovered && ImGui::GetIO().MouseWheel != 0) {
        const double factor = ImGui::GetIO().MouseWheel > 0 ? 0.8 : 1.25;
        const double at = day_of(mx);
        const DayRange extent = time.extent();
        const auto first = static_cast<Day>(at - (at - hv.range.first) * factor);
        const auto last = static_cast<Day>(at + (hv.range.last - at) * factor);
        hv.range = {std::max(first, extent.first - 30), std::min(last, extent.last + 30)};
        if (hv.range.last - hv.range.first < 7) {
            hv.range.last = hv.range.first + 7;
        }
    }
    if (hovered) {
        const std::size_t bin = h.bin_of(day_of(mx));
        if (bin < h.all.size()) {
            ImGui::SetTooltip("%s (+%d days): %u events, %u filtered; month/year dates spread "
                              "here: %.1f, %.1f filtered",
                              format_day(h.bin_start(bin)).c_str(), h.bin_days - 1, h.all[bin],
                              h.filtered[bin], static_cast<double>(h.period_all[bin]),
                              static_cast<double>(h.period_filtered[bin]));
        }
    }
    ImGui::TextDisabled("%s", format_day(hv.range.first).c_str());
    ImGui::SameLine(std::max(0.0f, width - 80 * ui.ui_scale));
    ImGui::TextDisabled("%s", format_day(hv.range.last).c_str());
}

void draw_controls(UiState& ui) {
    TimeModel& time = ui.session->time;
    if (ImGui::Button(time.playing() ? "Pause" : "Play")) {
        time.toggle_play();
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) {
        time.step(ui.step_unit, -1);
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) {
        time.step(ui.step_unit, 1);
    }
    ImGui::SameLine();
    int unit = static_cast<int>(ui.step_unit);
    ImGui::SetNextItemWidth(80 * ui.ui_scale);
    if (ImGui::Combo("step", &unit, "day\0week\0month\0")) {
        ui.step_unit = static_cast<StepUnit>(unit);
    }
    ImGui::SameLine();
    float speed = static_cast<float>(time.speed());
    ImGui::SetNextItemWidth(120 * ui.ui_scale);
    if (ImGui::SliderFloat("days/s", &speed, 0.25f, 365.0f, "%.2f", ImGuiSliderFlags_Logarithmic)) {
        time.set_speed(speed);
    }
    ImGui::SameLine();
    bool loop = time.loop();
    if (ImGui::Checkbox("loop", &loop)) {
        time.set_loop(loop);
    }
    ImGui::SameLine();
    bool cumulative = time.mode() == WindowMode::cumulative;
    if (ImGui::Checkbox("cumulative", &cumulative)) {
        time.set_mode(cumulative ? WindowMode::cumulative : WindowMode::moving);
    }
    ImGui::SameLine();
    static char jump[64] = "";
    ImGui::SetNextItemWidth(200 * ui.ui_scale);
    if (ImGui::InputTextWithHint("##jump", "go to 2018-02 or A..B", jump, sizeof jump,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        if (const auto range = parse_day_range(jump)) {
            time.set_window(range->first, range->last);
        } else {
            ui.report(std::string("not a date or range: ") + jump);
        }
    }
    ImGui::SameLine();
    const DayRange w = time.window();
    ImGui::Text("%s .. %s", format_day(w.first).c_str(), format_day(w.last).c_str());
}

} // namespace

void draw_time_panel(UiState& ui) {
    static HistogramView hv;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ui.layout.time;
    const float status = ui.layout.status;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height - status),
                            ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height), ImGuiCond_Always);
    if (ImGui::Begin("Time", &ui.show_time,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar)) {
        if (ui.session->has_map()) {
            draw_controls(ui);
            draw_histogram(ui, hv);
        } else {
            ImGui::TextDisabled("waiting for the events...");
        }
    }
    ImGui::End();
}

} // namespace eventmap::view
