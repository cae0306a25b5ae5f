// EventStore: batches (begin, add_article, append_sources, commit, rollback) and the public
// surface. Opening is in store_open.cpp, reading in event_store_read.cpp.
#include "store/event_store.hpp"

#include "common/error.hpp"
#include "model/event_fields.hpp"
#include "store/event_columns.hpp"
#include "store/event_journal.hpp"
#include "store/event_record.hpp"
#include "store/store_impl.hpp"
#include "store/store_schema.hpp"
#include "store/store_target.hpp"

#include <filesystem>
#include <set>

namespace eventmap::store {

gdal::FeaturePtr EventStore::Impl::find_one(OGRLayer* table, const std::string& where,
                                            gdal::ErrorCapture& errors) {
    if (table->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        fail_read("querying " + std::string(table->GetName()), errors);
    }
    table->ResetReading();
    gdal::FeaturePtr found(table->GetNextFeature());
    table->SetAttributeFilter(nullptr);
    if (!found && errors.has_error()) {
        fail_read("reading " + std::string(table->GetName()), errors);
    }
    return found;
}

// Which of these events' ids are stored already: one query per article, reading the id column
// only. (A plain attribute filter per event prepares a 28-column SELECT each time, which took
// most of the ingest time; ExecuteSQL on a GeoPackage syncs every layer first, slower still.)
std::set<std::string>
EventStore::Impl::stored_event_ids(const std::vector<model::Event>& candidates,
                                   gdal::ErrorCapture& errors) {
    std::set<std::string> found;
    if (candidates.empty()) {
        return found;
    }
    if (pg) {
        std::vector<std::string> ids;
        std::vector<std::string> days;
        ids.reserve(candidates.size());
        for (const auto& e : candidates) {
            ids.push_back(e.id);
            days.push_back(model::iso_date(e));
        }
        return pg->event_ids(ids, days);
    }
    std::string where = R"("id" IN ()";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        where += (i == 0 ? "" : ",") + gdal::sql_literal(candidates[i].id);
    }
    where += ")";
    CPLStringList ignored;
    for (const auto& name : event_column_names()) {
        if (name != "id") {
            ignored.AddString(name.c_str());
        }
    }
    ignored.AddString(merge_key_column);
    ignored.AddString("OGR_GEOMETRY");
    const int id_column = event_index.front();
    events->SetIgnoredFields(const_cast<const char**>(ignored.List()));
    const bool filtered = events->SetAttributeFilter(where.c_str()) == OGRERR_NONE;
    if (filtered) {
        events->ResetReading();
        while (gdal::FeaturePtr row{events->GetNextFeature()}) {
            found.insert(row->GetFieldAsString(id_column));
        }
    }
    events->SetAttributeFilter(nullptr);
    events->SetIgnoredFields(nullptr);
    if (!filtered || errors.has_error()) {
        fail_read("looking up event ids", errors);
    }
    return found;
}

void EventStore::set_merge_rule(MergeRule rule) {
    impl_->merge_rule = std::move(rule);
    if (!impl_->read_only && impl_->merge_rule.key) {
        impl_->fill_merge_keys();
    }
}

EventStore::EventStore(const std::string& target, OpenMode mode) : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->display = display_name(target);
    impl_->open(mode);
}

EventStore::~EventStore() {
    if (impl_ && impl_->ds) {
        gdal::ErrorCapture ignored; // closing after a lost connection reports it again
        if (impl_->batch) {
            impl_->ds->RollbackTransaction();
        }
        impl_->ds.reset();
    }
}

EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;

const std::string& EventStore::target() const {
    return impl_->display;
}
bool EventStore::is_postgres() const {
    return impl_->postgres;
}
bool EventStore::read_only() const {
    return impl_->read_only;
}
bool EventStore::created() const {
    return impl_->created;
}
bool EventStore::discard_if_created_empty() {
    if (!impl_->created || impl_->postgres || !impl_->ds) {
        return false;
    }
    bool empty = false;
    try {
        rollback();
        empty = count_articles() == 0;
    } catch (const Error&) {
        empty = false; // unreadable now: leave it for the user to look at
    }
    impl_->events = impl_->articles = impl_->mentions = nullptr;
    impl_->ds.reset();
    if (empty) {
        std::error_code ignored;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
            std::filesystem::remove(impl_->target + suffix, ignored);
        }
    }
    impl_->lock.release(); // only now may a waiting writer look at the path
    return empty;
}

bool EventStore::in_batch() const {
    return impl_->batch;
}

void EventStore::begin() {
    impl_->require_open();
    impl_->require_writable_store();
    if (impl_->batch) {
        throw OutputError("begin() inside an open batch", impl_->display);
    }
    if (impl_->pg) {
        impl_->pg_batch.clear();
        try {
            impl_->pg->begin();
        } catch (const PgError& e) {
            impl_->pg_fail("starting a transaction", e);
        }
        impl_->batch = true;
        return;
    }
    gdal::ErrorCapture errors;
    impl_->start_transaction(errors);
    impl_->batch = true;
}

void EventStore::commit() {
    if (!impl_->batch) {
        throw OutputError("commit() without begin()", impl_->display);
    }
    if (impl_->pg) {
        try {
            impl_->pg->commit();
        } catch (const PgError& e) {
            impl_->pg_fail("committing the batch", e);
        }
        impl_->pg_batch.clear();
        impl_->batch = false;
        return;
    }
    gdal::ErrorCapture errors;
    try {
        // The rows this batch wrote, for readers that follow the store (event_journal.hpp).
        journal_commit(*impl_->ds, impl_->changed_fids);
    } catch (const OutputError& e) {
        errors.clear();
        CPLError(CE_Failure, CPLE_AppDefined, "%s", e.what());
        impl_->fail_write("journalling the batch", errors);
    }
    impl_->changed_fids.clear();
    if (impl_->ds->CommitTransaction() != OGRERR_NONE || errors.has_error()) {
        impl_->fail_write("committing the batch", errors);
    }
    impl_->batch = false;
}

void EventStore::rollback() {
    if (!impl_->batch) {
        return;
    }
    impl_->batch = false;
    impl_->roll_back_and_reopen();
}

bool EventStore::has_article(const std::string& content_hash) {
    impl_->require_open();
    if (impl_->pg) {
        try {
            return impl_->pg->has_article(content_hash); // the open batch's included
        } catch (const PgError& e) {
            impl_->pg_fail("looking up an article", e, true);
        }
    }
    gdal::ErrorCapture errors;
    // Existence only: read the hash column alone (see stored_event_ids for why it matters).
    CPLStringList ignored;
    for (const auto& column : article_columns) {
        if (std::string(column.name) != "content_hash") {
            ignored.AddString(column.name);
        }
    }
    impl_->articles->SetIgnoredFields(const_cast<const char**>(ignored.List()));
    bool found = false;
    try {
        found = impl_->find_one(impl_->articles,
                                "\"content_hash\" = " + gdal::sql_literal(content_hash),
                                errors) != nullptr;
    } catch (...) {
        if (impl_->articles != nullptr) {
            impl_->articles->SetIgnoredFields(nullptr);
        }
        throw;
    }
    impl_->articles->SetIgnoredFields(nullptr);
    return found;
}

bool EventStore::add_article(const ArticleRecord& article, const std::vector<model::Event>& events,
                             const std::vector<MentionRecord>& mentions,
                             std::vector<model::Event>* fresh) {
    impl_->require_open();
    impl_->require_writable_store();
    // Validate everything before the first write: bad records never leave half an article.
    if (article.id.empty() || article.content_hash.empty()) {
        throw DataError("article without id or content hash (" +
                            (article.source_path.empty() ? article.id : article.source_path) + ")",
                        impl_->display);
    }
    for (const auto& event : events) {
        if (event.id.empty()) {
            throw DataError("event without id in article " + article.id, impl_->display);
        }
    }
    if (!impl_->batch) {
        begin();
        try {
            const bool added = add_article(article, events, mentions, fresh);
            commit();
            return added;
        } catch (...) {
            rollback();
            throw;
        }
    }
    if (impl_->pg) {
        Impl::PgOp op;
        op.article = article;
        op.events = events;
        op.mentions = mentions;
        return impl_->pg_run(op, fresh, "adding article " + article.id);
    }
    gdal::ErrorCapture errors;
    if (has_article(article.content_hash)) {
        return false;
    }
    gdal::FeaturePtr row = impl_->article_row(article);
    if (impl_->articles->CreateFeature(row.get()) != OGRERR_NONE) {
        impl_->fail_write("adding article " + article.id, errors);
    }
    impl_->store_events(events, fresh, errors);
    for (const auto& mention : mentions) {
        gdal::FeaturePtr m = impl_->mention_row(mention, article.id);
        if (impl_->mentions->CreateFeature(m.get()) != OGRERR_NONE) {
            impl_->fail_write("adding a mention of article " + article.id, errors);
        }
    }
    return true;
}

gdal::FeaturePtr EventStore::Impl::article_row(const ArticleRecord& article) const {
    gdal::FeaturePtr row(OGRFeature::CreateFeature(articles->GetLayerDefn()));
    set_text(*row, "id", article.id);
    set_text(*row, "content_hash", article.content_hash);
    set_text(*row, "title", article.title);
    set_text(*row, "url", article.url);
    set_text(*row, "published", article.published);
    row->SetField("published_inferred", article.published_inferred ? 1 : 0);
    set_text(*row, "ingested_at",
             article.ingested_at.empty() ? utc_now_iso() : article.ingested_at);
    set_text(*row, "source_path", article.source_path);
    return row;
}

gdal::FeaturePtr EventStore::Impl::mention_row(const MentionRecord& mention,
                                               const std::string& article_id) const {
    gdal::FeaturePtr m(OGRFeature::CreateFeature(mentions->GetLayerDefn()));
    set_text(*m, "article_id", mention.article_id.empty() ? article_id : mention.article_id);
    m->SetField("start", static_cast<GIntBig>(mention.start));
    m->SetField("end", static_cast<GIntBig>(mention.end));
    set_text(*m, "text", mention.text);
    set_text(*m, "name", mention.name);
    m->SetField("gazetteer_id", static_cast<GIntBig>(mention.gazetteer_id));
    m->SetField("lat", mention.position.lat);
    m->SetField("lon", mention.position.lon);
    set_text(*m, "country", mention.country);
    set_text(*m, "feature_code", mention.feature_code);
    set_text(*m, "type", mention.type);
    set_text(*m, "role", mention.role);
    m->SetField("confidence", mention.confidence);
    return m;
}

bool EventStore::append_sources(const std::string& event_id,
                                const std::vector<model::EventSource>& sources) {
    impl_->require_open();
    impl_->require_writable_store();
    if (!impl_->batch) {
        begin();
        try {
            const bool found = append_sources(event_id, sources);
            commit();
            return found;
        } catch (...) {
            rollback();
            throw;
        }
    }
    if (impl_->pg) {
        Impl::PgOp op;
        op.event_id = event_id;
        op.sources = sources;
        return impl_->pg_run(op, nullptr, "adding sources to event " + event_id);
    }
    gdal::ErrorCapture errors;
    return impl_->append_sources(event_id, sources, errors);
}

} // namespace eventmap::store
