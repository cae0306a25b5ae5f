#include "geoparse/mention_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eventmap;

TEST_CASE("mention JSON has the documented fields in order", "[geoparse]") {
    geoparse::Mention m;
    m.start = 3;
    m.end = 9;
    m.text = "Zürich";
    m.name = "Zurich";
    m.position = {47.366670001, 8.55};
    m.gazetteer_id = 2657896;
    m.country = "CH";
    m.feature = "P.PPLA";
    m.type = geoparse::MentionType::place;
    m.role = geoparse::Role::actor;
    m.confidence = 0.87654;
    m.alternatives.push_back({123, "Zurich", "US", {40.0, -80.0}, 1.5});
    const std::string line = geoparse::to_json_line("doc \"1\"", m);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.rfind(
              "{\"doc\":\"doc \\\"1\\\"\",\"start\":3,\"end\":9,\"text\":\"Zürich\","
              "\"name\":\"Zurich\",\"lat\":47.36667,\"lon\":8.55,\"gazetteer_id\":2657896,"
              "\"country\":\"CH\",\"feature\":\"P.PPLA\",\"type\":\"place\",\"role\":\"actor\","
              "\"confidence\":0.877,\"alternatives\":[",
              0) == 0);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["alternatives"][0]["country"] == "US");
    CHECK(j["alternatives"][0]["score"] == 1.5);
}

TEST_CASE("a name placed on its containing unit says so in JSON", "[geoparse]") {
    geoparse::Mention m;
    m.text = "Quorvant";
    m.name = "Awe";
    CHECK(nlohmann::json::parse(geoparse::to_json_line("d", m)).count("unlisted") == 0);
    m.unlisted = true;
    CHECK(nlohmann::json::parse(geoparse::to_json_line("d", m))["unlisted"] == true);
}
