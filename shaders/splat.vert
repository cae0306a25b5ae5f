#version 330 core
// Heatmap density: each event in the window adds a Gaussian kernel of u_radius pixels.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_days;
layout(location = 2) in vec4 a_style;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_pixel;
uniform vec2 u_window;
uniform float u_radius;
uniform float u_slot_visible[16];
out vec2 v_uv;
void main() {
    bool inside = a_days.y >= u_window.x && a_days.x <= u_window.y &&
                  u_slot_visible[int(a_style.x)] > 0.5;
    if (!inside) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    int corner = gl_VertexID;
    vec2 uv = vec2((corner & 1) == 0 ? -1.0 : 1.0, (corner & 2) == 0 ? -1.0 : 1.0);
    v_uv = uv;
    gl_Position = vec4(a_position * u_scale + u_offset + uv * u_radius * u_pixel, 0.0, 1.0);
}
