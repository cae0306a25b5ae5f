// EventStore::Impl: writing events, merging each new report into the stored event it belongs
// to (MergeRule, event_store.hpp), with a capped source list and a count of every report.
#include "common/error.hpp"
#include "model/event_fields.hpp"
#include "store/event_columns.hpp"
#include "store/event_record.hpp"
#include "store/store_impl.hpp"
#include "store/store_schema.hpp"

#include <algorithm>
#include <map>

namespace eventmap::store {

namespace {

// Keeps the first sources up to the cap; source_count still counts every report.
void cap_sources(model::Event& event) {
    event.source_count = model::reports_of(event);
    if (event.sources.size() > EventStore::max_sources_per_event) {
        event.sources.resize(EventStore::max_sources_per_event);
    }
}

} // namespace

gdal::FeaturePtr EventStore::Impl::write_event(const model::Event& event, const std::string& key,
                                               gdal::ErrorCapture& errors) {
    gdal::FeaturePtr feature(OGRFeature::CreateFeature(events->GetLayerDefn()));
    visit_event_fields(event, EventColumnSetter{*feature, event_index, true});
    if (!key.empty() && merge_key_index >= 0) {
        feature->SetField(merge_key_index, key.c_str());
    }
    if (has_location(event)) {
        feature->SetGeometryDirectly(
            new OGRPoint(event.event_loc.position.lon, event.event_loc.position.lat));
    }
    if (pg) {
        pg->insert_event(*feature);
    } else if (events->CreateFeature(feature.get()) != OGRERR_NONE) {
        fail_write("adding event " + event.id, errors);
    } else {
        changed_fids.push_back(feature->GetFID());
    }
    return feature;
}

// Rewrites a stored event's columns (its place, and so its point, is the same after a merge).
void EventStore::Impl::update_event(OGRFeature& feature, const model::Event& event,
                                    gdal::ErrorCapture& errors) {
    visit_event_fields(event, EventColumnSetter{feature, event_index, true});
    if (pg) {
        pg->update_event(feature);
    } else if (events->SetFeature(&feature) != OGRERR_NONE) {
        fail_write("updating event " + event.id, errors);
    } else {
        changed_fids.push_back(feature.GetFID());
    }
}

bool EventStore::Impl::append_sources(const std::string& id,
                                      const std::vector<model::EventSource>& sources,
                                      gdal::ErrorCapture& errors) {
    gdal::FeaturePtr feature =
        pg ? pg->event_by_id(id) : find_one(events, "\"id\" = " + gdal::sql_literal(id), errors);
    if (!feature) {
        return false;
    }
    model::Event stored = read_event(*feature, event_index, display + " (event " + id + ")");
    // Sources not listed yet count as reports whether or not the cap lets them into the list
    // (an article is stored once, so the same sentence never comes back to be counted twice).
    const auto unseen = std::count_if(sources.begin(), sources.end(), [&](const auto& source) {
        return std::none_of(stored.sources.begin(), stored.sources.end(), [&](const auto& s) {
            return s.article_id == source.article_id && s.start == source.start &&
                   s.end == source.end;
        });
    });
    if (unseen > 0) {
        stored.source_count = model::reports_of(stored) + static_cast<std::uint64_t>(unseen);
        merge_sources(stored.sources, sources);
        update_event(*feature, stored, errors);
    }
    return true;
}

// The stored events (the open batch's included) whose merge key is one of `keys`, in storage
// order: one query per article.
std::vector<gdal::FeaturePtr>
EventStore::Impl::events_with_keys(const std::set<std::string>& keys,
                                   const std::vector<std::string>& days,
                                   gdal::ErrorCapture& errors) {
    std::vector<gdal::FeaturePtr> found;
    if (keys.empty() || merge_key_index < 0) {
        return found;
    }
    if (pg) {
        return pg->events_with_keys(keys, days);
    }
    std::string where = "\"" + std::string(merge_key_column) + "\" IN (";
    bool first = true;
    for (const auto& key : keys) {
        where += (first ? "" : ",") + gdal::sql_literal(key);
        first = false;
    }
    where += ")";
    if (events->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        fail_read("looking up events to merge with", errors);
    }
    events->ResetReading();
    while (gdal::FeaturePtr row{events->GetNextFeature()}) {
        found.push_back(std::move(row));
    }
    events->SetAttributeFilter(nullptr);
    if (errors.has_error()) {
        fail_read("looking up events to merge with", errors);
    }
    return found;
}

void EventStore::Impl::store_events(const std::vector<model::Event>& list,
                                    std::vector<model::Event>* fresh, gdal::ErrorCapture& errors) {
    std::set<std::string> stored = stored_event_ids(list, errors);
    std::vector<std::string> keys(list.size());
    std::set<std::string> wanted;
    std::vector<std::string> days; // of the wanted keys (a key holds its event's day)
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (merge_rule.key && stored.count(list[i].id) == 0) {
            keys[i] = merge_rule.key(list[i]);
            if (!keys[i].empty()) {
                wanted.insert(keys[i]);
                days.push_back(model::iso_date(list[i]));
            }
        }
    }
    // Candidates by key, each with its event as stored (updated here as reports merge in).
    struct Candidate {
        gdal::FeaturePtr feature;
        model::Event event;
    };
    std::map<std::string, std::vector<Candidate>> candidates;
    for (auto& feature : events_with_keys(wanted, days, errors)) {
        const std::string key = field_text(*feature, merge_key_index);
        model::Event event = read_event(*feature, event_index, display + " (event to merge)");
        candidates[key].push_back({std::move(feature), std::move(event)});
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const model::Event& report = list[i];
        if (stored.count(report.id) > 0) {
            append_sources(report.id, report.sources, errors);
            continue;
        }
        if (!keys[i].empty()) {
            auto& same = candidates[keys[i]];
            auto match = std::find_if(same.begin(), same.end(), [&](const Candidate& c) {
                return merge_rule.compatible(c.event, report);
            });
            if (match != same.end()) {
                const std::uint64_t reports =
                    model::reports_of(match->event) + model::reports_of(report);
                merge_rule.merge(match->event, model::Event(report));
                match->event.source_count = reports;
                cap_sources(match->event);
                update_event(*match->feature, match->event, errors);
                continue;
            }
        }
        model::Event event = report;
        cap_sources(event);
        gdal::FeaturePtr feature = write_event(event, keys[i], errors);
        stored.insert(event.id); // a second event with this id in the list merges into it
        if (!keys[i].empty()) {
            candidates[keys[i]].push_back({std::move(feature), event});
        }
        if (fresh != nullptr) {
            fresh->push_back(std::move(event));
        }
    }
}

// Located events stored before merge keys existed (schema 1) get theirs, once.
void EventStore::Impl::fill_merge_keys() {
    gdal::ErrorCapture errors;
    OGRLayer* metadata = layer(metadata_layer);
    if (gdal::FeaturePtr done = find_one(metadata, "\"key\" = 'merge_keys'", errors)) {
        return;
    }
    const bool own_transaction = !batch;
    if (own_transaction) {
        start_transaction(errors);
        batch = true;
    }
    std::vector<gdal::FeaturePtr> rows;
    const std::string where = "\"" + std::string(merge_key_column) + "\" IS NULL";
    if (events->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        fail_read("looking up events without merge keys", errors);
    }
    events->ResetReading();
    while (gdal::FeaturePtr row{events->GetNextFeature()}) {
        rows.push_back(std::move(row));
    }
    events->SetAttributeFilter(nullptr);
    for (auto& row : rows) {
        const model::Event event = read_event(*row, event_index, display + " (merge keys)");
        const std::string key = merge_rule.key(event);
        if (!key.empty()) {
            row->SetField(merge_key_index, key.c_str());
            if (events->SetFeature(row.get()) != OGRERR_NONE) {
                fail_write("filling in merge keys", errors);
            }
        }
    }
    gdal::FeaturePtr mark(OGRFeature::CreateFeature(metadata->GetLayerDefn()));
    mark->SetField("key", "merge_keys");
    mark->SetField("value", "complete");
    if (metadata->CreateFeature(mark.get()) != OGRERR_NONE) {
        fail_write("recording the merge keys", errors);
    }
    if (own_transaction) {
        batch = false;
        if (ds->CommitTransaction() != OGRERR_NONE || errors.has_error()) {
            batch = true;
            fail_write("committing the merge keys", errors);
        }
    }
}

} // namespace eventmap::store
