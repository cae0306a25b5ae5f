#include "events/merge.hpp"

#include <algorithm>
#include <utility>

namespace eventmap::events {

namespace {

int source_strength(model::DateSource s) {
    if (s == model::DateSource::explicit_date) {
        return 3;
    }
    if (s == model::DateSource::relative) {
        return 2;
    }
    return s == model::DateSource::publication ? 1 : 0;
}

void add_unique(std::vector<std::string>& into, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        if (std::find(into.begin(), into.end(), n) == into.end()) {
            into.push_back(n);
        }
    }
}

std::string source_key(const model::EventSource& s) {
    return s.article_id + '\n' + std::to_string(s.start) + ':' + std::to_string(s.end);
}

// Everything merge_into folds but the sources.
void merge_details(Event& into, Event&& other) {
    add_unique(into.actor, other.actor);
    add_unique(into.recipient, other.recipient);
    // One report's actor may be another's recipient (a passive and an active sentence); the
    // actor role wins.
    into.recipient.erase(std::remove_if(into.recipient.begin(), into.recipient.end(),
                                        [&](const std::string& r) {
                                            return std::find(into.actor.begin(), into.actor.end(),
                                                             r) != into.actor.end();
                                        }),
                         into.recipient.end());
    if (source_strength(other.date_source) > source_strength(into.date_source)) {
        into.date_source = other.date_source;
    }
    // A finer place name for the same entry (the sentence that says "in northern Brambly").
    if (into.event_loc.extracted_place.empty()) {
        into.event_loc.extracted_place = other.event_loc.extracted_place;
    }
    // The best-supported report names the event ("gas attack" rather than "killed").
    if (other.confidence > into.confidence) {
        into.trigger = std::move(other.trigger);
        into.trigger_start = other.trigger_start;
        into.trigger_end = other.trigger_end;
        into.cameo_root = std::move(other.cameo_root);
        into.mode = std::move(other.mode);
        into.confidence = other.confidence;
    }
}

} // namespace

std::string merge_key(const Event& e) {
    if (e.event_loc.geonameid == 0) {
        return "id\n" + e.id;
    }
    // Two villages the gazetteer lacks, both placed on their district, are two places.
    return std::string(model::to_string(e.event)) + '\n' + std::to_string(e.event_loc.geonameid) +
           '\n' + std::to_string(e.event_loc.resolution) + '\n' + e.event_loc.unresolved + '\n' +
           model::iso_date(e) + '\n' + model::iso_enddate(e) + '\n' +
           (e.planned ? "planned" : "reported");
}

bool compatible(const Event& a, const Event& b) {
    if ((a.actor.empty() && a.recipient.empty()) || (b.actor.empty() && b.recipient.empty())) {
        return true; // one report does not say who: nothing contradicts
    }
    // Someone named in both, as actor or recipient (a passive report swaps the roles).
    const auto named = [](const Event& e, const std::string& n) {
        return std::find(e.actor.begin(), e.actor.end(), n) != e.actor.end() ||
               std::find(e.recipient.begin(), e.recipient.end(), n) != e.recipient.end();
    };
    for (const auto* list : {&a.actor, &a.recipient}) {
        for (const auto& n : *list) {
            if (named(b, n)) {
                return true;
            }
        }
    }
    return false;
}

void merge_into(Event& into, Event&& other) {
    for (auto& s : other.sources) {
        const bool known =
            std::any_of(into.sources.begin(), into.sources.end(), [&](const auto& t) {
                return t.article_id == s.article_id && t.start == s.start && t.end == s.end;
            });
        if (!known) {
            into.sources.push_back(std::move(s));
        }
    }
    merge_details(into, std::move(other));
}

void merge_events(std::vector<Event>& events) {
    EventMerger merger;
    merger.add(std::move(events));
    events = merger.take();
}

void EventMerger::add(std::vector<Event> events) {
    for (auto& e : events) {
        std::vector<std::size_t>& same = index_[merge_key(e)];
        const auto match = std::find_if(same.begin(), same.end(),
                                        [&](std::size_t i) { return compatible(events_[i], e); });
        if (match == same.end()) {
            same.push_back(events_.size());
            auto& seen = sources_seen_.emplace_back();
            for (const auto& s : e.sources) {
                seen.insert(source_key(s));
            }
            events_.push_back(std::move(e));
        } else {
            // merge_into's sources step, with the set instead of a scan of the sources.
            Event& into = events_[*match];
            auto& seen = sources_seen_[*match];
            for (auto& s : e.sources) {
                if (seen.insert(source_key(s)).second) {
                    into.sources.push_back(std::move(s));
                }
            }
            merge_details(into, std::move(e));
            ++merged_;
        }
    }
}

std::vector<Event> EventMerger::take() {
    index_.clear();
    sources_seen_.clear();
    merged_ = 0;
    std::vector<Event> out;
    out.swap(events_);
    return out;
}

} // namespace eventmap::events
