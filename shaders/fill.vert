#version 330 core
// Basemap fill: projected metres to clip space through one scale and offset (the view).
layout(location = 0) in vec2 a_position;
uniform vec2 u_scale;
uniform vec2 u_offset;
void main() {
    gl_Position = vec4(a_position * u_scale + u_offset, 0.0, 1.0);
}
