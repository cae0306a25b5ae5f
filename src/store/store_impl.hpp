// EventStore's state (internal to src/store): the dataset, its layers, the batch flag, and the
// helpers the files of EventStore share (store_open.cpp, event_store.cpp, event_store_read.cpp).
#pragma once

#include "common/gdal.hpp"
#include "store/event_store.hpp"
#include "store/writer_lock.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace eventmap::store {

struct EventStore::Impl {
    std::string target;
    std::string display;
    bool postgres = false;
    bool read_only = false;
    bool created = false; // this process made the GeoPackage (and won any creation race)
    bool batch = false;
    std::function<void(const std::string&)> notice; // "waiting for another ingest"
    WriterLock lock;     // GeoPackage writers: held from before the file is opened until after
    gdal::DatasetPtr ds; // it is closed (members are destroyed in reverse order)
    OGRLayer* events = nullptr;
    OGRLayer* articles = nullptr;
    OGRLayer* mentions = nullptr;
    std::vector<int> event_index; // column index of each event field, visit order (-1: absent)
    int merge_key_index = -1;
    MergeRule merge_rule;

    void open(OpenMode mode);
    void prepare_file_for_reading();
    void lock_and_prepare_file(OpenMode mode);
    void open_dataset(bool update);
    void validate_schema();
    void upgrade(OGRLayer& metadata);
    void require_pg_write_privileges();
    OGRLayer* layer(const char* name);

    [[noreturn]] void fail_write(const std::string& doing, gdal::ErrorCapture& errors);
    [[noreturn]] void fail_read(const std::string& doing, gdal::ErrorCapture& errors);
    void roll_back_and_reopen();
    void require_open() const;
    void start_transaction(gdal::ErrorCapture& errors);
    void require_writable_store() const;

    gdal::FeaturePtr find_one(OGRLayer* layer, const std::string& where,
                              gdal::ErrorCapture& errors);
    gdal::FeaturePtr write_event(const model::Event& event, const std::string& key,
                                 gdal::ErrorCapture& errors);
    void update_event(OGRFeature& feature, const model::Event& event, gdal::ErrorCapture& errors);
    void store_events(const std::vector<model::Event>& events, std::vector<model::Event>* fresh,
                      gdal::ErrorCapture& errors);
    std::vector<gdal::FeaturePtr> events_with_keys(const std::set<std::string>& keys,
                                                   gdal::ErrorCapture& errors);
    void fill_merge_keys();
    std::set<std::string> stored_event_ids(const std::vector<model::Event>& candidates,
                                           gdal::ErrorCapture& errors);
    bool append_sources(const std::string& id, const std::vector<model::EventSource>& sources,
                        gdal::ErrorCapture& errors);
};

// A hint for the failures users can act on ("write failed" when none applies).
std::string failure_hint(const std::string& message, bool postgres);

} // namespace eventmap::store
