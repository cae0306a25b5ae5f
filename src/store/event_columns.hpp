// Writes an event's columns (model/event_fields.hpp) into an OGR feature: shared by the store
// and the GDAL-driven exports so both map the model to OGR types the same way. Internal: .cpp
// files only (it includes GDAL).
#pragma once

#include "common/gdal.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::store {

// Sets the events columns of a feature from visit_event_fields (event_fields.hpp), by cached
// column index. Empty text becomes NULL when `null_empty` (the store, where an update must
// clear what was there) and stays unset otherwise (exports: drivers then leave it out).
struct EventColumnSetter {
    OGRFeature& feature;
    const std::vector<int>& index;
    bool null_empty;
    std::size_t next = 0;
    void text(const char*, const std::string& value) {
        const int i = index[next++];
        if (i < 0) {
            return; // a column the target lacks (a schema-1 store read as it is)
        }
        if (!value.empty()) {
            feature.SetField(i, value.c_str());
        } else if (null_empty) {
            feature.SetFieldNull(i);
        }
    }
    void integer(const char*, std::int64_t value) {
        const int i = index[next++];
        if (i >= 0) {
            feature.SetField(i, static_cast<GIntBig>(value));
        }
    }
    void real(const char*, double value) { feature.SetField(index[next++], value); }
    void boolean(const char*, bool value) { feature.SetField(index[next++], value ? 1 : 0); }
    void json(const char* name, const std::string& value) { text(name, value); }
};

} // namespace eventmap::store
