// Errors of the rendering stage that are neither bad input nor bad output: no OpenGL to be had,
// a shader that does not compile, a size beyond what can be drawn. Exit code 1 (README).
#pragma once

#include "common/error.hpp"

namespace eventmap::render {

class RenderError : public Error {
  public:
    explicit RenderError(const std::string& what, std::string file = {})
        : Error(what, ExitCode::failure, std::move(file), 0) {}
};

} // namespace eventmap::render
