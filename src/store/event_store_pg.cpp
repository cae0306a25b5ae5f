// EventStore::Impl on PostGIS: creating the tables once when several writers start together,
// and running each batch operation on the libpq connection (pg_writer.hpp), replaying the open
// batch when the server aborted it to break a deadlock with another writer.
#include "common/error.hpp"
#include "model/event.hpp"
#include "store/store_impl.hpp"
#include "store/store_schema.hpp"

#include <chrono>
#include <random>
#include <thread>
#include <unistd.h>

namespace eventmap::store {

namespace {

// How often a batch the server aborted (deadlock, serialization failure) is run again before
// the ingest gives up. Each try waits a little longer, at random, so two writers that keep
// meeting stop meeting.
constexpr int max_batch_attempts = 20;

void back_off(int attempt) {
    static thread_local std::minstd_rand random(static_cast<unsigned>(::getpid()));
    std::uniform_int_distribution<int> spread(5, 25);
    std::this_thread::sleep_for(std::chrono::milliseconds(spread(random) * attempt));
}

} // namespace

// Writers starting on an empty database would each create the tables, and all but one fail on
// the catalog's unique names. An advisory lock held (on a connection of its own) while GDAL
// creates them lets one create; the others wait, then find them.
void EventStore::Impl::create_pg_schema_once() {
    try {
        PgConnection guard(target);
        guard.exec("BEGIN");
        guard.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                   {std::string("eventmap-store\ncreate schema")});
        const bool exists = guard
                                .exec("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = "
                                      "$1 AND tablename = $2",
                                      {guard.schema(), std::string(metadata_layer)})
                                .rows() > 0;
        if (!exists) {
            gdal::ErrorCapture errors;
            start_transaction(errors);
            try {
                create_schema(*ds, true, errors);
            } catch (const Error& e) {
                ds->RollbackTransaction();
                throw OutputError(e.what(), display);
            }
            if (ds->CommitTransaction() != OGRERR_NONE) {
                throw OutputError("cannot create the schema: " + errors.message(), display);
            }
        }
        guard.exec("COMMIT");
    } catch (const PgError& e) {
        throw OutputError(std::string("cannot create the schema: ") + e.what(), display);
    }
}

// One add_article or append_sources of the batch. An article takes its locks first (its
// content hash, its events' merge keys: pg_writer.hpp), so what it reads next is what the
// writers before it committed.
bool EventStore::Impl::pg_apply(const PgOp& op, std::vector<model::Event>* fresh) {
    gdal::ErrorCapture errors;
    if (op.article.id.empty()) {
        return append_sources(op.event_id, op.sources, errors);
    }
    std::vector<std::string> locks = {"article\n" + op.article.content_hash};
    if (merge_rule.key) {
        for (const auto& event : op.events) {
            const std::string key = merge_rule.key(event);
            if (!key.empty()) {
                locks.push_back("event\n" + key);
            }
        }
    }
    if (!pg->try_lock(locks)) {
        // Another writer holds one: commit what this batch did (so it holds no lock while it
        // waits), then wait for this article's locks in order (pg_writer.hpp).
        pg->commit();
        pg_batch.clear();
        pg->begin();
        pg->lock(locks);
    }
    if (!pg->insert_article(*article_row(op.article))) {
        return false; // another writer stored it first: skipped
    }
    std::vector<std::string> dates;
    dates.reserve(op.events.size());
    for (const auto& event : op.events) {
        dates.push_back(model::iso_date(event));
    }
    pg->prepare_dates(dates);
    store_events(op.events, fresh, errors);
    for (const auto& mention : op.mentions) {
        pg->insert_mention(*mention_row(mention, op.article.id));
    }
    return true;
}

bool EventStore::Impl::pg_run(const PgOp& op, std::vector<model::Event>* fresh,
                              const std::string& doing) {
    const std::size_t fresh_before = fresh == nullptr ? 0 : fresh->size();
    bool replay = false;
    for (int attempt = 1;; ++attempt) {
        try {
            if (replay) {
                // The batch so far, again: what another writer committed meanwhile is now
                // skipped or merged into (the caller's counts of it are not revised).
                pg->begin();
                // pg_apply may commit early (and clear the list) as it goes.
                std::vector<PgOp> done = std::move(pg_batch);
                pg_batch.clear();
                std::size_t i = 0;
                try {
                    for (; i < done.size(); ++i) {
                        pg_apply(done[i], nullptr);
                        pg_batch.push_back(done[i]);
                    }
                } catch (const PgError&) {
                    // Rolled back below: what is not committed is replayed next time.
                    pg_batch.insert(pg_batch.end(), done.begin() + static_cast<std::ptrdiff_t>(i),
                                    done.end());
                    throw;
                }
            }
            const bool result = pg_apply(op, fresh);
            pg_batch.push_back(op);
            return result;
        } catch (const PgError& e) {
            if (!e.retryable() || attempt >= max_batch_attempts) {
                pg_fail(doing, e);
            }
            pg->rollback();
            if (fresh != nullptr) {
                fresh->resize(fresh_before);
            }
            back_off(attempt);
            replay = true;
        }
    }
}

void EventStore::Impl::pg_fail(const std::string& doing, const PgError& error, bool reading) {
    const std::string message = error.what();
    const bool had_batch = batch;
    batch = false;
    pg_batch.clear();
    pg->rollback();
    const std::string hint = failure_hint(message, true);
    const std::string suffix = had_batch ? " (batch rolled back: the store is as before it)" : "";
    if (reading && hint == "write failed") {
        throw DataError("cannot read the store while " + doing + ": " + message + suffix, display);
    }
    throw OutputError(hint + " while " + doing + ": " + message + suffix, display);
}

} // namespace eventmap::store
