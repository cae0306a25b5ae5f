#include "render/map_renderer.hpp"

#include "build_config.hpp"
#include "dates/calendar.hpp"
#include "render/basemap_cache.hpp"
#include "render/basemap_layer.hpp"
#include "render/cluster_labels.hpp"
#include "render/event_layer.hpp"
#include "render/event_scan.hpp"
#include "render/graticule_layer.hpp"
#include "render/overlays.hpp"
#include "render/place_labels.hpp"
#include "render/raster_basemap.hpp"
#include "render/render_error.hpp"
#include "render/ui_layer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace eventmap::render {

namespace {

const char* const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A place known only to this many kilometres is drawn as an area (a region, a country).
constexpr float area_radius_km = 25.0F;
// A cluster gathers the events of a square of this many pixels (times the DPI scale).
constexpr double cluster_cell_px = 56.0;

struct FontSet {
    std::unique_ptr<FontAtlas> atlas;
    std::unique_ptr<UiLayer> layer;
};

struct CachedBasemap {
    std::unique_ptr<BasemapLayer> layer;
    std::vector<CountryLabel> labels;
};

} // namespace

std::string format_day_range(mapdata::DayRange range) {
    if (range.empty()) {
        return {};
    }
    const auto a = dates::civil_from_days(range.first);
    const auto b = dates::civil_from_days(range.last);
    const auto day = [](const dates::CivilDate& d) {
        return std::to_string(d.day) + " " + month_names[d.month - 1] + " " +
               std::to_string(d.year);
    };
    if (range.first == range.last) {
        return day(a);
    }
    if (a.year == b.year && a.month == b.month) {
        return std::to_string(a.day) + "\xE2\x80\x93" + day(b);
    }
    return day(a) + " \xE2\x80\x93 " + day(b);
}

struct MapRenderer::Impl {
    RendererSettings settings;
    ShaderProgram fill{"fill.vert", "fill.frag"};
    ShaderProgram line{"line.vert", "line.frag"};
    ShaderProgram marker{"marker.vert", "marker.frag"};
    ShaderProgram point_marker{"point_marker.vert", "point_marker.frag"};
    ShaderProgram splat{"splat.vert", "splat.frag"};
    ShaderProgram heat{"heatmap.vert", "heatmap.frag"};
    ShaderProgram ui{"ui.vert", "ui.frag"};
    ShaderProgram raster_program{"raster.vert", "raster.frag"};
    GraticuleLayer graticule{line};
    std::unique_ptr<RasterLayer> raster;

    std::unique_ptr<Projection> projection;
    std::shared_ptr<const mapdata::EventTable> table;
    EventLayer events{marker, point_marker, splat, heat};
    EventLayer clusters{marker, point_marker, splat, heat};
    std::vector<float> xs, ys, radius_m; // projected positions for picking and clustering
    TypeSlots slots;
    std::vector<std::uint8_t> slot_of_row; // palette slot per row, hidden_slot when not drawn
    mapdata::DayRange data_range;          // of the table, found once per set_events()
    std::vector<std::string> slots_for;    // the type filter the instances were built with
    bool instances_valid = false;
    std::shared_ptr<const std::vector<std::uint8_t>> visible;
    std::vector<std::size_t> highlight, corrected;

    std::map<std::string, CachedBasemap> basemaps;
    std::map<float, FontSet> fonts;
    std::unique_ptr<PlaceLabels> places;
    std::string places_projected_for;
    double basemap_seconds = 0;
    FrameInfo frame;

    CachedBasemap& basemap(Detail detail) {
        const std::string key = projection->cache_key() + "/" + detail_scale(detail);
        auto found = basemaps.find(key);
        if (found != basemaps.end()) {
            return found->second;
        }
        const std::string dir =
            settings.world_atlas_dir.empty() ? default_world_atlas_dir() : settings.world_atlas_dir;
        auto geometry = cached_basemap(*projection, detail, dir);
        basemap_seconds += geometry.build_seconds;
        CachedBasemap cached{std::make_unique<BasemapLayer>(fill, line, geometry),
                             std::move(geometry.labels)};
        return basemaps.emplace(key, std::move(cached)).first->second;
    }

    FontSet& font(float scale) {
        auto found = fonts.find(scale);
        if (found == fonts.end()) {
            FontSet set;
            set.atlas = std::make_unique<FontAtlas>(scale);
            set.layer = std::make_unique<UiLayer>(ui, *set.atlas);
            found = fonts.emplace(scale, std::move(set)).first;
        }
        return found->second;
    }

    // The projection as WKT for GDAL's warper, made once per projection.
    std::string wkt, wkt_for;
    const std::string& projection_wkt() {
        if (wkt_for != projection->cache_key()) {
            wkt = projection->wkt();
            wkt_for = projection->cache_key();
        }
        return wkt;
    }

    PlaceLabels& place_labels() {
        if (!places) {
            std::string path = settings.gazetteer_index;
            if (path.empty()) {
                path = build_config::default_index;
            }
            places = std::make_unique<PlaceLabels>(path);
        }
        if (places_projected_for != projection->cache_key()) {
            places->project(*projection);
            places_projected_for = projection->cache_key();
        }
        return *places;
    }

    void project_events() {
        xs.clear();
        ys.clear();
        radius_m.clear();
        instances_valid = false;
        data_range = table ? table->day_range() : mapdata::DayRange{};
        if (!table || !projection) {
            return;
        }
        const std::size_t n = table->size();
        xs.resize(n);
        ys.resize(n);
        radius_m.assign(n, 0.0F);
        constexpr std::size_t chunk = 1 << 16;
        std::vector<double> x(chunk), y(chunk);
        for (std::size_t start = 0; start < n; start += chunk) {
            const std::size_t m = std::min(chunk, n - start);
            std::copy_n(table->lon.begin() + static_cast<std::ptrdiff_t>(start), m, x.begin());
            std::copy_n(table->lat.begin() + static_cast<std::ptrdiff_t>(start), m, y.begin());
            projection->forward_many(x.data(), y.data(), m);
            for (std::size_t i = 0; i < m; ++i) {
                xs[start + i] = static_cast<float>(x[i]);
                ys[start + i] = static_cast<float>(y[i]);
            }
        }
        // An area's radius in projected metres: the distance to a point that far north.
        for (std::size_t i = 0; i < n; ++i) {
            if (table->radius_km[i] >= area_radius_km) {
                const double dlat = table->radius_km[i] / 111.2;
                const auto p =
                    projection->forward(table->lon[i], std::min(89.0, table->lat[i] + dlat));
                radius_m[i] = static_cast<float>(std::hypot(p.x - xs[i], p.y - ys[i]));
            }
        }
    }

    void build_instances(const std::vector<std::string>& types) {
        if (instances_valid && types == slots_for) {
            return;
        }
        slots = assign_type_slots(*table, types);
        slots_for = types;
        const auto origin = data_range.first;
        slot_of_row.resize(table->size());
        for (std::size_t i = 0; i < table->size(); ++i) {
            slot_of_row[i] = shown(i) ? slots.slot_of_type[table->type[i]]
                                      : static_cast<std::uint8_t>(hidden_slot);
        }
        events.upload_chunked(
            table->size(), [&](std::size_t first, std::size_t n, EventInstance* out) {
                for (std::size_t k = 0; k < n; ++k) {
                    const std::size_t i = first + k;
                    const bool area = radius_m[i] > 0;
                    out[k] = {xs[i],
                              ys[i],
                              static_cast<float>(table->day_start[i] - origin),
                              static_cast<float>(table->day_end[i] - origin),
                              static_cast<float>(slot_of_row[i]),
                              static_cast<float>(table->quad[i]),
                              static_cast<float>((table->planned[i] != 0 ? 1 : 0) + (area ? 2 : 0) +
                                                 (coarse(i) ? 4 : 0)),
                              static_cast<float>(table->sources[i]),
                              radius_m[i]};
                }
            });
        instances_valid = true;
    }

    // Dated only to a month or a year: drawn lighter (palette.hpp, coarse_date_white).
    bool coarse(std::size_t i) const {
        return i < table->precision.size() && coarse_date(table->precision[i]);
    }

    bool shown(std::size_t i) const {
        return !visible || i >= visible->size() || (*visible)[i] != 0;
    }

    bool in_window(std::size_t i, mapdata::DayRange w) const {
        return table->day_end[i] >= w.first && table->day_start[i] <= w.last &&
               slots.slot_of_type[table->type[i]] != hidden_slot && shown(i);
    }

    void draw_rings(UiBatch& batch, const MapView& view, float scale) const {
        const auto pixel = [&](std::size_t i) {
            return std::pair{static_cast<float>(view.pixel_x(xs[i])),
                             static_cast<float>(view.pixel_y(ys[i]))};
        };
        for (const std::size_t i : corrected) {
            if (i < xs.size()) {
                const auto [x, y] = pixel(i);
                // A dashed ring: twelve short arcs.
                const float r = 9.0F * scale;
                for (int k = 0; k < 12; k += 2) {
                    const float a0 = static_cast<float>(k) * 0.5236F;
                    const float a1 = a0 + 0.5236F;
                    batch.line(x + r * std::cos(a0), y + r * std::sin(a0), x + r * std::cos(a1),
                               y + r * std::sin(a1), 2.0F * scale, rgb_hex(0x1f1f24));
                }
            }
        }
        for (const std::size_t i : highlight) {
            if (i < xs.size()) {
                const auto [x, y] = pixel(i);
                batch.ring(x, y, 11.0F * scale, 3.5F * scale, rgb_hex(0xffffff));
                batch.ring(x, y, 10.0F * scale, 1.8F * scale, rgb_hex(0x1f1f24));
            }
        }
    }

    MarkerStyle marker_style(const MapOptions& options) const {
        MarkerStyle style;
        for (std::size_t s = 0; s < slot_count; ++s) {
            style.slot_visible[s] = s == hidden_slot ? 0.0F : 1.0F;
            style.slot_colors[s] =
                s < slots.slots.size() ? slots.slots[s].color : rgb_hex(0x999999);
        }
        style.color_by_quad = options.color_by == ColorBy::quad;
        style.size_px = 4.5F * options.scale;
        style.outline_px = std::max(1.0F, options.scale);
        return style;
    }

    // Returns the number of gazetteer places labelled.
    std::size_t draw_labels(UiBatch& batch, const MapView& view, const MapOptions& options,
                            const CachedBasemap& basemap, std::vector<PixelRect>& taken);
    void draw_clusters(std::vector<Cluster> list, const MapView& view, const MapOptions& options,
                       const ClipTransform& clip, const Tile& tile, const MarkerStyle& style,
                       UiBatch& counts);
    float heat_max(const MapView& view, float radius_px) const;
    ScanColumns scan_columns() const {
        return {table->size(),
                xs.data(),
                ys.data(),
                table->day_start.data(),
                table->day_end.data(),
                slot_of_row.data(),
                table->quad.data(),
                table->planned.data(),
                radius_m.data(),
                table->precision.size() == table->size() ? table->precision.data() : nullptr};
    }
    OverlayContent overlay_content(const MapOptions& options, const EventScan& scan) const;
};

std::size_t MapRenderer::Impl::draw_labels(UiBatch& batch, const MapView& view,
                                           const MapOptions& options, const CachedBasemap& basemap,
                                           std::vector<PixelRect>& taken) {
    const std::size_t labelled =
        options.place_labels ? place_labels().draw(batch, view, options.scale, taken) : 0;
    if (!options.country_labels) {
        return labelled;
    }
    const FontAtlas& font = batch.font();
    const double px_area = view.metres_per_pixel * view.metres_per_pixel;
    std::vector<const CountryLabel*> order;
    for (const auto& label : basemap.labels) {
        order.push_back(&label);
    }
    std::sort(order.begin(), order.end(),
              [](const auto* a, const auto* b) { return a->area > b->area; });
    for (const auto* label : order) {
        const float w = font.measure(Face::body, label->name);
        const float h = font.pixel_size(Face::body);
        if (label->area / px_area < static_cast<double>(w * h) * 2.5) {
            continue; // the country is too small on this map for its name
        }
        const auto x = static_cast<float>(view.pixel_x(label->x)) - w / 2;
        const auto y = static_cast<float>(view.pixel_y(label->y));
        const PixelRect box{x, y - h, x + w, y + h * 0.3F};
        if (box.x1 < 0 || box.y1 < 0 || box.x0 > static_cast<float>(view.width) ||
            box.y0 > static_cast<float>(view.height) ||
            std::any_of(taken.begin(), taken.end(),
                        [&](const auto& r) { return r.overlaps(box); })) {
            continue;
        }
        taken.push_back(box);
        batch.text_with_halo(Face::body, label->name, x, y, rgb_hex(0x6b6b6b), colors::halo);
    }
    return labelled;
}

// The clusters come from the frame's scan (scan_events): one per grid cell of 56 pixels.
void MapRenderer::Impl::draw_clusters(std::vector<Cluster> list, const MapView& view,
                                      const MapOptions& options, const ClipTransform& clip,
                                      const Tile& tile, const MarkerStyle& style, UiBatch& counts) {
    merge_overlapping_labels(list, counts.font(), options.scale);
    frame.clusters.reserve(list.size());
    for (const auto& c : list) {
        frame.clusters.push_back({c.px, c.py, c.count});
    }
    std::vector<EventInstance> instances;
    instances.reserve(list.size());
    for (const auto& c : list) {
        const auto slot = static_cast<float>(
            std::max_element(c.per_slot.begin(), c.per_slot.end()) - c.per_slot.begin());
        if (c.count == 1) {
            const std::size_t i = c.first;
            instances.push_back(
                {xs[i], ys[i], 0, 0, slot, static_cast<float>(table->quad[i]),
                 static_cast<float>((table->planned[i] != 0 ? 1 : 0) + (coarse(i) ? 4 : 0)),
                 static_cast<float>(table->sources[i]), 0});
            continue;
        }
        instances.push_back(
            {static_cast<float>(view.x_at(c.px)), static_cast<float>(view.y_at(c.py)), 0, 0, slot,
             static_cast<float>(table->quad[c.first]), 0, static_cast<float>(c.count), 0});
        const std::string text = cluster_label(c);
        const float w = counts.font().measure(Face::body_bold, text);
        counts.text_with_halo(Face::body_bold, text, static_cast<float>(c.px) - w / 2,
                              static_cast<float>(c.py) +
                                  counts.font().pixel_size(Face::body_bold) * 0.4F,
                              rgb_hex(0xffffff), rgb_hex(0x1f1f24, 0.9F));
    }
    // Larger clusters last, on top.
    std::reverse(instances.begin(), instances.end());
    clusters.upload(instances);
    const float window[2] = {-1.0F, 1.0F};
    clusters.draw_markers(clip, tile, window, style);
}

float MapRenderer::Impl::heat_max(const MapView& view, float radius_px) const {
    // The densest cell of a grid the kernel's size approximates the peak of the summed
    // kernels; computed over the whole view, so every tile of an image uses the same scale.
    const double cell = radius_px;
    std::unordered_map<std::uint64_t, std::uint32_t> counts;
    std::uint32_t peak = 1;
    for (std::size_t i = 0; i < table->size(); ++i) {
        if (!in_window(i, frame.window)) {
            continue;
        }
        const double px = view.pixel_x(xs[i]), py = view.pixel_y(ys[i]);
        if (px < 0 || py < 0 || px > view.width || py > view.height) {
            continue;
        }
        const auto key =
            (static_cast<std::uint64_t>(px / cell) << 32) | static_cast<std::uint64_t>(py / cell);
        peak = std::max(peak, ++counts[key]);
    }
    return static_cast<float>(peak) * 0.7F;
}

OverlayContent MapRenderer::Impl::overlay_content(const MapOptions& options,
                                                  const EventScan& scan) const {
    OverlayContent c;
    c.title = options.title;
    c.subtitle = options.subtitle;
    c.stamp = options.stamp;
    if (options.time_range) {
        c.time_range = format_day_range(frame.window);
    }
    c.heatmap = options.heatmap;
    c.shown = frame.events_in_window;
    c.articles = table ? table->article_count : 0;
    c.data_source = table ? table->data_source : std::string();
    c.legend_panel = options.legend;
    c.scale_bar = options.scale_bar;
    c.north_arrow = options.north_arrow;
    c.attribution = options.attribution;
    c.caption = options.caption;
    if (!table) {
        c.legend_heading = "Events";
        return c;
    }
    // The legend counts what the image shows: in the window and inside the view.
    const auto& per_slot = scan.per_slot;
    const auto& per_quad = scan.per_quad;
    c.shown = scan.in_view;
    c.show_planned_symbol = scan.any_planned;
    c.show_area_symbol = scan.any_area;
    c.show_coarse_symbol = scan.any_coarse;
    if (!(options.markers || options.clusters)) {
        c.legend_heading = "Events"; // a heatmap alone: no symbols to explain
        c.show_planned_symbol = c.show_area_symbol = c.show_coarse_symbol = false;
        return c;
    }
    if (options.color_by == ColorBy::quad) {
        c.legend_heading = "Events by quad class";
        for (std::size_t q : {4, 3, 2, 1, 0}) {
            if (per_quad[q] > 0) {
                const auto quad = static_cast<mapdata::QuadClass>(q);
                c.legend.push_back({mapdata::quad_class_name(quad), quad_color(quad), per_quad[q]});
            }
        }
    } else {
        c.legend_heading = "Events by type";
        for (std::size_t s = 0; s < slots.slots.size(); ++s) {
            if (per_slot[s] > 0 && !slots.slots[s].name.empty()) {
                c.legend.push_back({slots.slots[s].name, slots.slots[s].color, per_slot[s]});
            }
        }
    }
    if (!options.legend_heading.empty()) {
        c.legend_heading = options.legend_heading;
    }
    return c;
}

MapRenderer::MapRenderer(RendererSettings settings) {
    if (epoxy_gl_version() < 33) {
        throw RenderError("the current OpenGL context is older than 3.3 core");
    }
    impl_ = std::make_unique<Impl>();
    impl_->settings = std::move(settings);
    if (!impl_->settings.basemap_raster.empty()) {
        impl_->raster = std::make_unique<RasterLayer>(
            impl_->raster_program, std::make_shared<RasterSource>(impl_->settings.basemap_raster));
    }
    impl_->projection = std::make_unique<Projection>(ProjectionKind::web_mercator, 0.0);
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::set_projection(ProjectionKind kind, double lon_0, double lat_0) {
    impl_->projection = std::make_unique<Projection>(kind, lon_0, lat_0);
    impl_->project_events();
}

const Projection& MapRenderer::projection() const {
    return *impl_->projection;
}

void MapRenderer::set_events(std::shared_ptr<const mapdata::EventTable> table) {
    impl_->table = std::move(table);
    impl_->project_events();
}

const mapdata::EventTable* MapRenderer::events() const {
    return impl_->table.get();
}

const FrameInfo& MapRenderer::last_frame() const {
    return impl_->frame;
}

double MapRenderer::basemap_seconds() const {
    return impl_->basemap_seconds;
}

void MapRenderer::draw(const MapView& view, const MapOptions& options, const Tile& tile) {
    Impl& m = *impl_;
    glViewport(0, 0, tile.width, tile.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(colors::water.r, colors::water.g, colors::water.b, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    // Colour blends over; alpha accumulates to opaque, so a PNG has no see-through pixels.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const auto clip = clip_transform(view, tile);
    const float scale = options.scale;
    auto& basemap = m.basemap(detail_for(view.metres_per_pixel * scale));
    if (m.raster && options.basemap) {
        m.raster->draw(m.projection_wkt(), raster_window(view, tile));
    }
    basemap.layer->draw(clip, scale, !m.raster && options.basemap);
    if (options.graticule) {
        m.graticule.draw(*m.projection, view, clip, scale);
    }

    FontSet& font = m.font(scale);
    UiBatch labels(*font.atlas);
    UiBatch overlays(*font.atlas);
    std::vector<PixelRect> taken;

    m.frame = {};
    // Everything counted on the CPU this frame, in one pass over the events (event_scan.hpp).
    EventScan scan;
    if (m.table && m.table->size() > 0) {
        m.build_instances(options.types);
        m.frame.window = options.window.empty() ? m.data_range : options.window;
        scan = scan_events(m.scan_columns(), view, m.frame.window,
                           options.clusters ? cluster_cell_px * scale : 0.0);
        m.frame.events_in_window = scan.in_window;
    }
    // Overlays are laid out first so that labels keep clear of the panels. The attribution
    // credits GeoNames for events the gazetteer located, and for place labels: claimed while
    // they may be drawn, and the overlays laid out again without it when none was (the
    // shorter line only frees room, so the labels placed stay clear).
    auto content = m.overlay_content(options, scan);
    const bool located_by_gazetteer = content.data_source == "eventmap events";
    content.credit_geonames = located_by_gazetteer || options.place_labels;
    m.frame.overlay_area = free_area(view, options.overlay_insets);
    draw_overlays(overlays, content, view, m.frame.overlay_area, *m.projection, scale, taken);
    m.frame.overlay_rects = taken;
    const std::size_t places = m.draw_labels(labels, view, options, basemap, taken);
    if (content.credit_geonames && !located_by_gazetteer && places == 0) {
        content.credit_geonames = false;
        overlays.clear();
        m.frame.overlay_rects.clear();
        draw_overlays(overlays, content, view, m.frame.overlay_area, *m.projection, scale,
                      m.frame.overlay_rects);
    }
    m.frame.attribution = options.attribution ? attribution_text(content) : std::string();
    m.frame.legend_heading = options.legend ? content.legend_heading : std::string();
    font.layer->draw(labels, clip);

    if (m.table && m.table->size() > 0) {
        const auto origin = m.data_range.first;
        const float window[2] = {static_cast<float>(m.frame.window.first - origin),
                                 static_cast<float>(m.frame.window.last - origin)};
        const auto style = m.marker_style(options);
        if (options.heatmap) {
            const float radius = 18.0F * scale;
            m.events.draw_heatmap(clip, tile, window, style, radius, m.heat_max(view, radius));
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE,
                                GL_ONE_MINUS_SRC_ALPHA);
        }
        if (options.clusters) {
            UiBatch counts(*font.atlas);
            m.draw_clusters(std::move(scan.clusters), view, options, clip, tile, style, counts);
            font.layer->draw(counts, clip);
        } else if (options.markers) {
            m.events.draw_markers(clip, tile, window, style);
        }
    }
    UiBatch rings(*font.atlas);
    m.draw_rings(rings, view, scale);
    font.layer->draw(rings, clip);
    font.layer->draw(overlays, clip);
}

void MapRenderer::set_visible(std::shared_ptr<const std::vector<std::uint8_t>> mask) {
    impl_->visible = std::move(mask);
    impl_->instances_valid = false;
}

void MapRenderer::set_highlight(std::vector<std::size_t> rows) {
    impl_->highlight = std::move(rows);
}

void MapRenderer::set_corrected(std::vector<std::size_t> rows) {
    impl_->corrected = std::move(rows);
}

std::optional<std::size_t> MapRenderer::pick(const MapView& view, const MapOptions& options,
                                             double px, double py) const {
    const Impl& m = *impl_;
    if (!m.table || m.xs.size() != m.table->size() || m.slots.slot_of_type.empty()) {
        return std::nullopt;
    }
    const auto window = options.window.empty() ? m.data_range : options.window;
    const double reach = 8.0 * options.scale;
    std::optional<std::size_t> best;
    double best_d = reach * reach;
    for (std::size_t i = 0; i < m.table->size(); ++i) {
        if (!m.in_window(i, window)) {
            continue;
        }
        const double dx = view.pixel_x(m.xs[i]) - px, dy = view.pixel_y(m.ys[i]) - py;
        const double d = dx * dx + dy * dy;
        if (d <= best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

} // namespace eventmap::render
