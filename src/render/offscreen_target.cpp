#include "render/offscreen_target.hpp"

#include "render/render_error.hpp"

#include <algorithm>
#include <cstring>

namespace eventmap::render {

namespace {

void attach(Framebuffer& fbo, Renderbuffer& color, int width, int height, int samples) {
    fbo = make_framebuffer();
    color = make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, color.get());
    if (samples > 1) {
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    } else {
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, fbo.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color.get());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        throw RenderError("the OpenGL driver cannot make a " + std::to_string(width) + "x" +
                          std::to_string(height) + " framebuffer");
    }
}

} // namespace

int max_tile_size() {
    GLint renderbuffer = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    return std::min({4096, static_cast<int>(renderbuffer), static_cast<int>(viewport[0]),
                     static_cast<int>(viewport[1])});
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples)
    : width_(width), height_(height) {
    GLint max_samples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    samples_ = std::clamp(samples, 1, static_cast<int>(max_samples));
    attach(resolve_fbo_, resolve_color_, width, height, 1);
    if (samples_ > 1) {
        attach(msaa_fbo_, msaa_color_, width, height, samples_);
    }
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 1 ? msaa_fbo_.get() : resolve_fbo_.get());
}

void OffscreenTarget::read(std::uint8_t* out) const {
    if (samples_ > 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.get());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.get());
        glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    const auto row = static_cast<std::size_t>(width_) * 4;
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, out);
    if (glGetError() != GL_NO_ERROR) {
        throw RenderError("reading the rendered image back failed");
    }
    // GL's rows run bottom-up, images top-down: flipped in place, one row of scratch (no
    // second copy of a 4096 px tile's 64 MiB).
    std::vector<std::uint8_t> scratch(row);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* top = out + static_cast<std::size_t>(y) * row;
        std::uint8_t* bottom = out + static_cast<std::size_t>(height_ - 1 - y) * row;
        std::memcpy(scratch.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, scratch.data(), row);
    }
    bind();
}

} // namespace eventmap::render
