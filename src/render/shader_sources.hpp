// The GLSL sources of shaders/, embedded at build time (embed_shaders.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace eventmap::render {

struct ShaderSource {
    std::string_view name; // file name: "marker.vert"
    std::string_view text;
};

const std::vector<ShaderSource>& shader_sources();

} // namespace eventmap::render
