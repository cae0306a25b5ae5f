// Hi-DPI: the scales, fonts and ImGui sizes, set at start-up and again whenever GLFW reports
// another window content scale (display_scale.hpp has the numbers, viewer_ui.hpp what each
// scale is for).
#include "view/viewer_app.hpp"

#include <GLFW/glfw3.h>
#include <cmath>
#include <filesystem>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace eventmap::view {

namespace {

// The font is rasterised at `pixels` framebuffer pixels and drawn at `pixels / pixel_ratio`
// window coordinates: sharp where a window coordinate is several pixels.
void load_fonts(float pixels_scale, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    // Latin, Latin Extended, Greek, Cyrillic: place names in most news; Hebrew, Arabic and
    // the Arabic presentation forms that panel_text.hpp shapes Arabic into. ImGui packs only
    // the glyphs the font has.
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x0590,
                                     0x05FF, 0x0600, 0x06FF, 0x1E00, 0x1EFF, 0x2000, 0x206F,
                                     0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    // The texture's height as packed, not rounded up to a power of two: with the Arabic and
    // Hebrew blocks it packs 512x1035 at scale 1, which rounding would make 512x2048.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    if (std::filesystem::exists(font)) {
        io.Fonts->AddFontFromFileTTF(font, 15.0f * pixels_scale, nullptr, ranges);
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * pixels_scale;
        io.Fonts->AddFontDefault(&config);
    }
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

} // namespace

// ImGui's sizes are scaled from the defaults each time (ScaleAllSizes multiplies what is
// there), and the font atlas is rebuilt at the new size; once the OpenGL backend holds the
// old atlas texture, it is replaced between frames.
void ViewerApp::apply_scales(const DisplayScales& scales) {
    ui_.content_scale = scales.content_scale;
    ui_.ui_scale = scales.ui_scale;
    ui_.options.scale = scales.content_scale;
    ImGui::GetStyle() = ImGuiStyle();
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(ui_.ui_scale);
    ImGui::GetIO().Fonts->Clear();
    load_fonts(ui_.content_scale, ui_.pixel_ratio);
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

bool ViewerApp::apply_content_scale() {
    const float asked = pending_scale_;
    pending_scale_ = 0;
    if (asked <= 0) {
        return false;
    }
    const DisplayScales scales = display_scales(asked, ui_.pixel_ratio);
    if (std::abs(scales.content_scale - ui_.content_scale) < 1e-3f &&
        std::abs(scales.ui_scale - ui_.ui_scale) < 1e-3f) {
        return false;
    }
    // The zoom level stays (it means the same area at any scale: center_on): a window that
    // grows with the scale, as GLFW_SCALE_TO_MONITOR makes it, shows the same area.
    ui_.map.metres_per_pixel = rescaled_metres_per_pixel(ui_.map.metres_per_pixel,
                                                         ui_.content_scale, scales.content_scale);
    apply_scales(scales);
    return true;
}

} // namespace eventmap::view
