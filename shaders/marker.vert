#version 330 core
// Event markers, one instance per event. The time window is a uniform over day offsets from
// the data's first day: moving it changes two numbers, no buffer is rebuilt. An event outside
// the window (or of a hidden slot) collapses to a point outside clip space.
layout(location = 0) in vec2 a_position;  // projected metres
layout(location = 1) in vec2 a_days;      // first and last day, offsets from the origin
layout(location = 2) in vec4 a_style;     // slot, quad class, flags (1 planned, 2 soft, 4 coarse),
                                          // sources
layout(location = 3) in float a_radius_m; // soft disc radius in projected metres (0: a point)

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_pixel;
uniform vec2 u_window;      // inclusive day offsets
uniform float u_size;       // base marker radius in pixels (already DPI-scaled)
uniform float u_coarse_white; // share of white in a month- or year-dated event's colour
uniform int u_color_by;     // 0 slot (event type), 1 quad class
uniform vec4 u_slot_colors[16];
uniform vec4 u_quad_colors[5];
uniform float u_slot_visible[16];

out vec2 v_uv;
flat out vec4 v_color;
flat out float v_flags;
flat out float v_radius_px;

void main() {
    int slot = int(a_style.x);
    bool inside = a_days.y >= u_window.x && a_days.x <= u_window.y && u_slot_visible[slot] > 0.5;
    if (!inside) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    v_flags = a_style.z;
    v_color = u_color_by == 0 ? u_slot_colors[slot] : u_quad_colors[int(a_style.y)];
    // Dated only to a month or year (flag 4): the colour goes lighter, the disc stays opaque
    // (render/marker_occlusion culls under opaque interiors). marker.frag decodes 1 and 2 with
    // mod 2 and mod 4, which the 4 leaves alone.
    if (mod(a_style.z, 8.0) >= 4.0) {
        v_color.rgb = mix(v_color.rgb, vec3(1.0), u_coarse_white);
    }
    // Size grows with the number of reports, slowly: 1, 2, 4, 8 sources -> 1, 1.35, 1.7, 2.05.
    float r = u_size * (1.0 + 0.35 * log2(max(a_style.w, 1.0)));
    bool soft = mod(a_style.z, 4.0) >= 2.0;
    if (soft) {
        float r_area = a_radius_m * u_scale.x / u_pixel.x;
        r = max(r * 1.6, r_area);
    }
    v_radius_px = r;
    int corner = gl_VertexID;
    vec2 uv = vec2((corner & 1) == 0 ? -1.0 : 1.0, (corner & 2) == 0 ? -1.0 : 1.0);
    v_uv = uv;
    vec2 centre = a_position * u_scale + u_offset;
    gl_Position = vec4(centre + uv * (r + 1.5) * u_pixel, 0.0, 1.0);
}
