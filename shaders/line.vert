#version 330 core
// Stroked segments: one instance per segment, expanded here into a quad u_width pixels wide
// (core profile has no wide lines), with square caps so consecutive segments join.
layout(location = 0) in vec4 a_segment; // x0, y0, x1, y1 in projected metres
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_pixel; // clip-space size of one pixel
uniform float u_width; // pixels
void main() {
    vec2 p0 = a_segment.xy * u_scale + u_offset;
    vec2 p1 = a_segment.zw * u_scale + u_offset;
    vec2 d = (p1 - p0) / u_pixel; // in pixels
    float len = length(d);
    vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    int corner = gl_VertexID;
    float along = (corner == 0 || corner == 1) ? -0.5 : len + 0.5;
    float side = (corner == 0 || corner == 2) ? -0.5 : 0.5;
    vec2 offset_px = dir * along + normal * side * u_width;
    gl_Position = vec4(p0 + offset_px * u_pixel, 0.0, 1.0);
}
