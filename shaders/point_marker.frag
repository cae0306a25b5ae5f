#version 330 core
// marker.frag's disc with a thin outline, and ring for planned events, inside a point sprite.
// The distance is measured from the marker's centre in window pixels, not through
// gl_PointCoord: llvmpipe's point coordinates sit half a pixel off, which moved every disc.
// Two varyings, not four: llvmpipe sets up and bins every input of every point.
// A disc is opaque inside its anti-aliased rim (alpha 1, not the 0.92 of before): a marker
// under another's interior then changes no pixel, so the hidden ones are left out before the
// draw (render/marker_occlusion.hpp). The CPU's interior test is `edge == 1` below.
flat in vec4 v_color_radius; // rgb, radius in pixels (negative: a planned event's ring)
flat in vec2 v_centre;       // window pixels
uniform float u_outline;     // pixels
out vec4 frag_color;
void main() {
    float radius = abs(v_color_radius.w);
    float d = length(gl_FragCoord.xy - v_centre); // distance from the centre in pixels
    float edge = clamp(radius + 0.5 - d, 0.0, 1.0); // anti-aliased coverage
    if (edge <= 0.0) {
        discard;
    }
    if (v_color_radius.w < 0.0) {
        float inner = clamp(d - (radius - 2.2 * u_outline) + 0.5, 0.0, 1.0);
        frag_color = vec4(v_color_radius.rgb, edge * inner);
        return;
    }
    vec3 rgb = d > radius - u_outline ? vec3(0.12, 0.12, 0.14) : v_color_radius.rgb;
    frag_color = vec4(rgb, edge);
}
