#include "store/pg_connection.hpp"

#include "common/gdal.hpp"

#include <cctype>

namespace eventmap::store {

namespace {

// GDAL's keywords in a PG: target; libpq refuses unknown ones.
bool is_gdal_keyword(const std::string& key) {
    return key == "active_schema" || key == "schemas" || key == "tables";
}

// Re-quotes a conninfo value the way libpq reads it ('...' with \' and \\).
std::string quote_value(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

} // namespace

// keyword = value pairs separated by spaces; a value may be single-quoted with backslash
// escapes (libpq's conninfo syntax). A URI (postgresql://...) is passed on as it is.
PgTarget parse_pg_target(const std::string& target) {
    PgTarget out;
    std::string text = target.rfind("PG:", 0) == 0 ? target.substr(3) : target;
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) {
        out.conninfo = text;
        return out;
    }
    std::string schemas;
    std::size_t i = 0;
    const auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) {
            ++i;
        }
    };
    while (true) {
        skip_space();
        if (i >= text.size()) {
            break;
        }
        std::string key;
        while (i < text.size() && text[i] != '=' &&
               std::isspace(static_cast<unsigned char>(text[i])) == 0) {
            key += text[i++];
        }
        skip_space();
        if (i < text.size() && text[i] == '=') {
            ++i;
        }
        skip_space();
        std::string value;
        if (i < text.size() && text[i] == '\'') {
            for (++i; i < text.size() && text[i] != '\''; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) {
                    ++i;
                }
                value += text[i];
            }
            ++i; // the closing quote
        } else {
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) {
                value += text[i++];
            }
        }
        if (key == "active_schema") {
            out.schema = value;
        } else if (key == "schemas") {
            schemas = value;
        } else if (!is_gdal_keyword(key)) {
            out.conninfo += (out.conninfo.empty() ? "" : " ") + key + "=" + quote_value(value);
        }
    }
    // GDAL: a single schema listed is the active one when none is named.
    if (out.schema.empty() && !schemas.empty() && schemas.find(',') == std::string::npos) {
        out.schema = schemas;
    }
    return out;
}

PgConnection::PgConnection(const std::string& gdal_target) : conn_(nullptr, &PQfinish) {
    const PgTarget target = parse_pg_target(gdal_target);
    conn_.reset(PQconnectdb(target.conninfo.c_str()));
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
        throw PgError(conn_ ? PQerrorMessage(conn_.get()) : "out of memory", "");
    }
    // Notices ("there is no transaction in progress" after a failed batch) are not errors.
    PQsetNoticeProcessor(
        conn_.get(), [](void*, const char*) {}, nullptr);
    exec("SET client_min_messages = warning");
    if (!target.schema.empty()) {
        // As GDAL does for active_schema: the schema first, then public (PostGIS' functions).
        exec("SELECT set_config('search_path', quote_ident($1) || ', public', false)",
             {target.schema});
        schema_ = target.schema;
    } else {
        const PgResult current = exec("SELECT current_schema()");
        // NULL when no schema of the path exists: GDAL would make the tables in public.
        schema_ = current.rows() == 1 && !current.is_null(0, 0) ? current.text(0, 0) : "public";
    }
}

std::string PgConnection::table(const std::string& name) const {
    return pg_ident(schema_) + "." + pg_ident(name);
}

std::string pg_ident(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string pg_literal(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return out + "'";
}

std::string pg_schema_of(GDALDataset& ds) {
    const PgTarget target = parse_pg_target(ds.GetDescription());
    if (!target.schema.empty()) {
        return target.schema;
    }
    gdal::ErrorCapture errors;
    gdal::ResultSet result(ds, ds.ExecuteSQL("SELECT current_schema() AS s", nullptr, nullptr));
    std::string schema;
    if (result) {
        if (const gdal::FeaturePtr row{result->GetNextFeature()}) {
            schema = row->IsFieldSetAndNotNull(0) ? row->GetFieldAsString(0) : "";
        }
    }
    if (errors.has_error()) {
        throw PgError(errors.message(), "");
    }
    return schema.empty() ? "public" : schema;
}

PgResult PgConnection::exec(const std::string& sql, const PgParams& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) {
        values.push_back(p ? p->c_str() : nullptr);
    }
    PGresult* raw = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    PgResult result(raw);
    const ExecStatusType status = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* state = raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_SQLSTATE);
        std::string message =
            raw == nullptr ? PQerrorMessage(conn_.get()) : PQresultErrorMessage(raw);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
            message.pop_back();
        }
        throw PgError(message, state == nullptr ? "" : state);
    }
    return result;
}

std::string pg_text_array(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i == 0 ? "\"" : ",\"";
        for (const char c : values[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

} // namespace eventmap::store
