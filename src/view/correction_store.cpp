#include "view/correction_store.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "store/event_journal.hpp"
#include "store/place_overrides.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <pwd.h>
#include <unistd.h>

namespace eventmap::view {

std::string current_user() {
    for (const char* name : {"EVENTMAP_USER", "USER"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return value;
        }
    }
    if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_name != nullptr) {
        return pw->pw_name;
    }
    return "unknown";
}

namespace {

std::string now_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// A store opened for writing, with the error capture every call reports through.
struct Writer {
    const std::string& target;
    gdal::ErrorCapture errors;
    gdal::DatasetPtr ds;

    explicit Writer(const std::string& t) : target(t) {
        gdal::register_drivers();
        ds.reset(GDALDataset::FromHandle(
            GDALOpenEx(t.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        if (!ds) {
            throw InputError("cannot open the store for writing: " +
                                 errors.message("not a writable GeoPackage or PostGIS store"),
                             t);
        }
        const std::string driver = ds->GetDriverName();
        if (driver != "GPKG" && driver != "PostgreSQL") {
            throw InputError("corrections are written to an eventmap store (GeoPackage or "
                             "PostGIS), not to a " +
                                 driver + " file",
                             t);
        }
        if (ds->GetLayerByName("events") == nullptr) {
            throw InputError("not an eventmap store: no events layer", t);
        }
    }

    [[noreturn]] void fail(const std::string& what) {
        std::string message = errors.message();
        if (message.find("locked") != std::string::npos ||
            message.find("busy") != std::string::npos) {
            message = "the store is locked by another process (an ingest?); try again: " + message;
        }
        throw OutputError(what + ": " + message, target);
    }

    OGRLayer& table(const char* name,
                    const std::vector<std::pair<const char*, OGRFieldType>>& columns) {
        if (OGRLayer* layer = ds->GetLayerByName(name)) {
            return *layer;
        }
        OGRLayer* layer = ds->CreateLayer(name, nullptr, wkbNone, nullptr);
        if (layer == nullptr) {
            fail(std::string("cannot create table ") + name);
        }
        for (const auto& [column, type] : columns) {
            OGRFieldDefn field(column, type);
            if (layer->CreateField(&field) != OGRERR_NONE) {
                fail(std::string("cannot create column ") + column);
            }
        }
        return *layer;
    }

    OGRLayer& corrections() {
        return table("view_corrections", {{"event_id", OFTString},
                                          {"extracted_place", OFTString},
                                          {"article_id", OFTString},
                                          {"old_lat", OFTReal},
                                          {"old_lon", OFTReal},
                                          {"old_place", OFTString},
                                          {"old_geonameid", OFTInteger64},
                                          {"old_country_code", OFTString},
                                          {"new_lat", OFTReal},
                                          {"new_lon", OFTReal},
                                          {"new_place", OFTString},
                                          {"new_geonameid", OFTInteger64},
                                          {"new_country_code", OFTString},
                                          {"who", OFTString},
                                          {"corrected_at", OFTString},
                                          {"undone_at", OFTString}});
    }

    OGRLayer& overrides() {
        std::string failed;
        OGRLayer* layer = store::place_override_table(*ds, failed);
        if (layer == nullptr) {
            fail(failed);
        }
        return *layer;
    }

    gdal::FeaturePtr find_event(OGRLayer& events, const std::string& id) {
        events.SetAttributeFilter(("id = " + gdal::sql_literal(id)).c_str());
        events.ResetReading();
        gdal::FeaturePtr feature(events.GetNextFeature());
        events.SetAttributeFilter(nullptr);
        return feature;
    }

    void begin() {
        if (ds->StartTransaction() != OGRERR_NONE) {
            fail("cannot start a transaction");
        }
    }
    void commit() {
        try {
            // The moved event, for viewers that follow the store (store/event_journal.hpp).
            store::journal_commit(*ds, moved);
        } catch (const Error& e) {
            fail(e.what());
        }
        if (ds->CommitTransaction() != OGRERR_NONE) {
            fail("cannot commit the correction");
        }
    }
    std::vector<std::int64_t> moved; // fids of the events moved in the transaction
};

// Rolls back unless committed, so a failed step leaves the store as it was.
struct Transaction {
    Writer& writer;
    bool done = false;
    explicit Transaction(Writer& w) : writer(w) { writer.begin(); }
    void commit() {
        writer.commit();
        done = true;
    }
    ~Transaction() {
        if (!done) {
            writer.ds->RollbackTransaction();
        }
    }
};

void set_place(OGRFeature& event, const PlaceChoice& place) {
    event.SetGeometryDirectly(new OGRPoint(place.position.lon, place.position.lat));
    auto set = [&](const char* name, const std::string& value) {
        const int i = event.GetFieldIndex(name);
        if (i >= 0) {
            if (value.empty()) {
                event.SetFieldNull(i);
            } else {
                event.SetField(i, value.c_str());
            }
        }
    };
    set("resolved_place", place.name);
    set("country_code", place.country_code);
    const int id = event.GetFieldIndex("geonameid");
    if (id >= 0) {
        event.SetField(id, static_cast<GIntBig>(place.geonameid));
    }
}

std::string text(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
}

} // namespace

CorrectionStore::CorrectionStore(std::string target) : target_(std::move(target)) {
    Writer check(target_); // fails now, not at the first correction, for a store we cannot write
}

CorrectionRecord CorrectionStore::apply(const std::string& event_id, const PlaceChoice& to,
                                        const std::string& who) {
    if (!is_valid(to.position)) {
        throw InputError("correction: latitude/longitude out of range", target_);
    }
    Writer w(target_);
    OGRLayer& events = *w.ds->GetLayerByName("events");
    OGRLayer& corrections = w.corrections();
    OGRLayer& overrides = w.overrides();
    Transaction transaction(w);
    gdal::FeaturePtr event = w.find_event(events, event_id);
    if (!event) {
        throw InputError("no event with id '" + event_id + "' in the store", target_);
    }
    CorrectionRecord record;
    record.event_id = event_id;
    record.after = to;
    record.who = who;
    record.at = now_utc();
    record.extracted_place = text(*event, "extracted_place");
    record.article_id = text(*event, "article_id");
    if (const OGRGeometry* g = event->GetGeometryRef();
        g != nullptr && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
        const auto* p = g->toPoint();
        record.before.position = {p->getY(), p->getX()};
    }
    record.before.name = text(*event, "resolved_place");
    record.before.country_code = text(*event, "country_code");
    const int gid = event->GetFieldIndex("geonameid");
    record.before.geonameid =
        gid >= 0 ? static_cast<std::uint64_t>(event->GetFieldAsInteger64(gid)) : 0;

    set_place(*event, to);
    if (events.SetFeature(event.get()) != OGRERR_NONE) {
        w.fail("cannot move event " + event_id);
    }
    w.moved.push_back(event->GetFID());
    gdal::FeaturePtr row(OGRFeature::CreateFeature(corrections.GetLayerDefn()));
    row->SetField("event_id", event_id.c_str());
    row->SetField("extracted_place", record.extracted_place.c_str());
    row->SetField("article_id", record.article_id.c_str());
    row->SetField("old_lat", record.before.position.lat);
    row->SetField("old_lon", record.before.position.lon);
    row->SetField("old_place", record.before.name.c_str());
    row->SetField("old_geonameid", static_cast<GIntBig>(record.before.geonameid));
    row->SetField("old_country_code", record.before.country_code.c_str());
    row->SetField("new_lat", to.position.lat);
    row->SetField("new_lon", to.position.lon);
    row->SetField("new_place", to.name.c_str());
    row->SetField("new_geonameid", static_cast<GIntBig>(to.geonameid));
    row->SetField("new_country_code", to.country_code.c_str());
    row->SetField("who", who.c_str());
    row->SetField("corrected_at", record.at.c_str());
    if (corrections.CreateFeature(row.get()) != OGRERR_NONE) {
        w.fail("cannot record the correction");
    }
    record.record = row->GetFID();
    store::PlaceOverrideRow rule;
    rule.place.name = record.extracted_place;
    rule.place.article_id = record.article_id;
    rule.place.position = to.position;
    rule.place.place = to.name;
    rule.place.geonameid = to.geonameid;
    rule.place.country_code = to.country_code;
    rule.event_id = event_id;
    rule.who = who;
    rule.created_at = record.at;
    if (!store::add_place_override(overrides, rule)) {
        w.fail("cannot record the override");
    }
    transaction.commit();
    return record;
}

void CorrectionStore::undo(const CorrectionRecord& record) {
    Writer w(target_);
    OGRLayer& events = *w.ds->GetLayerByName("events");
    OGRLayer& corrections = w.corrections();
    OGRLayer& overrides = w.overrides();
    Transaction transaction(w);
    gdal::FeaturePtr event = w.find_event(events, record.event_id);
    if (!event) {
        throw InputError("no event with id '" + record.event_id + "' in the store", target_);
    }
    set_place(*event, record.before);
    if (events.SetFeature(event.get()) != OGRERR_NONE) {
        w.fail("cannot move event " + record.event_id + " back");
    }
    w.moved.push_back(event->GetFID());
    gdal::FeaturePtr row(corrections.GetFeature(record.record));
    if (row) {
        row->SetField("undone_at", now_utc().c_str());
        if (corrections.SetFeature(row.get()) != OGRERR_NONE) {
            w.fail("cannot mark the correction undone");
        }
    }
    if (!store::deactivate_place_overrides(overrides, record.event_id, record.at)) {
        w.fail("cannot deactivate the override");
    }
    transaction.commit();
}

std::vector<std::string> CorrectionStore::corrected_event_ids() {
    Writer w(target_);
    std::vector<std::string> ids;
    OGRLayer* corrections = w.ds->GetLayerByName("view_corrections");
    if (corrections == nullptr) {
        return ids;
    }
    corrections->SetAttributeFilter("undone_at IS NULL");
    corrections->ResetReading();
    while (gdal::FeaturePtr row{corrections->GetNextFeature()}) {
        ids.push_back(text(*row, "event_id"));
    }
    return ids;
}

} // namespace eventmap::view
