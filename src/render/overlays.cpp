#include "render/overlays.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::render {

std::string format_count(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

std::string format_distance(double metres) {
    if (metres < 1000) {
        return format_count(static_cast<std::uint64_t>(std::lround(metres))) + " m";
    }
    return format_count(static_cast<std::uint64_t>(std::lround(metres / 1000))) + " km";
}

ScaleBar scale_bar_for(const MapView& view, const Projection& projection, double max_px) {
    const double cx = view.width / 2.0, cy = view.height / 2.0;
    const double half = max_px / 2;
    const auto a = projection.inverse(view.x_at(cx - half), view.y_at(cy));
    const auto b = projection.inverse(view.x_at(cx + half), view.y_at(cy));
    if (!a || !b) {
        return {};
    }
    const double metres_per_px =
        geodesic_distance_m(a->first, a->second, b->first, b->second) / max_px;
    if (!(metres_per_px > 0)) {
        return {};
    }
    const double max_m = metres_per_px * max_px;
    double step = std::pow(10.0, std::floor(std::log10(max_m)));
    for (const double f : {5.0, 2.0, 1.0}) {
        if (f * step <= max_m) {
            step *= f;
            break;
        }
    }
    return {step, step / metres_per_px};
}

namespace {

struct Layout {
    UiBatch& batch;
    const FontAtlas& font;
    float s;        // DPI scale
    float margin;   // from the free area's edge
    float pad;      // inside panels
    PixelRect area; // where the overlays may go (the image less the viewer's panels)
};

void panel(Layout& l, const PixelRect& r, std::vector<PixelRect>& taken) {
    l.batch.rect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, colors::panel);
    l.batch.frame(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, std::max(1.0F, 0.75F * l.s),
                  colors::panel_edge);
    taken.push_back(r);
}

void title_block(Layout& l, const OverlayContent& c, std::vector<PixelRect>& taken) {
    struct Line {
        Face face;
        const std::string* text;
        Rgba color;
    };
    std::vector<Line> lines;
    if (!c.title.empty()) {
        lines.push_back({Face::title, &c.title, colors::text});
    }
    if (!c.subtitle.empty()) {
        lines.push_back({Face::subtitle, &c.subtitle, colors::text});
    }
    if (!c.time_range.empty()) {
        lines.push_back({Face::body, &c.time_range, colors::muted_text});
    }
    if (lines.empty()) {
        return;
    }
    float width = 0, height = 0;
    for (const auto& line : lines) {
        width = std::max(width, l.font.measure(line.face, *line.text));
        height += l.font.pixel_size(line.face) * 1.3F;
    }
    const float x0 = l.area.x0 + l.margin, y0 = l.area.y0 + l.margin;
    const PixelRect r{x0, y0, x0 + width + 2 * l.pad, y0 + height + 1.4F * l.pad};
    panel(l, r, taken);
    float y = y0 + l.pad * 0.7F;
    for (const auto& line : lines) {
        y += l.font.pixel_size(line.face) * 1.3F;
        l.batch.text(line.face, *line.text, x0 + l.pad, y - l.font.pixel_size(line.face) * 0.3F,
                     line.color);
    }
}

void legend_block(Layout& l, const OverlayContent& c, std::vector<PixelRect>& taken) {
    const float row = l.font.pixel_size(Face::body) * 1.55F;
    const float sym = 5.0F * l.s;
    std::vector<std::pair<std::string, std::string>> texts; // name, count
    for (const auto& r : c.legend) {
        texts.emplace_back(r.name, format_count(r.count));
    }
    float name_w = l.font.measure(Face::body_bold, c.legend_heading);
    float count_w = 0;
    for (const auto& [name, count] : texts) {
        name_w = std::max(name_w, l.font.measure(Face::body, name) + 3 * sym);
        count_w = std::max(count_w, l.font.measure(Face::body, count));
    }
    const std::string planned = "planned or expected";
    const std::string area = "located to a region or country";
    const std::string coarse = "dated to a month or year";
    const std::string density = "event density";
    if (c.show_planned_symbol) {
        name_w = std::max(name_w, l.font.measure(Face::small, planned) + 3 * sym);
    }
    if (c.show_area_symbol) {
        name_w = std::max(name_w, l.font.measure(Face::small, area) + 3 * sym);
    }
    if (c.show_coarse_symbol) {
        name_w = std::max(name_w, l.font.measure(Face::small, coarse) + 3 * sym);
    }
    std::string caption;
    if (c.caption) {
        caption = format_count(c.shown) + (c.shown == 1 ? " event shown" : " events shown");
        if (c.articles > 0) {
            // The articles are those behind the whole data set, not only the events in view.
            caption += " \xC2\xB7 " + format_count(c.articles) +
                       (c.articles == 1 ? " article in the data" : " articles in the data");
        }
    }
    const float width =
        std::max(name_w + 2 * l.pad + count_w, l.font.measure(Face::small, caption)) + 2 * l.pad;
    int rows = static_cast<int>(c.legend.size()) + 1 + (c.show_planned_symbol ? 1 : 0) +
               (c.show_area_symbol ? 1 : 0) + (c.show_coarse_symbol ? 1 : 0) + (c.heatmap ? 1 : 0) +
               (caption.empty() ? 0 : 1);
    const float height = static_cast<float>(rows) * row + 1.2F * l.pad;
    const float x = l.area.x0 + l.margin;
    const float y = l.area.y1 - l.margin - height;
    panel(l, {x, y, x + width, y + height}, taken);
    float baseline = y + l.pad * 0.6F + row * 0.75F;
    l.batch.text(Face::body_bold, c.legend_heading, x + l.pad, baseline, colors::text);
    for (std::size_t i = 0; i < c.legend.size(); ++i) {
        baseline += row;
        const float cy = baseline - l.font.pixel_size(Face::body) * 0.35F;
        l.batch.disc(x + l.pad + sym, cy, sym + 0.8F * l.s, rgb_hex(0x1f1f24));
        l.batch.disc(x + l.pad + sym, cy, sym, c.legend[i].color);
        l.batch.text(Face::body, texts[i].first, x + l.pad + 3 * sym, baseline, colors::text);
        const float cw = l.font.measure(Face::body, texts[i].second);
        l.batch.text(Face::body, texts[i].second, x + width - l.pad - cw, baseline, colors::text);
    }
    const Rgba symbol = rgb_hex(0x555555);
    if (c.show_planned_symbol) {
        baseline += row;
        const float cy = baseline - l.font.pixel_size(Face::small) * 0.35F;
        l.batch.ring(x + l.pad + sym, cy, sym, 1.6F * l.s, symbol);
        l.batch.text(Face::small, planned, x + l.pad + 3 * sym, baseline, colors::muted_text);
    }
    if (c.show_area_symbol) {
        baseline += row;
        const float cy = baseline - l.font.pixel_size(Face::small) * 0.35F;
        l.batch.disc(x + l.pad + sym, cy, sym * 1.4F, rgb_hex(0x555555, 0.18F));
        l.batch.disc(x + l.pad + sym, cy, sym * 0.9F, rgb_hex(0x555555, 0.25F));
        l.batch.text(Face::small, area, x + l.pad + 3 * sym, baseline, colors::muted_text);
    }
    if (c.show_coarse_symbol) {
        // Two small outlined discs, grey and then the same grey mixed toward white as the
        // shaders do: "the type's colour, lighter", without naming a type.
        baseline += row;
        const float cy = baseline - l.font.pixel_size(Face::small) * 0.35F;
        const float r = sym * 0.6F;
        const Rgba grey = rgb_hex(0x6a6a6a);
        for (int k = 0; k < 2; ++k) {
            const float cx = x + l.pad + r + static_cast<float>(k) * 1.15F * sym;
            l.batch.disc(cx, cy, r + 0.8F * l.s, rgb_hex(0x1f1f24));
            l.batch.disc(cx, cy, r, k == 0 ? grey : lighter_for_coarse_date(grey));
        }
        l.batch.text(Face::small, coarse, x + l.pad + 3 * sym, baseline, colors::muted_text);
    }
    if (c.heatmap) {
        baseline += row;
        const float cy = baseline - l.font.pixel_size(Face::small) * 0.35F;
        const std::uint32_t ramp[] = {0xffeea0, 0xfcb34c, 0xf03b21, 0x800026};
        for (int i = 0; i < 4; ++i) {
            l.batch.rect(x + l.pad + static_cast<float>(i) * sym * 0.5F, cy - sym * 0.6F,
                         sym * 0.5F, sym * 1.2F, rgb_hex(ramp[i]));
        }
        l.batch.text(Face::small, density, x + l.pad + 3 * sym, baseline, colors::muted_text);
    }
    if (!caption.empty()) {
        baseline += row;
        l.batch.text(Face::small, caption, x + l.pad, baseline, colors::muted_text);
    }
}

void north_arrow(Layout& l, std::vector<PixelRect>& taken) {
    const float h = 26 * l.s, w = 10 * l.s;
    const float cx = l.area.x1 - l.margin - w;
    const float top = l.area.y0 + l.margin + l.font.pixel_size(Face::body_bold) * 1.2F;
    l.batch.disc(cx, top + h * 0.55F, h * 0.75F, colors::panel);
    l.batch.triangle(cx, top, cx - w / 2 - 2 * l.s, top + h, cx, top + h * 0.75F, colors::text);
    l.batch.triangle(cx, top, cx, top + h * 0.75F, cx + w / 2 + 2 * l.s, top + h,
                     rgb_hex(0x8a8a8a));
    const float nw = l.font.measure(Face::body_bold, "N");
    l.batch.text_with_halo(Face::body_bold, "N", cx - nw / 2, top - 2 * l.s, colors::text,
                           colors::halo);
    taken.push_back({cx - h, l.area.y0 + l.margin, cx + h, top + h * 1.4F});
}

void scale_and_attribution(Layout& l, const OverlayContent& c, const MapView& view,
                           const Projection& projection, std::vector<PixelRect>& taken) {
    const float right = l.area.x1 - l.margin;
    float bottom = l.area.y1 - l.margin * 0.6F;
    if (c.attribution) {
        const std::string text = attribution_text(c);
        const float w = l.font.measure(Face::small, text);
        const float h = l.font.pixel_size(Face::small);
        l.batch.rect(right - w - l.pad * 0.6F, bottom - h * 1.25F, w + l.pad * 0.6F, h * 1.5F,
                     colors::panel);
        l.batch.text(Face::small, text, right - w - l.pad * 0.3F, bottom, colors::muted_text);
        taken.push_back({right - w - l.pad, bottom - h * 1.3F, right, bottom + h * 0.3F});
        bottom -= h * 1.9F;
    }
    if (!c.scale_bar) {
        return;
    }
    const auto bar = scale_bar_for(view, projection, 130.0 * l.s);
    if (bar.pixels <= 0) {
        return;
    }
    const auto len = static_cast<float>(bar.pixels);
    const float thick = 4 * l.s;
    const std::string label = format_distance(bar.metres);
    const float lw = l.font.measure(Face::small, label);
    const float x0 = right - len - lw - 6 * l.s;
    const float y = bottom - thick;
    l.batch.rect(x0 - 4 * l.s, y - thick * 2.2F, len + lw + 14 * l.s, thick * 3.6F, colors::panel);
    l.batch.rect(x0, y, len / 2, thick, colors::text);
    l.batch.rect(x0 + len / 2, y, len / 2, thick, rgb_hex(0xffffff));
    l.batch.frame(x0, y, len, thick, std::max(1.0F, 0.8F * l.s), colors::text);
    l.batch.text(Face::small, label, x0 + len + 5 * l.s, y + thick, colors::text);
    taken.push_back({x0 - 4 * l.s, y - thick * 2.2F, right, y + thick * 1.4F});
}

void stamp_block(Layout& l, const OverlayContent& c, std::vector<PixelRect>& taken) {
    if (c.stamp.empty()) {
        return;
    }
    const float w = l.font.measure(Face::title, c.stamp);
    const float h = l.font.pixel_size(Face::title);
    const float x = l.area.x1 - l.margin - 40 * l.s - w - 2 * l.pad;
    const float y = l.area.y0 + l.margin;
    const PixelRect r{x, y, x + w + 2 * l.pad, y + h * 1.3F + l.pad};
    panel(l, r, taken);
    l.batch.text(Face::title, c.stamp, x + l.pad, y + l.pad * 0.5F + h, colors::text);
}

} // namespace

std::string attribution_text(const OverlayContent& c) {
    std::string text = "Basemap: Natural Earth";
    if (c.credit_geonames) {
        text += " \xC2\xB7 Places: GeoNames";
    }
    if (!c.data_source.empty()) {
        text += " \xC2\xB7 Data: " + c.data_source;
    }
    return text;
}

PixelRect free_area(const MapView& view, const PixelInsets& insets) {
    const auto w = static_cast<float>(view.width), h = static_cast<float>(view.height);
    PixelRect r{std::clamp(insets.left, 0.0F, w - 1), std::clamp(insets.top, 0.0F, h - 1),
                w - std::max(insets.right, 0.0F), h - std::max(insets.bottom, 0.0F)};
    r.x1 = std::max(r.x1, r.x0 + 1);
    r.y1 = std::max(r.y1, r.y0 + 1);
    return r;
}

void draw_overlays(UiBatch& batch, const OverlayContent& content, const MapView& view,
                   const PixelRect& area, const Projection& projection, float scale,
                   std::vector<PixelRect>& taken) {
    Layout l{batch, batch.font(), scale, 14 * scale, 10 * scale, area};
    title_block(l, content, taken);
    stamp_block(l, content, taken);
    if (content.north_arrow) {
        north_arrow(l, taken);
    }
    if (content.legend_panel && (!content.legend.empty() || content.caption)) {
        legend_block(l, content, taken);
    }
    scale_and_attribution(l, content, view, projection, taken);
}

} // namespace eventmap::render
