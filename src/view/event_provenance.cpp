#include "view/event_provenance.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "dates/date_tagger.hpp"
#include "model/event_fields.hpp"

#include <set>

namespace eventmap::view {

namespace {

std::string field(const DetailFields& fields, const char* name) {
    const auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::string text_of(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
}

double real_of(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : 0.0;
}

// The source opened for reading; null when it cannot be (a file gone: the panel shows less).
gdal::DatasetPtr open_read(const std::string& source) {
    gdal::register_drivers();
    gdal::ErrorCapture quiet;
    return gdal::DatasetPtr(GDALDataset::FromHandle(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

// A store's table by name; PostGIS stores outside the public schema name it "schema.name".
OGRLayer* table_named(GDALDataset& ds, const std::string& name) {
    if (OGRLayer* layer = ds.GetLayerByName(name.c_str())) {
        return layer;
    }
    const std::string suffix = "." + name;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        const std::string n = ds.GetLayer(i)->GetName();
        if (n.size() > suffix.size() &&
            n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return ds.GetLayer(i);
        }
    }
    return nullptr;
}

// Title, URL and publication date of each article id, from the store's articles table.
void fill_articles(const std::string& source, std::vector<SourceReport>& reports) {
    gdal::DatasetPtr ds = open_read(source);
    OGRLayer* articles = ds ? table_named(*ds, "articles") : nullptr;
    if (articles == nullptr) {
        return;
    }
    std::set<std::string> ids;
    for (const auto& r : reports) {
        ids.insert(r.article_id);
    }
    std::string filter;
    for (const auto& id : ids) {
        filter += (filter.empty() ? "id IN (" : ", ") + gdal::sql_literal(id);
    }
    gdal::ErrorCapture errors;
    if (filter.empty() || articles->SetAttributeFilter((filter + ")").c_str()) != OGRERR_NONE) {
        return;
    }
    articles->ResetReading();
    while (gdal::FeaturePtr a{articles->GetNextFeature()}) {
        const std::string id = text_of(*a, "id");
        for (auto& r : reports) {
            if (r.article_id == id) {
                r.title = text_of(*a, "title");
                r.url = text_of(*a, "url");
                r.published = text_of(*a, "published");
            }
        }
    }
    articles->SetAttributeFilter(nullptr);
}

// Whether a TIMEX3 value names the day, month or year `key` ("2018-02-20", "2018-02-20T09:00"
// for a day key; "2018-02" only for a month key).
bool names_period(const std::string& value, const std::string& key) {
    return !key.empty() && value.compare(0, key.size(), key) == 0 &&
           (value.size() == key.size() || value[key.size()] == 'T');
}

std::string period_key(const std::string& iso, const std::string& precision) {
    const std::size_t n = precision == "year" ? 4 : precision == "month" ? 7 : 10;
    return iso.size() >= n ? iso.substr(0, n) : std::string();
}

} // namespace

std::vector<SourceReport> source_reports(const std::string& source, const DetailFields& fields) {
    std::vector<SourceReport> reports;
    try {
        for (const auto& s : model::sources_from_json(field(fields, "sources"), "sources")) {
            reports.push_back({s.article_id, s.sentence, {}, {}, {}});
        }
    } catch (const Error&) {
        reports.clear(); // not the store's list (a foreign file's column): the one sentence
    }
    if (reports.empty() && !field(fields, "event_text").empty()) {
        reports.push_back({field(fields, "article_id"), field(fields, "event_text"), {}, {}, {}});
    }
    fill_articles(source, reports);
    // A source without an articles table (an export) still describes the event's own article.
    for (auto& r : reports) {
        if (r.title.empty() && r.url.empty() && r.published.empty() &&
            (r.article_id == field(fields, "article_id") || reports.size() == 1)) {
            r.title = field(fields, "title");
            r.url = field(fields, "url");
            r.published = field(fields, "published");
        }
    }
    return reports;
}

std::vector<std::pair<std::size_t, std::size_t>> date_mentions(const std::string& sentence,
                                                               const DetailFields& fields,
                                                               const std::string& published) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::string precision = field(fields, "date_precision");
    const std::string first = period_key(field(fields, "date"), precision);
    const std::string last = period_key(field(fields, "enddate"), precision);
    if (first.empty() || sentence.empty()) {
        return spans;
    }
    dates::DateOptions options;
    options.infer_published = false;
    if (published.size() >= 10 && model::parse_day(published.substr(0, 10))) {
        options.published = published.substr(0, 10);
    }
    for (const auto& e : dates::tag_text(sentence, options).expressions) {
        if (names_period(e.value, first) || names_period(e.value, last)) {
            spans.emplace_back(e.byte_start, e.byte_end);
        }
    }
    return spans;
}

std::optional<CorrectionRecord> latest_correction(const std::string& source,
                                                  const std::string& event_id) {
    gdal::DatasetPtr ds = open_read(source);
    OGRLayer* corrections = ds ? table_named(*ds, "view_corrections") : nullptr;
    if (corrections == nullptr) {
        return std::nullopt;
    }
    gdal::ErrorCapture errors;
    const std::string filter =
        "event_id = " + gdal::sql_literal(event_id) + " AND undone_at IS NULL";
    if (corrections->SetAttributeFilter(filter.c_str()) != OGRERR_NONE) {
        return std::nullopt;
    }
    std::optional<CorrectionRecord> latest;
    corrections->ResetReading();
    while (gdal::FeaturePtr row{corrections->GetNextFeature()}) {
        if (latest && row->GetFID() < latest->record) {
            continue;
        }
        CorrectionRecord c;
        c.record = row->GetFID();
        c.event_id = event_id;
        c.extracted_place = text_of(*row, "extracted_place");
        c.article_id = text_of(*row, "article_id");
        c.before.name = text_of(*row, "old_place");
        c.before.country_code = text_of(*row, "old_country_code");
        c.before.position = {real_of(*row, "old_lat"), real_of(*row, "old_lon")};
        c.after.name = text_of(*row, "new_place");
        c.after.country_code = text_of(*row, "new_country_code");
        c.after.position = {real_of(*row, "new_lat"), real_of(*row, "new_lon")};
        c.who = text_of(*row, "who");
        c.at = text_of(*row, "corrected_at");
        latest = std::move(c);
    }
    corrections->SetAttributeFilter(nullptr);
    return latest;
}

} // namespace eventmap::view
