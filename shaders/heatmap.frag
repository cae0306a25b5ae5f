#version 330 core
// Density to colour with a perceptually ordered ramp (yellow to dark red, readable by people
// with colour-vision deficiencies), transparent where there is nothing.
in vec2 v_uv;
uniform sampler2D u_density;
uniform float u_max;
out vec4 frag_color;
vec3 ramp(float t) {
    vec3 c0 = vec3(1.00, 0.93, 0.63);
    vec3 c1 = vec3(0.99, 0.70, 0.30);
    vec3 c2 = vec3(0.94, 0.23, 0.13);
    vec3 c3 = vec3(0.50, 0.00, 0.15);
    if (t < 0.33) return mix(c0, c1, t / 0.33);
    if (t < 0.66) return mix(c1, c2, (t - 0.33) / 0.33);
    return mix(c2, c3, (t - 0.66) / 0.34);
}
void main() {
    float d = texture(u_density, v_uv).r;
    if (d <= 0.01) {
        discard;
    }
    float t = clamp(sqrt(d / u_max), 0.0, 1.0);
    frag_color = vec4(ramp(t), smoothstep(0.0, 0.25, t) * 0.85);
}
