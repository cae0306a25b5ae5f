// Where a selected event comes from, for the details panel: every sentence that reported it
// (a merged event has several) with its article's title, URL and publication date, the date
// expressions in each sentence that give the event's date, and the correction that moved it
// (who, when, from where). Read from the source on selection, never per frame; no GL.
#pragma once

#include "view/correction_store.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::view {

using DetailFields = std::map<std::string, std::string>;

struct SourceReport {
    std::string article_id;
    std::string sentence;
    std::string title, url, published; // the article's (empty when the source lacks them)
};

// The event's reports from its `sources` column (a JSON array; the store keeps a capped list),
// else its one sentence (`event_text`). Titles, URLs and publication dates come from the
// source's `articles` table when it has one, else from the event's own columns for the
// article they describe. Throws nothing: an unreadable list falls back to `event_text`.
std::vector<SourceReport> source_reports(const std::string& source, const DetailFields& fields);

// The byte spans of `sentence` holding the event's date: the time expressions the date tagger
// finds in it (relative ones resolved against `published`, YYYY-MM-DD...) whose value starts
// or ends on the event's first or last day at the event's precision. Empty when the date did
// not come from this sentence (a publication date, a date from an earlier sentence).
std::vector<std::pair<std::size_t, std::size_t>> date_mentions(const std::string& sentence,
                                                               const DetailFields& fields,
                                                               const std::string& published);

// The latest correction of `event_id` that is not undone (view_corrections, written by
// CorrectionStore); nullopt when none or when the source has no such table.
std::optional<CorrectionRecord> latest_correction(const std::string& source,
                                                  const std::string& event_id);

} // namespace eventmap::view
