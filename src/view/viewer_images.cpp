// Images from the viewer: a screenshot of the window (what the user sees, panels included) and
// "save image", the map alone drawn again by the renderer offscreen with the screen's options.
#include "render/image_writers.hpp"
#include "render/offscreen_target.hpp"
#include "view/viewer_app.hpp"

#include <algorithm>
#include <epoxy/gl.h>

namespace eventmap::view {

void ViewerApp::screenshot(const std::string& path) {
    const int w = fb_w_, h = fb_h_;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's rows run bottom-up; files run top-down.
    std::vector<std::uint8_t> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y) {
        std::copy_n(&pixels[static_cast<std::size_t>(h - 1 - y) * row], row, &flipped[y * row]);
    }
    auto writer = render::png_writer(path, w, h, {{"Software", "eventmap view"}});
    writer->write_rows(flipped.data(), h);
    writer->finish();
}

ImageSettings ViewerApp::save_image(const std::string& path, const ImageSettings& image) {
    const ImageSettings drawn =
        resolve_image(image, ui_.map.width, ui_.map.height, ui_.options.scale);
    render::MapView view = ui_.map;
    // Same centre, same ground shown across the width.
    view.metres_per_pixel *= static_cast<double>(ui_.map.width) / drawn.width;
    view.width = drawn.width;
    view.height = drawn.height;
    render::MapOptions options = ui_.options;
    options.scale = drawn.scale;
    render::OffscreenTarget target(view.width, view.height);
    target.bind();
    renderer_->draw(view, options, {0, 0, view.width, view.height});
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(view.width) * view.height * 4);
    target.read(rgba.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    std::string sources;
    for (const auto& source : options_.sources) {
        sources += (sources.empty() ? "" : ", ") + source;
    }
    auto writer = render::png_writer(path, view.width, view.height,
                                     {{"Software", "eventmap view"}, {"Source", sources}});
    writer->write_rows(rgba.data(), view.height);
    writer->finish();
    return drawn;
}

} // namespace eventmap::view
