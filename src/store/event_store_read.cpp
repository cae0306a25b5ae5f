// EventStore: reading (queries, finds, counts).
#include "common/error.hpp"
#include "store/event_query.hpp"
#include "store/event_record.hpp"
#include "store/event_store.hpp"
#include "store/place_overrides.hpp"
#include "store/store_impl.hpp"
#include "store/store_target.hpp"

namespace eventmap::store {

namespace {

// Sets a query's filters on the events layer and clears them again, whatever happens.
class FilterScope {
  public:
    FilterScope(OGRLayer& layer, const EventQuery& query, const std::string& display)
        : layer_(layer) {
        if (!query.from.empty()) {
            validate_query_date(query.from, "--from");
        }
        if (!query.to.empty()) {
            validate_query_date(query.to, "--to");
        }
        const std::string where = where_clause(query);
        if (layer_.SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE) {
            throw DataError("cannot filter events by " + where, display);
        }
        if (query.bbox) {
            const auto& b = *query.bbox;
            layer_.SetSpatialFilterRect(b.west, b.south, b.east, b.north);
        }
        layer_.ResetReading();
    }
    FilterScope(const FilterScope&) = delete;
    FilterScope& operator=(const FilterScope&) = delete;
    ~FilterScope() {
        layer_.SetAttributeFilter(nullptr);
        layer_.SetSpatialFilter(nullptr);
    }

  private:
    OGRLayer& layer_;
};

[[noreturn]] void read_failed(const std::string& display, const std::string& doing,
                              gdal::ErrorCapture& errors) {
    const std::string message = errors.message();
    const std::string hint = failure_hint(message, is_pg_target(display));
    throw DataError((hint == "write failed" ? "cannot read the store" : hint) + " while " + doing +
                        ": " + message,
                    display);
}

} // namespace

bool EventStore::for_each_event(const EventQuery& query,
                                const std::function<void(const model::Event&)>& sink,
                                const std::atomic<bool>* cancel) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    std::uint64_t row = 0;
    bool complete = true;
    while (gdal::FeaturePtr feature{impl_->events->GetNextFeature()}) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            complete = false;
            break;
        }
        ++row;
        sink(read_event(*feature, impl_->event_index,
                        impl_->display + " (events row " + std::to_string(row) + ")"));
    }
    if (errors.has_error()) {
        read_failed(impl_->display, "reading events", errors);
    }
    return complete;
}

EventStore::EventPage EventStore::read_events(const EventQuery& query, std::uint64_t offset,
                                              std::size_t limit, const std::atomic<bool>* cancel) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    EventPage page;
    std::uint64_t row = 0;
    while (gdal::FeaturePtr feature{impl_->events->GetNextFeature()}) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            page.complete = false;
            break;
        }
        ++row;
        if (row <= offset) {
            continue;
        }
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        page.events.push_back(
            read_event(*feature, impl_->event_index,
                       impl_->display + " (events row " + std::to_string(row) + ")"));
    }
    if (errors.has_error()) {
        read_failed(impl_->display, "reading events", errors);
    }
    return page;
}

std::optional<model::Event> EventStore::find_event(const std::string& id) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    gdal::FeaturePtr feature =
        impl_->find_one(impl_->events, "\"id\" = " + gdal::sql_literal(id), errors);
    if (!feature) {
        return std::nullopt;
    }
    return read_event(*feature, impl_->event_index, impl_->display + " (event " + id + ")");
}

std::optional<ArticleRecord> EventStore::find_article(const std::string& content_hash) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    gdal::FeaturePtr row = impl_->find_one(
        impl_->articles, "\"content_hash\" = " + gdal::sql_literal(content_hash), errors);
    if (!row) {
        return std::nullopt;
    }
    ArticleRecord article;
    article.id = field_text(*row, "id");
    article.content_hash = field_text(*row, "content_hash");
    article.title = field_text(*row, "title");
    article.url = field_text(*row, "url");
    article.published = field_text(*row, "published");
    article.published_inferred = row->GetFieldAsInteger("published_inferred") != 0;
    article.ingested_at = field_text(*row, "ingested_at");
    article.source_path = field_text(*row, "source_path");
    return article;
}

std::vector<MentionRecord> EventStore::mentions_of(const std::string& article_id) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    OGRLayer* table = impl_->mentions;
    const std::string where = "\"article_id\" = " + gdal::sql_literal(article_id);
    if (table->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
        read_failed(impl_->display, "filtering mentions by " + where, errors);
    }
    table->ResetReading();
    std::vector<MentionRecord> out;
    while (gdal::FeaturePtr row{table->GetNextFeature()}) {
        MentionRecord m;
        m.article_id = field_text(*row, "article_id");
        m.start = static_cast<std::uint64_t>(row->GetFieldAsInteger64("start"));
        m.end = static_cast<std::uint64_t>(row->GetFieldAsInteger64("end"));
        m.text = field_text(*row, "text");
        m.name = field_text(*row, "name");
        m.gazetteer_id = static_cast<std::uint64_t>(row->GetFieldAsInteger64("gazetteer_id"));
        m.position = LatLon{row->GetFieldAsDouble("lat"), row->GetFieldAsDouble("lon")};
        m.country = field_text(*row, "country");
        m.feature_code = field_text(*row, "feature_code");
        m.type = field_text(*row, "type");
        m.role = field_text(*row, "role");
        m.confidence = row->GetFieldAsDouble("confidence");
        out.push_back(std::move(m));
    }
    table->SetAttributeFilter(nullptr);
    if (errors.has_error()) {
        read_failed(impl_->display, "reading mentions", errors);
    }
    return out;
}

std::uint64_t EventStore::count_events(const EventQuery& query) {
    impl_->require_open();
    gdal::ErrorCapture errors;
    FilterScope filter(*impl_->events, query, impl_->display);
    const GIntBig count = impl_->events->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting events", errors);
    }
    return static_cast<std::uint64_t>(count);
}

std::vector<PlaceOverride> EventStore::place_overrides() {
    impl_->require_open();
    gdal::ErrorCapture errors;
    std::vector<PlaceOverride> out;
    OGRLayer* table = impl_->ds->GetLayerByName("place_overrides");
    if (table == nullptr) {
        errors.clear(); // no table: no correction was ever made
        return out;
    }
    auto active = active_place_overrides(*table);
    if (!active) {
        read_failed(impl_->display, "filtering place overrides", errors);
    }
    out = std::move(*active);
    if (errors.has_error()) {
        read_failed(impl_->display, "reading place overrides", errors);
    }
    return out;
}

std::uint64_t EventStore::count_articles() {
    impl_->require_open();
    gdal::ErrorCapture errors;
    const GIntBig count = impl_->articles->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting articles", errors);
    }
    return static_cast<std::uint64_t>(count);
}

std::uint64_t EventStore::count_mentions() {
    impl_->require_open();
    gdal::ErrorCapture errors;
    const GIntBig count = impl_->mentions->GetFeatureCount(TRUE);
    if (count < 0 || errors.has_error()) {
        read_failed(impl_->display, "counting mentions", errors);
    }
    return static_cast<std::uint64_t>(count);
}

} // namespace eventmap::store
