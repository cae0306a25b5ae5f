// PgWriter: the PostGIS store's batch writes with bound parameters (see pg_writer.hpp for how
// concurrent writers are settled).
#include "store/pg_writer.hpp"

#include "common/hash.hpp"
#include "store/event_journal.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace eventmap::store {

namespace {

// Our own table and column names only (never input), quoted as identifiers.
std::string ident(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c == '"' ? "\"\"" : std::string(1, c);
    }
    return out + "\"";
}

std::string fid_column(OGRLayer& layer) {
    const char* fid = layer.GetFIDColumn();
    return fid != nullptr && *fid != '\0' ? fid : "fid";
}

std::string geometry_column(OGRLayer& layer) {
    const char* geom = layer.GetGeometryColumn();
    return geom != nullptr && *geom != '\0' ? geom : "geom";
}

bool is_boolean(const OGRFieldDefn& field) {
    return field.GetType() == OFTInteger && field.GetSubType() == OFSTBoolean;
}

// A field as a bound parameter's text (NULL: nullopt), in PostgreSQL's input syntax.
std::optional<std::string> param_of(const OGRFeature& row, int i) {
    if (!row.IsFieldSetAndNotNull(i)) {
        return std::nullopt;
    }
    const OGRFieldDefn& field = *row.GetFieldDefnRef(i);
    if (is_boolean(field)) {
        return row.GetFieldAsInteger(i) != 0 ? "true" : "false";
    }
    if (field.GetType() == OFTReal) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", row.GetFieldAsDouble(i));
        return std::string(buffer);
    }
    return std::string(row.GetFieldAsString(i));
}

// Column list and parameters of every set field of `row` ($first, $first+1...).
struct Columns {
    std::vector<std::string> names;
    PgParams params;
};

Columns columns_of(const OGRFeature& row) {
    Columns out;
    const OGRFeatureDefn& defn = *row.GetDefnRef();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        out.names.push_back(ident(defn.GetFieldDefn(i)->GetNameRef()));
        out.params.push_back(param_of(row, i));
    }
    return out;
}

std::string bind_param(std::size_t n) {
    return "$" + std::to_string(n);
}

// The point of an event row as two parameters, or none.
bool point_of(const OGRFeature& row, PgParams& params) {
    const OGRGeometry* geometry = row.GetGeometryRef();
    if (geometry == nullptr || wkbFlatten(geometry->getGeometryType()) != wkbPoint) {
        return false;
    }
    const auto* point = geometry->toPoint();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", point->getX());
    params.emplace_back(buffer);
    std::snprintf(buffer, sizeof buffer, "%.17g", point->getY());
    params.emplace_back(buffer);
    return true;
}

// `table` as statements name it (PgConnection::table).
std::string insert_statement(const std::string& table, const Columns& columns,
                             const std::string& extra_column = {},
                             const std::string& extra_value = {}) {
    std::string names;
    std::string values;
    for (std::size_t i = 0; i < columns.names.size(); ++i) {
        names += (i == 0 ? "" : ", ") + columns.names[i];
        values += (i == 0 ? "" : ", ") + bind_param(i + 1);
    }
    if (!extra_column.empty()) {
        names += ", " + extra_column;
        values += ", " + extra_value;
    }
    return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
}

} // namespace

PgWriter::PgWriter(const std::string& target, OGRLayer& events, OGRLayer& articles,
                   OGRLayer& mentions)
    : conn_(target), events_(events), articles_(articles), mentions_(mentions), target_(target) {
    const PgResult kind =
        conn_.exec("SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = to_regclass($1)",
                   {conn_.table(events_.GetName())});
    partitioned_ = kind.rows() == 1 && kind.text(0, 0) == "p";
    if (partitioned_) {
        const PgResult parts = conn_.exec(
            "SELECT c.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON "
            "c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1)",
            {conn_.table(events_.GetName())});
        for (int r = 0; r < parts.rows(); ++r) {
            partitions_.insert(parts.text(r, 0));
        }
    }
    const OGRFeatureDefn& defn = *events_.GetLayerDefn();
    events_select_ = "SELECT " + ident(fid_column(events_));
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        events_select_ += ", " + ident(defn.GetFieldDefn(i)->GetNameRef());
    }
    const std::string geom = ident(geometry_column(events_));
    events_select_ += ", ST_X(" + geom + ") AS eventmap_x, ST_Y(" + geom + ") AS eventmap_y FROM " +
                      conn_.table(events_.GetName()) + " ";
}

void PgWriter::begin() {
    locked_.clear();
    changed_.clear();
    conn_.exec("BEGIN");
}

void PgWriter::commit() {
    locked_.clear();
    // The rows this transaction wrote, for readers that follow the store (event_journal.hpp).
    journal_commit(conn_, changed_);
    changed_.clear();
    conn_.exec("COMMIT");
}

namespace {

// "YYYY-MM" of a day "YYYY-MM-DD[...]"; empty for an undated event (events_undated). The
// month goes into DDL (partition bounds cannot be parameters), so it is digits only.
std::string month_of(const std::string& date) {
    if (date.empty() || date[0] < '0') {
        return {}; // NULL, or a year before 0: below '0', in events_undated
    }
    const bool ok =
        date.size() >= 7 && date[4] == '-' &&
        std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        date[5] >= '0' && date[5] <= '9' && date[6] >= '0' && date[6] <= '9';
    if (!ok) {
        throw PgError("event date '" + date + "' has no month partition", "22007");
    }
    return date.substr(0, 7);
}

} // namespace

void PgWriter::prepare_dates(const std::vector<std::string>& dates) {
    if (!partitioned_) {
        return;
    }
    for (const auto& date : dates) {
        const std::string month = month_of(date);
        const std::string name =
            std::string(events_.GetName()) + "_" +
            (month.empty() ? "undated" : "p" + month.substr(0, 4) + "_" + month.substr(5, 2));
        if (locked_.count(name) > 0) {
            continue;
        }
        if (partitions_.count(name) == 0) {
            create_partition(name, month);
            partitions_.insert(name);
        }
        // The first lock of a relation in a transaction makes the server read the catalog
        // changes other sessions committed: from here on this transaction routes rows to the
        // partition and reads it, even if another writer attached it after the batch began.
        conn_.exec("LOCK TABLE " + conn_.table(name) + " IN ROW EXCLUSIVE MODE");
        locked_.insert(name);
    }
}

void PgWriter::create_partition(const std::string& name, const std::string& month) {
    if (month.empty()) {
        throw PgError("the store has no events_undated partition", "42P01");
    }
    if (!partition_conn_) {
        partition_conn_ = std::make_unique<PgConnection>(target_);
        // Waits only for another writer creating a partition; never for long.
        partition_conn_->exec("SET lock_timeout = '60s'");
    }
    PgConnection& c = *partition_conn_;
    const std::string parent = c.table(events_.GetName());
    try {
        c.exec("BEGIN");
        c.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
               {std::string("eventmap-store\npartitions")});
        const bool exists =
            c.exec("SELECT 1 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid "
                   "= i.inhrelid WHERE i.inhparent = to_regclass($1) AND c.relname = $2",
                   {c.table(events_.GetName()), name})
                .rows() > 0;
        if (!exists) {
            // Made apart and attached: ATTACH PARTITION takes a lock on the parent that
            // inserts do not wait for (CREATE TABLE ... PARTITION OF would stop every writer).
            c.exec("CREATE TABLE " + c.table(name) + " (LIKE " + parent + " INCLUDING DEFAULTS)");
            c.exec("ALTER TABLE " + parent + " ATTACH PARTITION " + c.table(name) +
                   " FOR VALUES FROM ('" + month + "') TO ('" + month + "~')");
        }
        c.exec("COMMIT");
    } catch (const PgError&) {
        try {
            c.exec("ROLLBACK");
        } catch (const PgError&) {
            // the connection is gone; the server rolled back
        }
        throw;
    }
}

void PgWriter::rollback() {
    locked_.clear();
    changed_.clear();
    try {
        conn_.exec("ROLLBACK");
    } catch (const PgError&) {
        // A lost connection rolled the transaction back already.
    }
}

namespace {

// 64-bit keys of our own namespace ("eventmap-store" first), sorted, as an array parameter; a
// collision only makes two unrelated names wait for each other.
std::string lock_keys(const std::vector<std::string>& names) {
    std::vector<std::int64_t> keys;
    keys.reserve(names.size());
    for (const auto& name : names) {
        keys.push_back(static_cast<std::int64_t>(fnv1a(name, fnv1a("eventmap-store\n"))));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string array = "{";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        array += (i == 0 ? "" : ",") + std::to_string(keys[i]);
    }
    return array + "}";
}

} // namespace

bool PgWriter::try_lock(const std::vector<std::string>& names) {
    if (names.empty()) {
        return true;
    }
    // bool_and reads every row: all the free locks are taken, a held one is not waited for.
    const PgResult result = conn_.exec("SELECT bool_and(pg_try_advisory_xact_lock(k)) FROM "
                                       "(SELECT unnest($1::bigint[]) AS k ORDER BY 1) AS sorted",
                                       {lock_keys(names)});
    return result.rows() == 1 && result.text(0, 0) == "t";
}

void PgWriter::lock(const std::vector<std::string>& names) {
    if (names.empty()) {
        return;
    }
    // In ascending order, so two writers waiting here never wait for each other crosswise.
    conn_.exec("SELECT count(pg_advisory_xact_lock(k)) FROM "
               "(SELECT unnest($1::bigint[]) AS k ORDER BY 1) AS sorted",
               {lock_keys(names)});
}

bool PgWriter::has_article(const std::string& content_hash) {
    return conn_
               .exec("SELECT 1 FROM " + conn_.table(articles_.GetName()) +
                         " WHERE content_hash = $1 LIMIT 1",
                     {content_hash})
               .rows() > 0;
}

bool PgWriter::insert_article(const OGRFeature& row) {
    const Columns columns = columns_of(row);
    const PgResult result = conn_.exec(insert_statement(conn_.table(articles_.GetName()), columns) +
                                           " ON CONFLICT (content_hash) DO NOTHING RETURNING " +
                                           ident(fid_column(articles_)),
                                       columns.params);
    return result.rows() == 1;
}

void PgWriter::insert_mention(const OGRFeature& row) {
    const Columns columns = columns_of(row);
    conn_.exec(insert_statement(conn_.table(mentions_.GetName()), columns), columns.params);
}

// On a partitioned store, a condition on the partition key (the day as C-collated text, ''
// when undated) so the server reads only those months' partitions: a lookup naming none
// plans and probes every partition (88 ms to plan one update over 120 months).
std::string PgWriter::in_days(std::size_t param) const {
    return partitioned_ ? " AND (coalesce(\"date\", '') COLLATE \"C\") = ANY(" + bind_param(param) +
                              "::text[])"
                        : std::string();
}

std::set<std::string> PgWriter::event_ids(const std::vector<std::string>& ids,
                                          const std::vector<std::string>& days) {
    std::set<std::string> found;
    if (ids.empty()) {
        return found;
    }
    // An event with a stored id is a report of the same article and span: the same day.
    PgParams params = {pg_text_array(ids)};
    if (partitioned_) {
        params.emplace_back(pg_text_array(days));
    }
    const PgResult result = conn_.exec("SELECT id FROM " + conn_.table(events_.GetName()) +
                                           " WHERE id = ANY($1::text[])" + in_days(2),
                                       params);
    for (int r = 0; r < result.rows(); ++r) {
        found.insert(result.text(r, 0));
    }
    return found;
}

std::vector<gdal::FeaturePtr> PgWriter::select_events(const std::string& where,
                                                      const PgParams& params) {
    const PgResult result =
        conn_.exec(events_select_ + where + " ORDER BY " + ident(fid_column(events_)), params);
    const OGRFeatureDefn* defn = events_.GetLayerDefn();
    const int x = result.column("eventmap_x");
    const int y = result.column("eventmap_y");
    std::vector<gdal::FeaturePtr> rows;
    for (int r = 0; r < result.rows(); ++r) {
        gdal::FeaturePtr row(OGRFeature::CreateFeature(const_cast<OGRFeatureDefn*>(defn)));
        row->SetFID(std::stoll(result.text(r, 0)));
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const int col = i + 1; // after the fid, in the definition's order
            if (result.is_null(r, col)) {
                row->SetFieldNull(i);
            } else if (is_boolean(*defn->GetFieldDefn(i))) {
                row->SetField(i, result.text(r, col) == "t" ? 1 : 0);
            } else {
                row->SetField(i, result.text(r, col).c_str());
            }
        }
        if (!result.is_null(r, x) && !result.is_null(r, y)) {
            row->SetGeometryDirectly(
                new OGRPoint(std::stod(result.text(r, x)), std::stod(result.text(r, y))));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<gdal::FeaturePtr> PgWriter::events_with_keys(const std::set<std::string>& keys,
                                                         const std::vector<std::string>& days) {
    if (keys.empty()) {
        return {};
    }
    // A merge key holds the event's day, so the events with these keys are on these days.
    PgParams params = {pg_text_array({keys.begin(), keys.end()})};
    if (partitioned_) {
        params.emplace_back(pg_text_array(days));
    }
    return select_events("WHERE merge_key = ANY($1::text[])" + in_days(2), params);
}

gdal::FeaturePtr PgWriter::event_by_id(const std::string& id) {
    auto rows = select_events("WHERE id = $1", {id});
    return rows.empty() ? nullptr : std::move(rows.front());
}

void PgWriter::insert_event(OGRFeature& row) {
    Columns columns = columns_of(row);
    const std::size_t next = columns.params.size() + 1;
    std::string sql;
    if (point_of(row, columns.params)) {
        sql = insert_statement(conn_.table(events_.GetName()), columns,
                               ident(geometry_column(events_)),
                               "ST_SetSRID(ST_MakePoint(" + bind_param(next) + "::float8, " +
                                   bind_param(next + 1) + "::float8), 4326)");
    } else {
        sql = insert_statement(conn_.table(events_.GetName()), columns);
    }
    const PgResult result =
        conn_.exec(sql + " RETURNING " + ident(fid_column(events_)), columns.params);
    row.SetFID(std::stoll(result.text(0, 0)));
    changed_.push_back(row.GetFID());
}

void PgWriter::update_event(const OGRFeature& row) {
    Columns columns = columns_of(row);
    std::string sets;
    for (std::size_t i = 0; i < columns.names.size(); ++i) {
        sets += (i == 0 ? "" : ", ") + columns.names[i] + " = " + bind_param(i + 1);
    }
    columns.params.emplace_back(std::to_string(row.GetFID()));
    std::string where = ident(fid_column(events_)) + " = " + bind_param(columns.params.size());
    if (partitioned_) {
        // The row's day is unchanged by an update (merges keep it): its partition only.
        const int date = row.GetFieldIndex("date");
        columns.params.emplace_back(
            pg_text_array({date >= 0 && row.IsFieldSetAndNotNull(date) ? row.GetFieldAsString(date)
                                                                       : std::string()}));
        where += in_days(columns.params.size());
    }
    conn_.exec("UPDATE " + conn_.table(events_.GetName()) + " SET " + sets + " WHERE " + where,
               columns.params);
    changed_.push_back(row.GetFID());
}

} // namespace eventmap::store
