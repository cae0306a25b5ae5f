#include "pipeline/ingest.hpp"

#include "common/utf8.hpp"
#include "events/merge.hpp"

#include <utility>

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

// The events module's merge rule, applied by the store against what it holds (issue 11), so
// one run, many small runs and a killed and resumed run give the same events.
store::MergeRule merge_rule() {
    store::MergeRule rule;
    rule.key = [](const Event& e) {
        // Events without a resolved place never merge (merge_key gives each its own key).
        return e.event_loc.geonameid == 0 ? std::string() : events::merge_key(e);
    };
    rule.compatible = [](const Event& stored, const Event& report) {
        return events::compatible(stored, report);
    };
    rule.merge = [](Event& stored, Event&& report) {
        events::merge_into(stored, std::move(report));
    };
    return rule;
}

// The viewer's corrections (store::PlaceOverride) before the store merges: a name corrected in
// an article means the corrected place in a later report of that article (an override without
// an article: everywhere). The latest override of a name wins.
void apply_overrides(std::vector<Event>& found, const std::vector<store::PlaceOverride>& rules) {
    for (auto& e : found) {
        auto& loc = e.event_loc;
        if (loc.extracted_place.empty()) {
            continue;
        }
        for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
            if (rule->name != loc.extracted_place ||
                (!rule->article_id.empty() && rule->article_id != e.article_id)) {
                continue;
            }
            loc.resolved_place = rule->place;
            loc.geonameid = rule->geonameid;
            loc.position = rule->position;
            loc.country_code = rule->country_code;
            loc.basis = "override";
            loc.unresolved.clear();
            break;
        }
    }
}

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
    db.set_merge_rule(merge_rule());
    const std::vector<store::PlaceOverride> overrides = db.place_overrides();
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
            apply_overrides(found.events, overrides);
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
            std::vector<Event> fresh;
            if (db.add_article(record, found.events, mentions, &fresh)) {
                summary.reports += found.events.size();
                summary.add(fresh);
            } else {
                ++summary.skipped; // another writer stored it after has_article looked
            }
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
