#include "common/gdal.hpp"

#include <algorithm>
#include <cpl_error.h>

namespace eventmap::gdal {

void register_drivers() {
    static const bool registered = [] {
        GDALAllRegister();
        // A partitioned table (the PostGIS store's events, docs/store.md) can have no
        // primary key on fid alone; this names the column GDAL's PostgreSQL driver then takes
        // as the feature id, so updates by feature id work there too (unless the user set it).
        if (CPLGetConfigOption("PGSQL_OGR_FID", nullptr) == nullptr) {
            CPLSetConfigOption("PGSQL_OGR_FID", "fid");
        }
        return true;
    }();
    (void)registered;
}

ErrorCapture::ErrorCapture() {
    CPLPushErrorHandlerEx(&ErrorCapture::handler, this);
}

ErrorCapture::~ErrorCapture() {
    CPLPopErrorHandler();
}

void ErrorCapture::handler(CPLErr level, CPLErrorNum /*number*/, const char* message) noexcept {
    try {
        if (level != CE_Failure && level != CE_Fatal) {
            return; // warnings and debug output are not errors; GDAL's warnings are noise here
        }
        auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
        if (self != nullptr) {
            self->errors_.emplace_back(message != nullptr ? message : "");
        }
    } catch (...) {
        // Out of memory while recording an error: the caller still sees the failed return code.
    }
}

std::string ErrorCapture::message(const std::string& fallback) const {
    if (errors_.empty()) {
        return fallback;
    }
    std::string out;
    for (std::size_t i = 0; i < errors_.size(); ++i) {
        const auto& error = errors_[i];
        if (std::find(errors_.begin(), errors_.begin() + static_cast<std::ptrdiff_t>(i), error) !=
            errors_.begin() + static_cast<std::ptrdiff_t>(i)) {
            continue; // libpq repeats itself on every call after a lost connection
        }
        if (!out.empty()) {
            out += "; ";
        }
        out += error;
    }
    // libpq messages end with newlines; keep the one-line form main() prints.
    for (char& c : out) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string sql_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    out += '\'';
    return out;
}

} // namespace eventmap::gdal
