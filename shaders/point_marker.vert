#version 330 core
// Event markers as point sprites: one vertex per event where the instanced quad took four, so
// llvmpipe's vertex stage (most of a frame of 100,000 markers) does a quarter of the work.
// Same look as marker.vert: the fragment shader draws the disc, ring or outline inside the
// sprite. Events located only to an area are not drawn here (their discs can be larger than
// a point may be); the quad program draws them, under these.
layout(location = 0) in vec2 a_position; // projected metres
layout(location = 1) in vec2 a_days;     // first and last day, offsets from the origin
layout(location = 2) in vec4 a_style;    // slot, quad class, flags (1 planned, 4 coarse), sources

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_window;      // inclusive day offsets
uniform float u_size;       // base marker radius in pixels (already DPI-scaled)
uniform float u_coarse_white; // share of white in a month- or year-dated event's colour
uniform int u_color_by;     // 0 slot (event type), 1 quad class
uniform vec4 u_slot_colors[16];
uniform vec4 u_quad_colors[5];
uniform float u_slot_visible[16];
uniform vec4 u_viewport; // x, y, width, height in window pixels

flat out vec4 v_color_radius; // rgb, radius in pixels, negated for a planned event's ring
flat out vec2 v_centre;       // window pixels: the fragment shader measures from gl_FragCoord

void main() {
    int slot = int(a_style.x);
    bool inside = a_days.y >= u_window.x && a_days.x <= u_window.y && u_slot_visible[slot] > 0.5;
    if (!inside) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        gl_PointSize = 1.0;
        return;
    }
    bool planned = mod(a_style.z, 2.0) >= 1.0;
    bool coarse = mod(a_style.z, 8.0) >= 4.0; // dated to a month or year: lighter, still opaque
    vec4 color = u_color_by == 0 ? u_slot_colors[slot] : u_quad_colors[int(a_style.y)];
    if (coarse) {
        color.rgb = mix(color.rgb, vec3(1.0), u_coarse_white);
    }
    // Size grows with the number of reports, slowly: 1, 2, 4, 8 sources -> 1, 1.35, 1.7, 2.05.
    float r = u_size * (1.0 + 0.35 * log2(max(a_style.w, 1.0)));
    v_color_radius = vec4(color.rgb, planned ? -r : r);
    // Only pixels whose centre lies within r + 0.5 of the marker's centre get coverage, and a
    // point covers the pixels whose centres fall in its square: 2r + 1 is the smallest sprite
    // that holds the disc. A larger one only shaded fragments the disc discards (2r + 3 cost
    // half again as many 4x4 blocks at r = 4.5).
    gl_PointSize = 2.0 * (r + 0.5);
    vec2 ndc = a_position * u_scale + u_offset;
    v_centre = u_viewport.xy + (ndc * 0.5 + 0.5) * u_viewport.zw;
    gl_Position = vec4(ndc, 0.0, 1.0);
}
