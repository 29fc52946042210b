// routes.geojson: one LineString a road with both directions' figures, longitude first, 6 decimals;
// the places as Points with theirs (docs/user-guide.md, "routes.geojson").

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "corridor/report/routes_geojson.hpp"
#include "map_fixture.hpp"

using namespace corridor;

TEST_CASE(
    "routes.geojson holds each road once along its shape, longitude first, with both directions' figures") {
    Theatre theatre = corridor::test::map_theatre();
    std::string text = routes_geojson(theatre, corridor::test::map_result(theatre));
    // RFC 7946: no "crs" member; coordinates written with 6 decimals.
    CHECK(text.find("\"crs\"") == std::string::npos);
    CHECK(text.find("[45.000000,40.000000],[45.500000,40.200000],[46.000000,40.000000]") !=
          std::string::npos);
    auto json = nlohmann::json::parse(text);
    CHECK(json["type"] == "FeatureCollection");
    const auto& features = json["features"];
    REQUIRE(features.size() == 4);  // 2 roads (3 arcs), a post, a checkpoint

    const auto& main_road = features[0];
    CHECK(main_road["geometry"]["type"] == "LineString");
    CHECK(main_road["geometry"]["coordinates"].size() == 3);
    const auto& road = main_road["properties"];
    CHECK(road["kind"] == "road");
    CHECK(road["from"] == "A");
    CHECK(road["to"] == "B");
    CHECK(road["name"] == "M1 <main> & co");
    CHECK(road["class"] == "primary");
    CHECK(road["one_way"] == false);
    CHECK(road["length_km"] == 90.0);
    CHECK(road["vehicles"] == 600);
    CHECK(road["vehicles_forward"] == 300);
    CHECK(road["vehicles_back"] == 300);
    CHECK(road["vehicle_km"] == 54000.0);
    CHECK(road["largest_gate_queue"] == 7);  // B's gate, the larger of the two
    CHECK(road["closed_h"] == 0.0);

    const auto& track = features[1]["properties"];
    CHECK(track["class"] == "track");
    CHECK(track["one_way"] == true);
    CHECK(track["vehicles_back"].is_null());
    CHECK(track["closed_h"] == 2.5);
    CHECK(features[1]["geometry"]["coordinates"] == nlohmann::json::parse("[[45.0,40.0],[45.0,41.0]]"));

    const auto& post = features[2];
    CHECK(post["geometry"]["type"] == "Point");
    CHECK(post["geometry"]["coordinates"] == nlohmann::json::parse("[45.0,40.0]"));
    CHECK(post["properties"]["kind"] == "post");
    CHECK(post["properties"]["unit"] == "1st battalion");
    CHECK(post["properties"]["established_h"] == 5.25);

    const auto& checkpoint = features[3]["properties"];
    CHECK(checkpoint["kind"] == "checkpoint");
    CHECK(checkpoint["node"] == "B");
    CHECK(checkpoint["vehicles"] == 120);
    CHECK(checkpoint["mean_wait_min"] == Approx(12.6));
}
