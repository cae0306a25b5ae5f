// A linked GLSL program from two embedded shader files, with its uniform locations looked up
// once by name.
#pragma once

#include "render/gl_objects.hpp"

#include <string>
#include <unordered_map>

namespace eventmap::render {

class ShaderProgram {
  public:
    // Compiles "<name>.vert" and "<name>.frag"; throws RenderError with the driver's log.
    ShaderProgram(const std::string& vertex, const std::string& fragment);

    void use() const { glUseProgram(program_.get()); }
    // -1 when the program has no such active uniform (GL ignores uploads to -1).
    GLint uniform(const char* name);

  private:
    ProgramName program_;
    std::unordered_map<std::string, GLint> uniforms_;
};

} // namespace eventmap::render
