#include "render/ui_batch.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::render {

namespace {
std::uint8_t byte(float v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0F, 1.0F) * 255.0F));
}
constexpr float pi = 3.14159265358979F;
} // namespace

void UiBatch::push(float x, float y, float u, float v, Rgba c) {
    vertices_.push_back({x, y, u, v, byte(c.r), byte(c.g), byte(c.b), byte(c.a)});
}

void UiBatch::triangle(float x0, float y0, float x1, float y1, float x2, float y2, Rgba color) {
    push(x0, y0, -1, 0, color);
    push(x1, y1, -1, 0, color);
    push(x2, y2, -1, 0, color);
}

void UiBatch::rect(float x, float y, float w, float h, Rgba color) {
    triangle(x, y, x + w, y, x + w, y + h, color);
    triangle(x, y, x + w, y + h, x, y + h, color);
}

void UiBatch::frame(float x, float y, float w, float h, float width, Rgba color) {
    rect(x, y, w, width, color);
    rect(x, y + h - width, w, width, color);
    rect(x, y + width, width, h - 2 * width, color);
    rect(x + w - width, y + width, width, h - 2 * width, color);
}

void UiBatch::disc(float cx, float cy, float radius, Rgba color) {
    const int n = std::clamp(static_cast<int>(radius * 1.5F), 12, 64);
    for (int i = 0; i < n; ++i) {
        const float a0 = 2 * pi * static_cast<float>(i) / static_cast<float>(n);
        const float a1 = 2 * pi * static_cast<float>(i + 1) / static_cast<float>(n);
        triangle(cx, cy, cx + radius * std::cos(a0), cy + radius * std::sin(a0),
                 cx + radius * std::cos(a1), cy + radius * std::sin(a1), color);
    }
}

void UiBatch::ring(float cx, float cy, float radius, float width, Rgba color) {
    const int n = std::clamp(static_cast<int>(radius * 1.5F), 12, 64);
    const float inner = radius - width;
    for (int i = 0; i < n; ++i) {
        const float a0 = 2 * pi * static_cast<float>(i) / static_cast<float>(n);
        const float a1 = 2 * pi * static_cast<float>(i + 1) / static_cast<float>(n);
        const float c0 = std::cos(a0), s0 = std::sin(a0), c1 = std::cos(a1), s1 = std::sin(a1);
        triangle(cx + inner * c0, cy + inner * s0, cx + radius * c0, cy + radius * s0,
                 cx + radius * c1, cy + radius * s1, color);
        triangle(cx + inner * c0, cy + inner * s0, cx + radius * c1, cy + radius * s1,
                 cx + inner * c1, cy + inner * s1, color);
    }
}

void UiBatch::line(float x0, float y0, float x1, float y1, float width, Rgba color) {
    const float dx = x1 - x0, dy = y1 - y0;
    const float len = std::hypot(dx, dy);
    if (len <= 0) {
        return;
    }
    const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    triangle(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, color);
    triangle(x0 + nx, y0 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny, color);
}

float UiBatch::text(Face face, std::string_view utf8, float x, float y, Rgba color) {
    font_.layout(face, utf8, x, y, [&](const GlyphQuad& q) {
        push(q.x0, q.y0, q.u0, q.v0, color);
        push(q.x1, q.y0, q.u1, q.v0, color);
        push(q.x1, q.y1, q.u1, q.v1, color);
        push(q.x0, q.y0, q.u0, q.v0, color);
        push(q.x1, q.y1, q.u1, q.v1, color);
        push(q.x0, q.y1, q.u0, q.v1, color);
    });
    return font_.measure(face, utf8);
}

float UiBatch::text_with_halo(Face face, std::string_view utf8, float x, float y, Rgba color,
                              Rgba halo) {
    const float d = std::max(1.0F, font_.scale());
    const float offsets[8][2] = {{-d, 0},  {d, 0}, {0, -d}, {0, d},
                                 {-d, -d}, {d, d}, {-d, d}, {d, -d}};
    for (const auto& o : offsets) {
        text(face, utf8, x + o[0], y + o[1], halo);
    }
    return text(face, utf8, x, y, color);
}

} // namespace eventmap::render
