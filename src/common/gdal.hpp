// The one small header over GDAL/OGR's C++ API (after libosmium's gdalcpp.hpp): handles in
// unique_ptrs with deleters, and an RAII scope that captures GDAL's error messages so callers
// turn them into eventmap exceptions instead of GDAL printing "ERROR 1: ..." to stderr.
// Used by the gazetteer (country shapes), the store, the exports and the map data loader;
// included by .cpp files only: public headers never include GDAL.
#pragma once

#include <cstdint>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

namespace eventmap::gdal {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const noexcept {
        GDALClose(GDALDataset::ToHandle(dataset));
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* feature) const noexcept { OGRFeature::DestroyFeature(feature); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

// A layer returned by GDALDataset::ExecuteSQL, released back to its dataset.
class ResultSet {
  public:
    ResultSet(GDALDataset& dataset, OGRLayer* layer) : dataset_(&dataset), layer_(layer) {}
    ResultSet(const ResultSet&) = delete;
    ResultSet& operator=(const ResultSet&) = delete;
    ~ResultSet() {
        if (layer_ != nullptr) {
            dataset_->ReleaseResultSet(layer_);
        }
    }
    OGRLayer* get() const noexcept { return layer_; }
    OGRLayer* operator->() const noexcept { return layer_; }
    explicit operator bool() const noexcept { return layer_ != nullptr; }

  private:
    GDALDataset* dataset_;
    OGRLayer* layer_;
};

// Registers GDAL's drivers once per process (thread-safe; GDAL's own registry is the state).
void register_drivers();

// While alive, GDAL errors raised on this thread are collected here instead of printed.
// GDAL's handler stack is per thread (CPLPushErrorHandlerEx), so scopes nest and no global
// state is touched. The callback catches everything: no exception crosses GDAL's C frames.
class ErrorCapture {
  public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    bool has_error() const noexcept { return !errors_.empty(); }
    // Every failure message since construction or the last clear(), joined by "; ";
    // `fallback` when GDAL said nothing.
    std::string message(const std::string& fallback = "unknown GDAL error") const;
    void clear() noexcept { errors_.clear(); }

  private:
    static void handler(CPLErr level, CPLErrorNum number, const char* message) noexcept;
    std::vector<std::string> errors_;
};

// SQL string literal: 'text' with quotes doubled (SQLite, PostgreSQL and OGR SQL agree).
std::string sql_literal(const std::string& text);

} // namespace eventmap::gdal
