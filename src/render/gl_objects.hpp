// RAII for every OpenGL object the renderer creates: each handle is deleted by its owner and
// moved, never copied. GL functions come from libepoxy (the distribution's loader), which
// resolves them for whichever context is current, EGL offscreen or a viewer's window.
#pragma once

#include <epoxy/gl.h>
#include <utility>

namespace eventmap::render {

// One GL name with its delete function; 0 is "none".
template <void (*Delete)(GLuint)> class GlName {
  public:
    GlName() = default;
    explicit GlName(GLuint name) : name_(name) {}
    GlName(const GlName&) = delete;
    GlName& operator=(const GlName&) = delete;
    GlName(GlName&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
    GlName& operator=(GlName&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, 0);
        }
        return *this;
    }
    ~GlName() { reset(); }
    GLuint get() const noexcept { return name_; }
    explicit operator bool() const noexcept { return name_ != 0; }
    void reset() noexcept {
        if (name_ != 0) {
            Delete(name_);
            name_ = 0;
        }
    }

  private:
    GLuint name_ = 0;
};

namespace detail {
inline void delete_buffer(GLuint n) {
    glDeleteBuffers(1, &n);
}
inline void delete_vertex_array(GLuint n) {
    glDeleteVertexArrays(1, &n);
}
inline void delete_texture(GLuint n) {
    glDeleteTextures(1, &n);
}
inline void delete_framebuffer(GLuint n) {
    glDeleteFramebuffers(1, &n);
}
inline void delete_renderbuffer(GLuint n) {
    glDeleteRenderbuffers(1, &n);
}
inline void delete_program(GLuint n) {
    glDeleteProgram(n);
}
inline void delete_shader(GLuint n) {
    glDeleteShader(n);
}
} // namespace detail

using Buffer = GlName<detail::delete_buffer>;
using VertexArray = GlName<detail::delete_vertex_array>;
using Texture = GlName<detail::delete_texture>;
using Framebuffer = GlName<detail::delete_framebuffer>;
using Renderbuffer = GlName<detail::delete_renderbuffer>;
using ProgramName = GlName<detail::delete_program>;
using ShaderName = GlName<detail::delete_shader>;

inline Buffer make_buffer() {
    GLuint n = 0;
    glGenBuffers(1, &n);
    return Buffer(n);
}
inline VertexArray make_vertex_array() {
    GLuint n = 0;
    glGenVertexArrays(1, &n);
    return VertexArray(n);
}
inline Texture make_texture() {
    GLuint n = 0;
    glGenTextures(1, &n);
    return Texture(n);
}
inline Framebuffer make_framebuffer() {
    GLuint n = 0;
    glGenFramebuffers(1, &n);
    return Framebuffer(n);
}
inline Renderbuffer make_renderbuffer() {
    GLuint n = 0;
    glGenRenderbuffers(1, &n);
    return Renderbuffer(n);
}

} // namespace eventmap::render
