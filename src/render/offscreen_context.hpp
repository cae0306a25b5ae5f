// A headless OpenGL 3.3 core context through EGL: Mesa's surfaceless platform first (no
// display, no GPU needed: llvmpipe), then the device platform, then the default display.
// The context is made current on construction; it renders into framebuffer objects only.
#pragma once

#include <memory>
#include <string>

namespace eventmap::render {

class OffscreenContext {
  public:
    // Throws RenderError (exit code 1) saying what is missing when no context can be had:
    // no EGL library, no platform, no OpenGL 3.3 core.
    OffscreenContext();
    ~OffscreenContext();
    OffscreenContext(const OffscreenContext&) = delete;
    OffscreenContext& operator=(const OffscreenContext&) = delete;

    // "Mesa llvmpipe (LLVM 15.0.6, 256 bits) / OpenGL 4.5 (Core Profile) Mesa 22.3.6".
    std::string description() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace eventmap::render
