#include "export/geojson_writer.hpp"

#include "common/error.hpp"
#include "model/event_fields.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

namespace eventmap::exporter {

namespace {

constexpr std::size_t flush_threshold = 1 << 20;

void append_escaped(std::string& out, const std::string& text) {
    model::append_json_string(out, text);
}

void append_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    // A float stored as double (radius_km) prints as the float it was: 12.3, not 12.30000019.
    const auto as_float = static_cast<float>(value);
    const auto result = static_cast<double>(as_float) == value
                            ? std::to_chars(buffer, buffer + sizeof buffer, as_float)
                            : std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void append_integer(std::string& out, std::int64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// Seven decimals (about 1 cm), GDAL's RFC7946 default.
void append_coordinate(std::string& out, double degrees) {
    const double rounded = std::round(degrees * 1e7) / 1e7;
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded);
    out.append(buffer, result.ptr);
}

struct PropertyWriter {
    std::string& out;
    void key(const char* name) {
        out += ",\"";
        out += name;
        out += "\":";
    }
    void text(const char* name, const std::string& value) {
        key(name);
        if (value.empty()) {
            out += "null";
        } else {
            append_escaped(out, value);
        }
    }
    void integer(const char* name, std::int64_t value) {
        key(name);
        append_integer(out, value);
    }
    void real(const char* name, double value) {
        key(name);
        append_number(out, value);
    }
    void boolean(const char* name, bool value) {
        key(name);
        out += value ? "true" : "false";
    }
    void json(const char* name, const std::string& value) {
        key(name);
        out += value.empty() ? "[]" : value; // already JSON, from sources_to_json
    }
};

} // namespace

std::string iso_8601(const std::string& value) {
    const std::size_t t = value.find('T');
    if (t == std::string::npos) {
        return value;
    }
    const std::string& out = value;
    std::size_t zone = out.find_first_of("Z+-", t);
    std::string time =
        out.substr(t + 1, zone == std::string::npos ? std::string::npos : zone - t - 1);
    const auto colons = std::count(time.begin(), time.end(), ':');
    const std::string padding = colons == 0 ? ":00:00" : colons == 1 ? ":00" : "";
    std::string suffix = zone == std::string::npos ? "Z" : out.substr(zone);
    return out.substr(0, t + 1) + time + padding + suffix;
}

std::string date_start(const model::Event& event) {
    return iso_8601(model::iso_date(event));
}

// A clock time on a single day is an instant: it ends when it starts.
std::string date_end(const model::Event& event) {
    const bool instant = event.minute >= 0 && event.enddate == event.date;
    return iso_8601(instant ? model::iso_date(event) : model::iso_enddate(event));
}

GeoJsonWriter::GeoJsonWriter(std::ostream& out, std::string name, Layout layout)
    : out_(out), name_(std::move(name)), layout_(layout) {
    buffer_.reserve(flush_threshold + std::size_t{64} * 1024);
}

void GeoJsonWriter::flush_buffer() {
    errno = 0;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out_) {
        const int error = errno;
        throw OutputError(std::string("cannot write GeoJSON: ") +
                              (error != 0 ? std::strerror(error) : "write failed") +
                              (error == ENOSPC || error == EFBIG ? " (disk full?)" : ""),
                          name_);
    }
    buffer_.clear();
}

void GeoJsonWriter::write(const model::Event& event) {
    if (!started_) {
        started_ = true;
        if (layout_ == Layout::feature_collection) {
            buffer_ += "{\"type\":\"FeatureCollection\",\"features\":[\n";
        }
    } else if (layout_ == Layout::feature_collection) {
        buffer_ += ",\n";
    }
    buffer_ += "{\"type\":\"Feature\",\"id\":";
    append_escaped(buffer_, event.id);
    if (model::has_location(event)) {
        buffer_ += ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[";
        append_coordinate(buffer_, event.event_loc.position.lon);
        buffer_ += ',';
        append_coordinate(buffer_, event.event_loc.position.lat);
        buffer_ += "]}";
    } else {
        buffer_ += ",\"geometry\":null";
    }
    buffer_ += ",\"properties\":{\"id\":";
    append_escaped(buffer_, event.id);
    PropertyWriter properties{buffer_};
    properties.text("date_start", date_start(event));
    properties.text("date_end", date_end(event));
    bool first = true;
    // visit_event_fields starts with id, already written first.
    struct SkipId {
        PropertyWriter& inner;
        bool& first;
        void text(const char* name, const std::string& v) {
            if (first) {
                first = false;
                return;
            }
            inner.text(name, v);
        }
        void integer(const char* name, std::int64_t v) { inner.integer(name, v); }
        void real(const char* name, double v) { inner.real(name, v); }
        void boolean(const char* name, bool v) { inner.boolean(name, v); }
        void json(const char* name, const std::string& v) { inner.json(name, v); }
    };
    model::visit_event_fields(event, SkipId{properties, first});
    buffer_ += "}}";
    if (layout_ == Layout::sequence) {
        buffer_ += '\n';
    }
    ++count_;
    if (buffer_.size() >= flush_threshold) {
        flush_buffer();
    }
}

void GeoJsonWriter::finish() {
    if (layout_ == Layout::feature_collection) {
        buffer_ += started_ ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n";
    }
    started_ = true;
    flush_buffer();
    errno = 0;
    out_.flush();
    if (!out_) {
        const int error = errno;
        throw OutputError(std::string("cannot write GeoJSON: ") +
                              (error != 0 ? std::strerror(error) : "write failed"),
                          name_);
    }
}

} // namespace eventmap::exporter
