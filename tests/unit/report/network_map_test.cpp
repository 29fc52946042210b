// The run report's map: where the projection puts a place, and how wide it draws a road.

#include <catch2/catch.hpp>
#include <cmath>

#include "corridor/report/network_map.hpp"
#include "corridor/report/svg.hpp"
#include "map_fixture.hpp"
#include "report/map_projection.hpp"

using namespace corridor;

TEST_CASE("the map's projection shrinks longitude by the cosine of the middle latitude, north up") {
    // A degree square at 40-41 N, in a box 672 x at most 504 pixels at (44, 44): the latitude
    // fills the height (504 px a degree), a degree of longitude is 504 x cos(40.5 deg) wide.
    MapProjection p = MapProjection::fit(40, 41, 45, 46, 672, 504, 44, 44);
    const double across = 504 * std::cos(40.5 * M_PI / 180);  // 383.25 px
    CHECK(p.height == Approx(504));
    auto [x, y] = p(40.0, 45.0);  // the south-west corner
    CHECK(x == Approx(44 + 672 / 2.0 - across / 2));
    CHECK(y == Approx(44 + 504));
    auto [x2, y2] = p(41.0, 46.0);  // the north-east corner
    CHECK(x2 - x == Approx(across));
    CHECK(y2 == Approx(44));
    // 111.195 km a degree of latitude over 504 px.
    CHECK(p.km_per_px() == Approx(6371.0088 * M_PI / 180 / 504));
}

TEST_CASE("the map draws a place where the projection puts it, and a road as wide as its traffic") {
    Theatre theatre = corridor::test::map_theatre();
    std::string map = network_map_figure(theatre, corridor::test::map_result(theatre));
    CHECK(map.rfind("<figure class=\"chart\" id=\"map\">", 0) == 0);
    CHECK(map.find("<svg") != std::string::npos);
    // The map's frame is 728 px wide at (16, 16) with 28 px inside: the box above. Post A (40 N,
    // 45 E), a triangle whose apex is 6 px above the place.
    const double across = 504 * std::cos(40.5 * M_PI / 180);
    const double x = 44 + 672 / 2.0 - across / 2, y = 44 + 504;
    std::string apex = svg::num(x) + "," + svg::num(y - 6);
    CHECK(map.find("<polygon points=\"" + apex + " ") != std::string::npos);
    // A-B: 600 vehicles both ways, the 500-1,999 band, drawn through its shape point; the track
    // A-C (40 vehicles, band 1) closed 2.5 h gets red dashes.
    std::string course = svg::num(x) + "," + svg::num(y) + " " + svg::num(x + across / 2) + "," +
                         svg::num(y - 0.2 * 504) + " " + svg::num(x + across) + "," + svg::num(y);
    CHECK(map.find("<polyline points=\"" + course + "\" class=\"map-road map-primary map-w3\"/>") !=
          std::string::npos);
    CHECK(map.find("class=\"map-road map-track map-w1\"") != std::string::npos);
    CHECK(map.find("class=\"map-closed\"") != std::string::npos);
    CHECK(map.find("Bravo gate: 12.6 min") != std::string::npos);
    CHECK(traffic_band(0) == 0);
    CHECK(traffic_band(99) == 1);
    CHECK(traffic_band(100) == 2);
    CHECK(traffic_band(2000) == 4);
}

TEST_CASE("a network without coordinates gets a figure saying so, with a size") {
    Theatre theatre;
    RoadNetworkBuilder builder;
    NodeIndex a = builder.add_node({"A", "", NodeKind::junction});
    NodeIndex b = builder.add_node({"B", "", NodeKind::junction});
    RoadAttributes road;
    road.length_m = 1000;
    road.speed_kph = 50;
    builder.add_road(a, b, road, false);
    theatre.set_network(std::make_shared<const RoadNetwork>(std::move(builder).build()));
    std::string map = network_map_figure(theatre, DeploymentResult{});
    CHECK(map.rfind("<figure class=\"chart\" id=\"map\">", 0) == 0);
    CHECK(map.find("width=\"760\" height=\"120\"") != std::string::npos);
    CHECK(map.find("the network&#39;s nodes have no coordinates") != std::string::npos);
}
