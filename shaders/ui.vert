#version 330 core
// Overlays and labels in image pixels (top-left origin): panels, symbols and text.
layout(location = 0) in vec2 a_position; // pixels
layout(location = 1) in vec2 a_uv;       // atlas texel coordinates; u < 0 for a solid colour
layout(location = 2) in vec4 a_color;
uniform vec2 u_origin; // the tile's top-left pixel
uniform vec2 u_pixel;  // clip-space size of one pixel
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    vec2 p = a_position - u_origin;
    gl_Position = vec4(-1.0 + p.x * u_pixel.x, 1.0 - p.y * u_pixel.y, 0.0, 1.0);
}
