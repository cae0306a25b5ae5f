#include "pipeline/ingest.hpp"

#include "common/utf8.hpp"
#include "events/merge.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>

namespace eventmap::pipeline {

namespace {

store::MentionRecord to_record(const geoparse::Mention& m) {
    store::MentionRecord r;
    r.start = m.start;
    r.end = m.end;
    r.text = m.text;
    r.name = m.name;
    r.gazetteer_id = m.gazetteer_id;
    r.position = m.position;
    r.country = m.country;
    r.feature_code = m.feature_code;
    r.type = m.type == geoparse::MentionType::demonym ? "demonym" : "place";
    r.role = m.role == geoparse::Role::actor ? "actor" : "location";
    r.confidence = m.confidence;
    return r;
}

// Which stored event each merge key went to in this run. Keys and ids are kept as 64-bit
// numbers in two generations of at most `generation_size` entries each: when the current one
// fills up it becomes the previous one and the oldest is dropped. Duplicate reports come from
// the same news cycle, so merging looks back over the last few hundred thousand events, and
// memory stays flat however long the ingest.
class RunMerger {
  public:
    static constexpr std::size_t generation_size = 250000;

    // Splits `found` into events to store and reports of events stored earlier in the run,
    // whose sources are appended to them.
    std::vector<Event> route(std::vector<Event> found, store::EventStore& db) {
        std::vector<Event> fresh;
        for (auto& e : found) {
            const std::uint64_t key = std::hash<std::string>{}(events::merge_key(e));
            const std::optional<std::uint64_t> earlier = find(key);
            if (earlier && db.append_sources(hex_id(*earlier), e.sources)) {
                continue;
            }
            remember(key, e.id);
            fresh.push_back(std::move(e));
        }
        return fresh;
    }

  private:
    std::optional<std::uint64_t> find(std::uint64_t key) const {
        for (const auto* generation : {&current_, &previous_}) {
            const auto it = generation->find(key);
            if (it != generation->end()) {
                return it->second;
            }
        }
        return std::nullopt;
    }

    void remember(std::uint64_t key, const std::string& id) {
        if (current_.size() >= generation_size) {
            previous_.swap(current_);
            current_.clear();
        }
        current_[key] = std::strtoull(id.c_str(), nullptr, 16);
    }

    static std::string hex_id(std::uint64_t id) {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
        return buf;
    }

    std::unordered_map<std::uint64_t, std::uint64_t> current_;
    std::unordered_map<std::uint64_t, std::uint64_t> previous_;
};

} // namespace

void IngestSummary::add(const std::vector<Event>& list) {
    for (const auto& e : list) {
        ++events;
        if (e.event_loc.geonameid != 0) {
            places.insert(e.event_loc.geonameid);
        }
        if (model::has_date(e)) {
            const std::string day = model::format_day(e.date);
            const std::string end = model::iso_enddate(e);
            if (first_date.empty() || day < first_date) {
                first_date = day;
            }
            if (last_date.empty() || end > last_date) {
                last_date = end;
            }
        }
    }
}

std::string IngestSummary::text() const {
    std::string out = std::to_string(articles) + " articles";
    if (skipped > 0) {
        out += " (" + std::to_string(skipped) + " already stored, skipped)";
    }
    out += ", " + std::to_string(events) + " events";
    if (reports > events) {
        out += " (from " + std::to_string(reports) + " reports)";
    }
    out += ", " + std::to_string(places.size()) + " places";
    if (!first_date.empty()) {
        out += ", " + first_date + " to " + last_date;
    }
    return out;
}

IngestSummary ingest_articles(const std::function<bool(Article&)>& next, store::EventStore& db,
                              const events::EventExtractor& extractor, const IngestOptions& options,
                              const std::function<void(std::uint64_t)>& progress) {
    IngestSummary summary;
    RunMerger merger;
    Article article;
    std::size_t in_batch = 0;
    db.begin();
    while (next(article)) {
        ++summary.articles;
        if (!utf8::is_valid(article.text)) {
            article.text = utf8::sanitize(article.text).text; // hash what process() hashes
        }
        if (db.has_article(events::content_hash(article.text))) {
            ++summary.skipped;
        } else {
            events::ArticleEvents found = extractor.process(article);
            summary.reports += found.events.size();
            std::vector<Event> fresh = merger.route(std::move(found.events), db);
            summary.add(fresh);
            store::ArticleRecord record;
            record.id = article.id;
            record.content_hash = found.content_hash;
            record.title = article.title;
            record.url = article.url;
            record.published = found.dates.published.value;
            record.published_inferred = found.dates.published.inferred;
            record.source_path = article.source_file;
            std::vector<store::MentionRecord> mentions;
            mentions.reserve(found.mentions.size());
            for (const auto& m : found.mentions) {
                mentions.push_back(to_record(m));
            }
            db.add_article(record, fresh, mentions);
        }
        if (++in_batch >= options.batch) {
            db.commit();
            db.begin();
            in_batch = 0;
        }
        if (progress) {
            progress(summary.articles);
        }
    }
    db.commit();
    return summary;
}

} // namespace eventmap::pipeline
