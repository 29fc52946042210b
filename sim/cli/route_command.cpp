// `corridor route NETWORK --from A --to B`: the best route by time or by distance, with the
// path, on any network the loaders read. Text for a person, JSON for a program.

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"
#include "corridor/network/snap.hpp"
#include "corridor/scenario/quantities.hpp"
#include "network_options.hpp"

namespace corridor::cli {
namespace {

struct RouteOptions {
    std::string network;
    std::string from, to, from_coord, to_coord;
    std::string metric = "time";
    std::string format = "text";
    NetworkOptions reading;
    VehicleOptions vehicle;
    std::vector<std::string> closures;
    std::string max_snap = "1km";
};

void print_diagnostics(const Diagnostics& diagnostics) { std::cerr << format_all(diagnostics); }

// One number of a LAT,LON pair: finite and within `limit` degrees, or why not. from_chars, unlike
// sscanf, takes no "nan", hexadecimal or locale-dependent comma.
std::string degrees_problem(std::string_view text, const char* what, double limit, double& degrees) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), degrees);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(degrees))
        return std::string(what) + " '" + std::string(text) + "' is not a finite number";
    if (std::abs(degrees) > limit)
        return std::string(what) + " " + format_number(degrees) + " is outside -" + format_number(limit) +
               ".." + format_number(limit);
    return {};
}

// A LAT,LON option's coordinates, or why they are wrong.
Result<GeoPoint> parse_coordinates(const std::string& coord, const char* which) {
    GeoPoint point;
    const std::string option = std::string("--") + which + "-coord '" + coord + "'";
    auto comma = coord.find(',');
    if (comma == std::string::npos || coord.find(',', comma + 1) != std::string::npos)
        return Error{option + " must be LAT,LON in degrees"};
    std::string problem =
        degrees_problem(std::string_view(coord).substr(0, comma), "latitude", 90, point.lat);
    if (problem.empty())
        problem = degrees_problem(std::string_view(coord).substr(comma + 1), "longitude", 180, point.lon);
    if (!problem.empty()) return Error{option + " must be LAT,LON in degrees: " + problem};
    return point;
}

// A node given by id.
Result<NodeIndex> resolve(const RoadNetwork& network, const std::string& id, const char* which) {
    if (id.empty()) return Error{std::string("give --") + which + " NODE or --" + which + "-coord LAT,LON"};
    if (auto index = network.find_node(id)) return *index;
    std::string message = std::string("unknown ") + which + " node '" + id + "'";
    std::vector<std::string> ids;
    ids.reserve(network.node_count());
    for (NodeIndex v = 0; v < network.node_count(); ++v) ids.push_back(network.node_id(v));
    if (auto hint = closest_match(id, ids)) message += "; did you mean '" + *hint + "'?";
    return Error{message};
}

// An end of the route given by coordinates: where it was given, and the road point it snapped to.
struct SnappedEnd {
    const char* which;  // "from" or "to"
    GeoPoint given;
    RoadSnap snap;
    std::string road;  // the road snapped to, as described before it was split
    std::string road_name, road_class, road_from, road_to;
    // The nearest road when the vehicle may not use it and was snapped to a farther one.
    std::optional<RoadSnap> closed_snap;
    std::string closed_road, closed_why;
};

std::string node_label(const RoadNetwork& network, NodeIndex v) {
    const NodeInfo& node = network.node(v);
    return node.name.empty() ? node.id : node.id + " (" + node.name + ")";
}

// Metres up to 10 km, then kilometres: "6099.1 km", not "6099134.2 m".
std::string format_distance(double m) {
    return m < 10'000 ? format_fixed(m, 1) + " m" : format_fixed(m / 1000, 1) + " km";
}

// A coordinate far from every road: past kSnapRefuseFactor x --max-snap an error (most likely a
// slip: latitude and longitude swapped, a lost sign), past --max-snap a warning; each with the
// likely cause when there is one (far_snap_hint). Returns the error, or empty.
std::string snap_problem(const RoadNetwork& network, const SnappedEnd& end, const RoadSnap& nearest,
                         double max_snap_m, const std::string& max_snap) {
    if (nearest.distance_m <= max_snap_m) return {};
    const std::string hint = far_snap_hint(network, end.given);
    std::string what = "--" + std::string(end.which) + "-coord " + format_number(end.given.lat) + "," +
                       format_number(end.given.lon) + " is " + format_distance(nearest.distance_m) +
                       " from the nearest road";
    if (nearest.distance_m > kSnapRefuseFactor * max_snap_m)
        return what + ", more than " + format_number(kSnapRefuseFactor) + " times --max-snap " + max_snap +
               (hint.empty() ? "" : ": " + hint) + "; check the coordinates (LAT,LON), or raise --max-snap";
    std::cerr << "warning: " << what << ", farther than --max-snap " << max_snap
              << (hint.empty() ? "" : " (" + hint + ")") << "\n";
    return {};
}

int run_route(const RouteOptions& o) {
    if (!o.from.empty() && !o.from_coord.empty())
        return usage_error("give --from NODE or --from-coord LAT,LON, not both");
    if (!o.to.empty() && !o.to_coord.empty())
        return usage_error("give --to NODE or --to-coord LAT,LON, not both");
    if (o.metric != "time" && o.metric != "distance")
        return usage_error("--metric must be time or distance, not '" + o.metric + "'");
    if (o.format != "text" && o.format != "json")
        return usage_error("--format must be text or json, not '" + o.format + "'");
    auto vehicle = vehicle_limits(o.vehicle);
    if (!vehicle) return usage_error(vehicle.error());
    auto load_options = cli::load_options(o.reading);
    if (!load_options) return usage_error(load_options.error());
    std::optional<NodeIndex> from_node, to_node;
    double max_snap_m = 1000;
    if (auto limit = parse_length_m(o.max_snap); !limit)
        return usage_error("--max-snap '" + o.max_snap + "': " + limit.error());
    else if (limit.value() <= 0)
        return usage_error("--max-snap must be more than 0 m, not '" + o.max_snap + "'");
    else
        max_snap_m = limit.value();
    std::vector<SnappedEnd> ends;
    for (auto [coord, which] : {std::pair{&o.from_coord, "from"}, std::pair{&o.to_coord, "to"}}) {
        if (coord->empty()) continue;
        auto point = parse_coordinates(*coord, which);
        if (!point) return usage_error(point.error());
        ends.push_back({which, point.value(), {}, {}, {}, {}, {}, {}, {}, {}, {}});
    }
    // Of a prepared file's hierarchies only the one for this metric, and none for a network that
    // snapped ends will split (see below): the others are not even read. One that cannot be told
    // is kept, for the reader to name what is wrong with it.
    const Metric metric = o.metric == "time" ? Metric::time : Metric::distance;
    LoadOptions options = load_options.value();
    options.keep_section = [&](std::uint32_t type, std::string_view bytes) {
        if (type != kContractionHierarchySection) return true;
        std::optional<Metric> stored = ContractionHierarchy::section_metric(bytes);
        return ends.empty() && (!stored || *stored == metric);
    };
    LoadedNetwork loaded = load_network(o.network, options);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.network) return 2;
    // Coordinates snap to the nearest road, which is split there by a new node "@from" or "@to".
    if (!ends.empty()) {
        const RoadNetwork& file_network = *loaded.network;
        if (!file_network.has_coordinates())
            return usage_error(std::string("--") + ends.front().which +
                               "-coord needs a network with coordinates; this one has none");
        SnapIndex index(file_network);
        std::vector<SnapPlace> places;
        for (SnappedEnd& end : ends) {
            auto nearest = index.snap(end.given.lat, end.given.lon);
            if (!nearest) return usage_error("the network has no routable road");
            if (std::string problem = snap_problem(file_network, end, *nearest, max_snap_m, o.max_snap);
                !problem.empty())
                return usage_error(problem);
            // A vehicle starts and ends on a road it may use: on the nearest lane closed to it, it
            // could go nowhere, and "no route" would not say why.
            auto snap = index.snap(end.given.lat, end.given.lon, vehicle.value());
            if (!snap)
                return usage_error("--" + std::string(end.which) +
                                   "-coord: the vehicle may use no road of the network");
            if (snap->arc != nearest->arc) {
                end.closed_snap = nearest;
                end.closed_road = describe_road(file_network, nearest->arc);
                end.closed_why = why_vehicle_may_not_use(file_network, nearest->arc, vehicle.value());
                // The coordinates are right (the nearest road is near), but the vehicle starts on a
                // far one: a warning, not an error, with the reason the near road is refused.
                if (snap->distance_m > max_snap_m)
                    std::cerr << "warning: --" << end.which << "-coord " << format_number(end.given.lat) << ","
                              << format_number(end.given.lon) << ": the nearest road the vehicle may use is "
                              << format_distance(snap->distance_m) << " away, farther than --max-snap "
                              << o.max_snap << "; the nearest road, " << end.closed_road << ", "
                              << format_distance(nearest->distance_m) << " away, is refused to it ("
                              << end.closed_why << ")\n";
            }
            end.snap = *snap;
            end.road = describe_road(file_network, snap->arc);
            end.road_name = file_network.road_name(snap->arc);
            end.road_class = std::string(to_string(file_network.road_class(snap->arc)));
            end.road_from = file_network.node(file_network.arc_from(snap->arc)).id;
            end.road_to = file_network.node(file_network.arc_to(snap->arc)).id;
            places.push_back({std::string("@") + end.which, "", NodeKind::junction, *snap});
        }
        auto split = split_roads(file_network, places);
        if (!split) return usage_error(split.error());
        std::size_t i = 0;
        for (SnappedEnd& end : ends)
            (std::string(end.which) == "from" ? from_node : to_node) = split.value().nodes[i++];
        loaded.network = std::move(split.value().network);
    }
    const RoadNetwork& network = *loaded.network;

    if (!from_node) {
        auto from = resolve(network, o.from, "from");
        if (!from) return usage_error(from.error());
        from_node = from.value();
    }
    if (!to_node) {
        auto to = resolve(network, o.to, "to");
        if (!to) return usage_error(to.error());
        to_node = to.value();
    }

    Overlay overlay(network.arc_count());
    for (const std::string& closure : o.closures) {
        auto comma = closure.find(',');
        auto a = comma == std::string::npos ? std::nullopt : network.find_node(closure.substr(0, comma));
        auto b = comma == std::string::npos ? std::nullopt : network.find_node(closure.substr(comma + 1));
        if (!a || !b)
            return usage_error("--close '" + closure + "' must name two nodes of the network as A,B");
        // (A road that --from-coord or --to-coord split is closed in all its pieces.)
        std::vector<ArcIndex> arcs = road_pieces(network, *a, *b);
        if (arcs.empty()) return usage_error("--close '" + closure + "': no road joins these two nodes");
        for (ArcIndex arc : arcs) overlay.close(arc);
    }
    Router router(network, &overlay);
    // A prepared file's hierarchies serve routes on the file's own network. A network split at
    // snapped points is another network: read() refuses it by its fingerprint, and the route is
    // searched without.
    for (const PreparedSection& section : loaded.extra_sections) {
        if (section.type != kContractionHierarchySection) continue;
        std::istringstream bytes(section.bytes);
        if (auto hierarchy = ContractionHierarchy::read(bytes, network))
            router.use_hierarchy(std::move(hierarchy.value()));
    }
    RouteQuery query{*from_node, *to_node, o.metric == "time" ? Metric::time : Metric::distance,
                     vehicle.value()};
    Route route = router.route(query);
    if (!route.found) {
        std::string why =
            "no route from " + node_label(network, query.from) + " to " + node_label(network, query.to);
        const VehicleLimits& v = vehicle.value();
        if (v.weight_t > 0) why += " for a " + format_number(v.weight_t) + " t vehicle";
        if (v.height_m > 0 || v.width_m > 0 || v.axle_load_t > 0)
            why += " of that height, width and axle load";
        if (!o.closures.empty()) why += " with the closures given";
        return usage_error(why);
    }
    if (o.format == "json") {
        nlohmann::ordered_json out;
        out["from"] = network.node(query.from).id;
        out["to"] = network.node(query.to).id;
        out["metric"] = o.metric;
        out["distance_m"] = std::round(route.distance_m * 1000) / 1000;
        out["time_s"] = std::round(route.time_s * 1000) / 1000;
        std::vector<std::string> path;
        for (NodeIndex v : route.nodes) path.push_back(network.node_id(v));
        out["path"] = path;
        for (const SnappedEnd& end : ends) {
            nlohmann::ordered_json snap;
            snap["given"] = {end.given.lat, end.given.lon};
            snap["lat"] = std::round(end.snap.point.lat * 1e7) / 1e7;
            snap["lon"] = std::round(end.snap.point.lon * 1e7) / 1e7;
            snap["distance_m"] = std::round(end.snap.distance_m * 1000) / 1000;
            snap["road"] = {{"name", end.road_name},
                            {"class", end.road_class},
                            {"from", end.road_from},
                            {"to", end.road_to}};
            if (end.closed_snap)
                snap["nearest_road_closed"] = {
                    {"road", end.closed_road},
                    {"distance_m", std::round(end.closed_snap->distance_m * 1000) / 1000},
                    {"why", end.closed_why}};
            out[std::string(end.which) + "_snap"] = snap;
        }
        const HeavyVehicleRules rules = count_heavy_vehicle_rules(network);
        out["roads_with_limits"] = {{"weight", rules.weight}, {"height", rules.height},
                                    {"width", rules.width},   {"axle_load", rules.axle_load},
                                    {"hgv_no", rules.hgv_no}, {"forbidden_turns", rules.forbidden_turns}};
        // (Node ids are bytes; any that is not UTF-8 is written as U+FFFD rather than throwing.)
        std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::printf("route %s -> %s, shortest by %s\n", node_label(network, query.from).c_str(),
                node_label(network, query.to).c_str(), o.metric.c_str());
    for (const SnappedEnd& end : ends)
        std::printf("  %-8s  %s,%s snapped to %s,%s on %s, %s m away\n", end.which,
                    format_number(end.given.lat).c_str(), format_number(end.given.lon).c_str(),
                    format_fixed(end.snap.point.lat, 7).c_str(), format_fixed(end.snap.point.lon, 7).c_str(),
                    end.road.c_str(), format_fixed(end.snap.distance_m, 1).c_str());
    for (const SnappedEnd& end : ends)
        if (end.closed_snap)
            std::printf("  %-8s  not on the nearer %s, %s m away: %s\n", "", end.closed_road.c_str(),
                        format_fixed(end.closed_snap->distance_m, 1).c_str(), end.closed_why.c_str());
    std::printf("  rules     %s\n", describe(count_heavy_vehicle_rules(network)).c_str());
    std::printf("  distance  %s km\n", format_fixed(route.distance_m / 1000, 3).c_str());
    long long seconds = std::llround(route.time_s);
    std::printf("  time      %lld h %02lld min %02lld s (free flow)\n", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
    std::printf("  roads     %zu\n  path     ", route.arcs.size());
    for (std::size_t i = 0; i < route.nodes.size(); ++i)
        std::printf("%s%s", i ? " " : " ", network.node(route.nodes[i]).id.c_str());
    std::printf("\n");
    return 0;
}

}  // namespace

Runner add_route_command(CLI::App& app) {
    auto o = std::make_shared<RouteOptions>();
    CLI::App* command = app.add_subcommand("route", "the best route between two places of a road network");
    command
        ->add_option("NETWORK", o->network,
                     "a folder with nodes.csv and edges.csv, a DIMACS .gr file, or an OpenStreetMap file")
        ->required();
    command->add_option("--from", o->from, "origin node id");
    command->add_option("--to", o->to, "destination node id");
    command->add_option("--from-coord", o->from_coord,
                        "origin as LAT,LON, snapped to the nearest point of the nearest road");
    command->add_option("--to-coord", o->to_coord,
                        "destination as LAT,LON, snapped to the nearest point of the nearest road");
    command
        ->add_option(
            "--max-snap", o->max_snap,
            "warn when a coordinate is farther than this from a road (500m, 2km); refuse past 10 times it")
        ->capture_default_str();
    command->add_option("--metric", o->metric, "time or distance")->capture_default_str();
    add_network_options(*command, o->reading);
    add_vehicle_options(*command, o->vehicle);
    command->add_option("--close", o->closures, "close the road between nodes A,B (repeatable)");
    command->add_option("--format", o->format, "text or json")->capture_default_str();
    return [o] { return run_route(*o); };
}

}  // namespace corridor::cli
