#include "view/viewer_surface.hpp"

#include "render/render_error.hpp"

#include <cmath>

namespace eventmap::view {

bool MapSurface::resize(int width, int height) {
    if (fbo_ && width == width_ && height == height_) {
        return false;
    }
    // One sample: the screen is redrawn while panning, where smoothness costs more than edges
    // gain under a software rasteriser. Saved images keep the renderer's multisampling.
    color_ = render::make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, color_.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    fbo_ = render::make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        fbo_.reset();
        throw render::RenderError("cannot make the map's " + std::to_string(width) + "x" +
                                  std::to_string(height) + " framebuffer");
    }
    width_ = width;
    height_ = height;
    return true;
}

void MapSurface::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.get());
}

void MapSurface::blit(int x, int y, int window_height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    const int bottom = window_height - y - height_;
    glBlitFramebuffer(0, 0, width_, height_, x, bottom, x + width_, bottom + height_,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void MapSurface::blit_moved(int x, int y, int window_height, double left, double top, double right,
                            double bottom) const {
    const int map_bottom = window_height - y - height_;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, map_bottom, width_, height_);
    glClearColor(0.11f, 0.13f, 0.16f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.get());
    const auto gx = [&](double px) { return x + static_cast<int>(std::lround(px)); };
    const auto gy = [&](double py) {
        return window_height - y - static_cast<int>(std::lround(py));
    };
    glBlitFramebuffer(0, 0, width_, height_, gx(left), gy(bottom), gx(right), gy(top),
                      GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

} // namespace eventmap::view
