#pragma once
// A three-town theatre on a degree square for the map and routes.geojson tests: A (40 N, 45 E),
// B (40 N, 46 E) and C (41 N, 45 E); A-B a two-way primary road bending through (40.2 N, 45.5 E),
// A-C a one-way track. A post at A, a checkpoint at B.

#include <memory>

#include "corridor/model/deployment.hpp"

namespace corridor::test {

inline Theatre map_theatre() {
    RoadNetworkBuilder builder;
    NodeIndex a = builder.add_node({"A", "Alpha", NodeKind::town, 40.0, 45.0});
    NodeIndex b = builder.add_node({"B", "Bravo", NodeKind::checkpoint, 40.0, 46.0});
    NodeIndex c = builder.add_node({"C", "Charlie", NodeKind::town, 41.0, 45.0});
    RoadAttributes primary;
    primary.length_m = 90000;
    primary.speed_kph = 60;
    primary.road_class = RoadClass::primary;
    primary.name = "M1 <main> & co";
    std::vector<GeoPoint> bend = {{40.2, 45.5}};
    builder.add_road(a, b, primary, false, bend);
    RoadAttributes track;
    track.length_m = 111000;
    track.speed_kph = 20;
    track.road_class = RoadClass::track;
    builder.add_road(a, c, track, true);
    Theatre theatre;
    theatre.name = "map";
    theatre.set_network(std::make_shared<const RoadNetwork>(std::move(builder).build()));
    theatre.posts.push_back(Post{"Post A", a, 0});
    Checkpoint checkpoint;
    checkpoint.name = "Bravo gate";
    checkpoint.node = b;
    theatre.checkpoints.push_back(checkpoint);
    return theatre;
}

// 300 vehicles each way on A-B (600: band 3), 40 on A-C, which was closed 2.5 h.
inline DeploymentResult map_result(const Theatre& theatre) {
    const RoadNetwork& net = theatre.network();
    DeploymentResult r;
    r.roads.resize(net.arc_count());
    for (ArcIndex arc = 0; arc < net.arc_count(); ++arc) {
        bool track = net.road_class(arc) == RoadClass::track;
        r.roads[arc].vehicles = track ? 40 : 300;
        r.roads[arc].vehicle_km = track ? 40 * 111.0 : 300 * 90.0;
        r.roads[arc].largest_gate_queue = net.node(net.arc_from(arc)).id == "B" ? 7 : 3;
        r.roads[arc].closed = track ? 2 * kHour + 30 * kMinute : 0;
    }
    PostOutcome post;
    post.name = "Post A";
    post.unit = "1st battalion";
    post.node = "A";
    post.established = 5 * kHour + 15 * kMinute;
    r.posts.push_back(post);
    CheckpointOutcome checkpoint;
    checkpoint.name = "Bravo gate";
    checkpoint.vehicles = 120;
    checkpoint.mean_wait_s = 754;  // 12.6 min
    r.checkpoints.push_back(checkpoint);
    return r;
}

}  // namespace corridor::test
