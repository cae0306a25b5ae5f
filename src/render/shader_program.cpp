#include "render/shader_program.hpp"

#include "render/render_error.hpp"
#include "render/shader_sources.hpp"

#include <vector>

namespace eventmap::render {

namespace {

std::string_view source_named(const std::string& name) {
    for (const auto& s : shader_sources()) {
        if (s.name == name) {
            return s.text;
        }
    }
    throw RenderError("no embedded shader named " + name);
}

ShaderName compile(GLenum stage, const std::string& name) {
    ShaderName shader(glCreateShader(stage));
    const auto text = source_named(name);
    const char* data = text.data();
    const auto length = static_cast<GLint>(text.size());
    glShaderSource(shader.get(), 1, &data, &length);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint size = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &size);
        std::vector<char> log(static_cast<std::size_t>(size) + 1, '\0');
        glGetShaderInfoLog(shader.get(), size, nullptr, log.data());
        throw RenderError("shader " + name + " does not compile: " + log.data());
    }
    return shader;
}

} // namespace

ShaderProgram::ShaderProgram(const std::string& vertex, const std::string& fragment)
    : program_(glCreateProgram()) {
    const auto vs = compile(GL_VERTEX_SHADER, vertex);
    const auto fs = compile(GL_FRAGMENT_SHADER, fragment);
    glAttachShader(program_.get(), vs.get());
    glAttachShader(program_.get(), fs.get());
    glLinkProgram(program_.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint size = 0;
        glGetProgramiv(program_.get(), GL_INFO_LOG_LENGTH, &size);
        std::vector<char> log(static_cast<std::size_t>(size) + 1, '\0');
        glGetProgramInfoLog(program_.get(), size, nullptr, log.data());
        throw RenderError("shaders " + vertex + " + " + fragment + " do not link: " + log.data());
    }
    glDetachShader(program_.get(), vs.get());
    glDetachShader(program_.get(), fs.get());
}

GLint ShaderProgram::uniform(const char* name) {
    const auto found = uniforms_.find(name);
    if (found != uniforms_.end()) {
        return found->second;
    }
    const GLint location = glGetUniformLocation(program_.get(), name);
    uniforms_.emplace(name, location);
    return location;
}

} // namespace eventmap::render
