#version 330 core
// A disc with a thin outline; planned events as a ring; events located only to a country or
// region as a soft disc of their area, so they do not look like a pin on one street.
in vec2 v_uv;
flat in vec4 v_color;
flat in float v_flags;
flat in float v_radius_px;
uniform float u_outline; // pixels
out vec4 frag_color;
void main() {
    float d = length(v_uv) * (v_radius_px + 1.5); // distance from the centre in pixels
    float edge = clamp(v_radius_px + 0.5 - d, 0.0, 1.0); // anti-aliased coverage
    if (edge <= 0.0) {
        discard;
    }
    bool planned = mod(v_flags, 2.0) >= 1.0;
    bool soft = mod(v_flags, 4.0) >= 2.0;
    if (soft) {
        float t = d / max(v_radius_px, 1.0);
        float a = 0.42 * (1.0 - smoothstep(0.35, 1.0, t));
        frag_color = vec4(v_color.rgb, a * edge);
        return;
    }
    float ring = v_radius_px - u_outline;
    if (planned) {
        float inner = clamp(d - (v_radius_px - 2.2 * u_outline) + 0.5, 0.0, 1.0);
        frag_color = vec4(v_color.rgb, edge * inner);
        return;
    }
    vec3 outline = vec3(0.12, 0.12, 0.14);
    vec3 rgb = d > ring ? outline : v_color.rgb;
    frag_color = vec4(rgb, edge); // opaque inside the rim, as point_marker.frag
}
