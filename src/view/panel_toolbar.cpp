// The menu bar (panels, layers, projection, colour, fit, save image, export, gazetteer search),
// the status bar (loading progress, counts, messages), the help window, and the conversion
// between the window's settings and a --state file.
#include "common/error.hpp"
#include "common/numbers.hpp"
#include "render/bidi_text.hpp"
#include "view/place_finder.hpp"
#include "view/viewer_ui.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <optional>
#include <string>
#include <string_view>

namespace eventmap::view {

namespace {

void export_menu(UiState& ui) {
    static char path[512] = "filtered.geojson";
    ImGui::InputText("file", path, sizeof path);
    ImGui::TextDisabled(".geojson .geojsonl .csv .kml .fgb .gpkg");
    if (ImGui::Button("Export the filtered events in the window")) {
        try {
            const auto n = ui.session->export_filtered(path);
            ui.report("exported " + std::to_string(n) + " events to " + path);
        } catch (const Error& e) {
            ui.report_error(e.located());
        }
    }
}

// What the map draws: the basemap's layers, the events' layers, and their colours.
void view_menu(UiState& ui) {
    auto& o = ui.options;
    ImGui::TextDisabled("Basemap");
    ImGui::MenuItem("Land / raster basemap", nullptr, &o.basemap);
    ImGui::MenuItem("Graticule", nullptr, &o.graticule);
    ImGui::MenuItem("Country labels", nullptr, &o.country_labels);
    ImGui::MenuItem("Place labels", nullptr, &o.place_labels);
    ImGui::Separator();
    ImGui::TextDisabled("Events");
    ImGui::MenuItem("Markers", nullptr, &o.markers);
    ImGui::MenuItem("Clusters", nullptr, &o.clusters);
    ImGui::MenuItem("Heatmap", nullptr, &o.heatmap);
    ImGui::MenuItem("Legend", nullptr, &o.legend);
    ImGui::Separator();
    const bool by_layer = ui.color_by_layer;
    const bool by_type = !by_layer && o.color_by == render::ColorBy::type;
    if (ImGui::MenuItem("Colour by type", nullptr, by_type)) {
        o.color_by = render::ColorBy::type;
        ui.color_by_layer = false;
    }
    if (ImGui::MenuItem("Colour by quad class", nullptr, !by_layer && !by_type)) {
        o.color_by = render::ColorBy::quad;
        ui.color_by_layer = false;
    }
    if (ImGui::MenuItem("Colour by layer", nullptr, by_layer)) {
        o.color_by = render::ColorBy::type; // the layers stand in for the types
        ui.color_by_layer = true;
    }
}

// The size of the file: the map as on screen, two common video sizes, or typed.
void image_size(UiState& ui) {
    static int preset = 0;
    static int custom[2] = {1600, 1000};
    const std::string screen =
        "screen (" + std::to_string(ui.map.width) + "x" + std::to_string(ui.map.height) + ")";
    const char* const names[] = {screen.c_str(), "1920x1080", "3840x2160", "custom"};
    ImGui::Combo("size", &preset, names, 4);
    if (preset == 3) {
        ImGui::InputInt2("width, height", custom);
        custom[0] = std::clamp(custom[0], 16, 16384);
        custom[1] = std::clamp(custom[1], 16, 16384);
    }
    const int sizes[4][2] = {{0, 0}, {1920, 1080}, {3840, 2160}, {custom[0], custom[1]}};
    ui.image.width = sizes[preset][0];
    ui.image.height = sizes[preset][1];
    static bool match = true;
    static float scale = 1;
    ImGui::Checkbox("scale as the screen", &match);
    if (!match) {
        ImGui::SliderFloat("scale", &scale, 0.25f, 8, "%.2f");
    }
    ui.image.scale = match ? 0 : scale;
    const ImageSettings drawn =
        resolve_image(ui.image, ui.map.width, ui.map.height, ui.options.scale);
    ImGui::TextDisabled("%d x %d pixels, symbols and text x%.2f", drawn.width, drawn.height,
                        static_cast<double>(drawn.scale));
}

// Save image: size, scale, overlays and title; the overlays and title apply to the screen too,
// so what is saved is what is shown.
void image_menu(UiState& ui) {
    static char path[512] = "map.png";
    ImGui::InputText("png", path, sizeof path);
    image_size(ui);
    ImGui::Separator();
    ImGui::TextDisabled("overlays (screen and file)");
    ImGui::Checkbox("legend", &ui.options.legend);
    ImGui::SameLine();
    ImGui::Checkbox("caption", &ui.options.caption);
    ImGui::SameLine();
    ImGui::Checkbox("time range", &ui.options.time_range);
    ImGui::Checkbox("scale bar", &ui.options.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox("north arrow", &ui.options.north_arrow);
    ImGui::SameLine();
    ImGui::Checkbox("attribution", &ui.options.attribution);
    ImGui::InputText("title", &ui.options.title);
    ImGui::InputText("subtitle", &ui.options.subtitle);
    if (ImGui::Button("Save image")) {
        ui.save_image_path = path;
    }
}

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

// "LAT,LON" typed into the search box, spaces around either number allowed; nullopt for
// anything else (a place name, "12,abc", "12,34junk"). Each half must be a whole number
// (parse_number: checked, and the same in every locale, which sscanf is not).
std::optional<LatLon> typed_coordinates(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) {
        return std::nullopt;
    }
    const auto lat = parse_number(trim_spaces(text.substr(0, comma)));
    const auto lon = parse_number(trim_spaces(text.substr(comma + 1)));
    if (!lat || !lon || !is_valid({*lat, *lon})) {
        return std::nullopt;
    }
    return LatLon{*lat, *lon};
}

void place_search(UiState& ui) {
    static char query[256] = "";
    ImGui::SetNextItemWidth(180 * ui.ui_scale);
    if (ImGui::InputTextWithHint("##place", "fly to place or lat,lon", query, sizeof query,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        search_place(ui, query);
    }
}

bool same_name(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

namespace {

// A typed lat,lon, else the gazetteer's best place of that name, else an event's place of
// that name in the data.
PlaceSearch look_up_place(UiState& ui, const std::string& query) {
    const std::string text(trim_spaces(query));
    if (text.empty()) {
        return {false, "type a place name or lat,lon to fly to", ""};
    }
    if (const auto typed = typed_coordinates(text)) {
        ui.fly_to = *typed;
        ui.fly_zoom = 8;
        return {true, "flew to " + text, "coordinates"};
    }
    std::string no_gazetteer;
    try {
        const auto places = ui.session->places().lookup(text, 1);
        if (!places.empty()) {
            ui.fly_to = places[0].position;
            ui.fly_zoom = 8;
            return {true, "flew to " + describe(places[0]), "gazetteer"};
        }
    } catch (const Error& e) {
        no_gazetteer = std::string(" (") + e.what() + ")"; // the events' names still work
    }
    const EventTable& t = ui.session->table();
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (t.located(static_cast<Row>(r)) && same_name(text, t.place[r])) {
            ui.fly_to = LatLon{t.lat[r], t.lon[r]};
            ui.fly_zoom = 7;
            return {true, "flew to " + t.place[r] + " (a place of the events)", "events"};
        }
    }
    return {false,
            "no place named '" + text + "' in the gazetteer or among the events" + no_gazetteer,
            ""};
}

} // namespace

// The search box's work, also the script's `fly-to`: the flight asked for, the status bar told.
PlaceSearch search_place(UiState& ui, const std::string& query) {
    PlaceSearch found = look_up_place(ui, query);
    ui.report(found.message);
    return found;
}

void draw_toolbar(UiState& ui) {
    if (!ImGui::BeginMainMenuBar()) {
        return;
    }
    if (ImGui::BeginMenu("Panels")) {
        ImGui::MenuItem("Layers", nullptr, &ui.show_layers);
        ImGui::MenuItem("Time slider", nullptr, &ui.show_time);
        ImGui::MenuItem("Filters", nullptr, &ui.show_filters);
        ImGui::MenuItem("Event list", nullptr, &ui.show_list);
        ImGui::MenuItem("Details", nullptr, &ui.show_details);
        ImGui::MenuItem("Help", "H", &ui.show_help);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        view_menu(ui);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Projection")) {
        for (const char* name : {"web-mercator", "equal-earth", "equirectangular", "local"}) {
            if (ImGui::MenuItem(name, nullptr, ui.projection == name)) {
                ui.projection = name;
                ui.projection_changed = true;
            }
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Fit")) {
        ui.fit_requested = true;
    }
    if (ImGui::BeginMenu("Save image")) {
        image_menu(ui);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Export")) {
        export_menu(ui);
        ImGui::EndMenu();
    }
    place_search(ui);
    ImGui::EndMainMenuBar();
}

void draw_status_bar(UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ui.layout.status;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    Session& s = *ui.session;
    const LoadStage stage = s.stage();
    if (stage == LoadStage::map || stage == LoadStage::columns) {
        const char* what = stage == LoadStage::map ? "loading events" : "loading filter columns";
        if (stage == LoadStage::map && s.progress() <= 0) {
            // Sources read by the generic loader report no progress: an indeterminate bar.
            ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(160, 0), what);
        } else {
            ImGui::ProgressBar(s.progress(), ImVec2(160, 0), what);
        }
        ImGui::SameLine();
    }
    if (s.has_map()) {
        ImGui::Text("%zu events · %zu pass the filters · %zu in the window%s", s.table().size(),
                    s.filtered().rows.size(), s.count_in_window(),
                    s.text_search_pending() ? " · searching..." : "");
        ImGui::SameLine();
    }
    if (!ui.error.empty()) {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", ui.error.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("dismiss")) {
            ui.error.clear();
        }
    } else if (!ui.messages.empty()) {
        // "moved to" / "flew to" a place whose name may be Arabic or Hebrew.
        ImGui::TextDisabled("%s", render::shape_for_display(ui.messages.back()).c_str());
    }
    ImGui::End();
}

void draw_help_panel(UiState& ui) {
    ImGui::SetNextWindowSize(ImVec2(420 * ui.ui_scale, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Help", &ui.show_help)) {
        ImGui::End();
        return;
    }
    static const char* const keys[][2] = {
        {"Space", "play / pause the time window"},
        {"Left / Right", "step the window back / forward (day, week or month)"},
        {"Drag", "pan the map"},
        {"Wheel", "zoom at the cursor"},
        {"Two-finger scroll", "zoom (up/down) and pan (sideways) on a trackpad"},
        {"Pinch / Ctrl+wheel", "zoom at the cursor (where the platform sends a pinch as "
                               "Ctrl+wheel; GLFW has no pinch event)"},
        {"+ / -", "zoom in / out"},
        {"F", "fit the map to the events"},
        {"Click", "select the event under the cursor"},
        {"Shift + drag", "select the events in a box"},
        {"Esc", "clear the selection"},
        {"Ctrl+Z", "undo the last correction"},
        {"H or F1", "this help"},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        // The keys as wide as the widest; the actions wrap in the rest (unwrapped, the longer
        // ones were cut at the window's edge).
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("Pinch / Ctrl+wheel").x);
        ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& k : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k[0]);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", k[1]);
        }
        ImGui::EndTable();
    }
    ImGui::TextWrapped("The time slider's histogram shows all events (grey) and those passing the "
                       "filters (blue). Events known to a month or a year cover their whole "
                       "period: the histogram spreads them over it, in fainter colours on "
                       "top, and the list shows their date as 2018-03 or 2018.");
    ImGui::End();
}

ViewState current_view_state(const UiState& ui) {
    ViewState s;
    if (ui.renderer != nullptr && ui.session->has_map()) {
        if (const auto ll = ui.renderer->projection().inverse(ui.map.center_x, ui.map.center_y)) {
            s.view.center = {ll->second, ll->first};
        }
        // Web-map zoom: the world is 256 px wide at zoom 0 (40,075 km at the equator), in
        // pixels of a 96-dpi screen (content_scale framebuffer pixels each), as center_view
        // reads it back: a state saved on a high-DPI screen shows the same area.
        const double z =
            std::log2(40075016.686 / (256.0 * ui.map.metres_per_pixel * ui.content_scale));
        s.view.zoom = std::clamp(z, 0.5, 20.0);
    }
    s.view.projection = ui.projection;
    s.view.layers = {{"markers", ui.options.markers},     {"clusters", ui.options.clusters},
                     {"heatmap", ui.options.heatmap},     {"labels", ui.options.country_labels},
                     {"graticule", ui.options.graticule}, {"basemap", ui.options.basemap}};
    s.view.color_by = ui.color_by_layer                              ? ColorBy::layer
                      : ui.options.color_by == render::ColorBy::type ? ColorBy::type
                                                                     : ColorBy::quad;
    // The layers in drawing order with their visibility; one source needs no entry unless
    // hidden (the command line says it all).
    const auto layers = ui.session->layers();
    if (layers.size() > 1 || (layers.size() == 1 && !layers.front().visible)) {
        for (const auto& layer : layers) {
            s.sources.push_back({layer.source, layer.visible});
        }
    }
    s.window = ui.session->time.window();
    s.mode = ui.session->time.mode();
    s.filters = ui.session->filters();
    return s;
}

void apply_view_state(UiState& ui, const ViewState& s) {
    ui.projection =
        render::projection_from_name(s.view.projection) ? s.view.projection : "web-mercator";
    auto layer = [&](const char* name, bool fallback) {
        const auto it = s.view.layers.find(name);
        return it == s.view.layers.end() ? fallback : it->second;
    };
    ui.options.markers = layer("markers", true);
    ui.options.clusters = layer("clusters", false);
    ui.options.heatmap = layer("heatmap", false);
    ui.options.country_labels = ui.options.place_labels = layer("labels", true);
    ui.options.graticule = layer("graticule", false);
    ui.options.basemap = layer("basemap", true);
    ui.options.color_by =
        s.view.color_by == ColorBy::quad ? render::ColorBy::quad : render::ColorBy::type;
    ui.color_by_layer = s.view.color_by == ColorBy::layer;
    ui.fly_to = s.view.center;
    ui.fly_zoom = s.view.zoom;
    ui.session->time.set_mode(s.mode);
    ui.session->set_filters(s.filters);
    if (s.window) {
        ui.pending_window = *s.window;
    }
}

} // namespace eventmap::view
