#include "render/offscreen_context.hpp"

#include "render/render_error.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>
#include <vector>

namespace eventmap::render {

struct OffscreenContext::State {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    ~State() {
        if (display != EGL_NO_DISPLAY) {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            if (context != EGL_NO_CONTEXT) {
                eglDestroyContext(display, context);
            }
            eglTerminate(display);
        }
    }
};

namespace {

bool has_extension(const char* list, const char* name) {
    if (list == nullptr) {
        return false;
    }
    const std::string all = std::string(" ") + list + " ";
    return all.find(std::string(" ") + name + " ") != std::string::npos;
}

// Surfaceless needs neither X nor a GPU; the device platform finds a GPU's render node;
// the default display is what is left on systems without the platform extensions.
std::vector<EGLDisplay> candidate_displays() {
    std::vector<EGLDisplay> out;
    const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (has_extension(client, "EGL_MESA_platform_surfaceless")) {
        out.push_back(
            eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr));
    }
    if (has_extension(client, "EGL_EXT_platform_device")) {
        EGLDeviceEXT devices[4];
        EGLint count = 0;
        if (eglQueryDevicesEXT(4, devices, &count) == EGL_TRUE) {
            for (EGLint i = 0; i < count; ++i) {
                out.push_back(
                    eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr));
            }
        }
    }
    out.push_back(eglGetDisplay(EGL_DEFAULT_DISPLAY));
    return out;
}

EGLContext create_core_context(EGLDisplay display) {
    const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configs = 0;
    const bool have_config =
        eglChooseConfig(display, config_attribs, &config, 1, &configs) == EGL_TRUE && configs > 0;
    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) {
        return EGL_NO_CONTEXT;
    }
    const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                      3,
                                      EGL_CONTEXT_MINOR_VERSION,
                                      3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                      EGL_NONE};
    return eglCreateContext(display, have_config ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT,
                            context_attribs);
}

} // namespace

OffscreenContext::OffscreenContext() : state_(std::make_unique<State>()) {
    if (!epoxy_has_egl()) {
        throw RenderError("no OpenGL: the EGL library (libEGL.so.1, Debian package libegl1 with "
                          "libegl-mesa0) cannot be loaded");
    }
    std::string tried;
    for (EGLDisplay display : candidate_displays()) {
        EGLint major = 0, minor = 0;
        if (display == EGL_NO_DISPLAY || eglInitialize(display, &major, &minor) != EGL_TRUE) {
            continue;
        }
        EGLContext context = create_core_context(display);
        if (context != EGL_NO_CONTEXT &&
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) == EGL_TRUE) {
            state_->display = display;
            state_->context = context;
            return;
        }
        tried += tried.empty() ? "" : "; ";
        tried += std::string("EGL ") + std::to_string(major) + "." + std::to_string(minor) +
                 " display without an OpenGL 3.3 core context";
        if (context != EGL_NO_CONTEXT) {
            eglDestroyContext(display, context);
        }
        eglTerminate(display);
    }
    throw RenderError("no OpenGL 3.3 core context through EGL (" +
                      (tried.empty() ? std::string("no EGL display could be initialised") : tried) +
                      "); install Mesa's drivers (libegl-mesa0, libgl1-mesa-dri) for "
                      "software rendering without a display");
}

OffscreenContext::~OffscreenContext() = default;

std::string OffscreenContext::description() const {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer != nullptr ? renderer : "?") + " / OpenGL " +
           (version != nullptr ? version : "?");
}

} // namespace eventmap::render
