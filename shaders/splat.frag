#version 330 core
in vec2 v_uv;
out vec4 frag_color;
void main() {
    float d2 = dot(v_uv, v_uv);
    if (d2 > 1.0) {
        discard;
    }
    frag_color = vec4(exp(-4.0 * d2), 0.0, 0.0, 1.0);
}
