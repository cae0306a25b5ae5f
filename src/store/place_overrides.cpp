#include "store/place_overrides.hpp"

#include "common/error.hpp"
#include "store/event_record.hpp"

#include <utility>

namespace eventmap::store {

namespace {

constexpr const char* table_name = "place_overrides";

// The table's columns, in the order they are created.
const std::vector<std::pair<const char*, OGRFieldType>>& columns() {
    static const std::vector<std::pair<const char*, OGRFieldType>> list = {
        {"name", OFTString},
        {"article_id", OFTString},
        {"event_id", OFTString},
        {"lat", OFTReal},
        {"lon", OFTReal},
        {"place", OFTString},
        {"geonameid", OFTInteger64},
        {"country_code", OFTString},
        {"who", OFTString},
        {"created_at", OFTString},
        {"active", OFTInteger}};
    return list;
}

} // namespace

OGRLayer* place_override_table(GDALDataset& ds, std::string& failed) {
    if (OGRLayer* layer = ds.GetLayerByName(table_name)) {
        return layer;
    }
    OGRLayer* layer = ds.CreateLayer(table_name, nullptr, wkbNone, nullptr);
    if (layer == nullptr) {
        failed = std::string("cannot create table ") + table_name;
        return nullptr;
    }
    for (const auto& [column, type] : columns()) {
        OGRFieldDefn field(column, type);
        if (layer->CreateField(&field) != OGRERR_NONE) {
            failed = std::string("cannot create column ") + column;
            return nullptr;
        }
    }
    return layer;
}

bool add_place_override(OGRLayer& table, const PlaceOverrideRow& row) {
    gdal::FeaturePtr rule(OGRFeature::CreateFeature(table.GetLayerDefn()));
    const PlaceOverride& o = row.place;
    rule->SetField("name", o.name.c_str());
    rule->SetField("article_id", o.article_id.c_str());
    rule->SetField("event_id", row.event_id.c_str());
    rule->SetField("lat", o.position.lat);
    rule->SetField("lon", o.position.lon);
    rule->SetField("place", o.place.c_str());
    rule->SetField("geonameid", static_cast<GIntBig>(o.geonameid));
    rule->SetField("country_code", o.country_code.c_str());
    rule->SetField("who", row.who.c_str());
    rule->SetField("created_at", row.created_at.c_str());
    rule->SetField("active", 1);
    return table.CreateFeature(rule.get()) == OGRERR_NONE;
}

bool deactivate_place_overrides(OGRLayer& table, const std::string& event_id,
                                const std::string& created_at) {
    table.SetAttributeFilter(("event_id = " + gdal::sql_literal(event_id) +
                              " AND created_at = " + gdal::sql_literal(created_at))
                                 .c_str());
    table.ResetReading();
    std::vector<gdal::FeaturePtr> rules;
    while (gdal::FeaturePtr rule{table.GetNextFeature()}) {
        rules.push_back(std::move(rule));
    }
    table.SetAttributeFilter(nullptr);
    for (auto& rule : rules) {
        rule->SetField("active", 0);
        if (table.SetFeature(rule.get()) != OGRERR_NONE) {
            return false;
        }
    }
    return true;
}

std::optional<std::vector<PlaceOverride>> active_place_overrides(OGRLayer& table) {
    if (table.SetAttributeFilter("\"active\" = 1") != OGRERR_NONE) {
        return std::nullopt;
    }
    std::vector<PlaceOverride> out;
    table.ResetReading();
    while (gdal::FeaturePtr row{table.GetNextFeature()}) {
        PlaceOverride o;
        o.name = field_text(*row, "name");
        o.article_id = field_text(*row, "article_id");
        o.position = LatLon{row->GetFieldAsDouble("lat"), row->GetFieldAsDouble("lon")};
        o.place = field_text(*row, "place");
        o.geonameid = static_cast<std::uint64_t>(row->GetFieldAsInteger64("geonameid"));
        o.country_code = field_text(*row, "country_code");
        if (!o.name.empty()) {
            out.push_back(std::move(o));
        }
    }
    table.SetAttributeFilter(nullptr);
    return out;
}

void write_place_override(const std::string& target, const PlaceOverrideRow& row) {
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    gdal::DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    std::string failed = "cannot open the store for writing";
    // The table is made before the transaction, as the viewer does (DDL on its own).
    OGRLayer* table = ds ? place_override_table(*ds, failed) : nullptr;
    if (table != nullptr) {
        failed = "cannot record the override";
        if (ds->StartTransaction() == OGRERR_NONE) {
            if (add_place_override(*table, row) && ds->CommitTransaction() == OGRERR_NONE) {
                return;
            }
            ds->RollbackTransaction();
        }
    }
    throw OutputError(failed + ": " + errors.message(), target);
}

} // namespace eventmap::store
