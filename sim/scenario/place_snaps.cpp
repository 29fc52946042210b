// Places given by coordinates: a post, depot, town, airfield or checkpoint may give `lat` and
// `lon` instead of `node`. Each is snapped to the nearest point of the nearest road and the road is
// split there by a new node "@section:name" (an '@' no network file's id starts with in practice;
// a clash is an error), all before any reader looks a node up, since splitting renumbers arcs.
// The keys are documented in docs/scenario-reference.md, "Places by coordinates".

#include <charconv>
#include <cmath>

#include "corridor/engine/format.hpp"
#include "corridor/network/snap.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

struct PlaceSection {
    const char* section;
    const char* what;  // "post", as in messages
    NodeKind kind;
};
// The order the readers run in (load_scenario.cpp), so that new nodes are numbered as places are read.
constexpr PlaceSection kPlaceSections[] = {{"airfields", "airfield", NodeKind::airfield},
                                           {"posts", "post", NodeKind::post},
                                           {"checkpoints", "checkpoint", NodeKind::checkpoint},
                                           {"depots", "depot", NodeKind::depot},
                                           {"towns", "town", NodeKind::town}};

// The node a place given by lat/lon becomes: "@post:OP-1".
std::string snapped_place_id(const PlaceSection& kind, const std::string& name) {
    return std::string("@") + kind.what + ":" + name;
}

// One coordinate: a plain number of degrees within -limit..limit, or reported.
std::optional<double> read_degrees(const YAML::Node& value, const Source& source, const std::string& key,
                                   const std::string& what, double limit) {
    const std::string text = value.IsScalar() ? value.Scalar() : "";
    double degrees = 0;
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), degrees);
    if (!value.IsScalar() || digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        !std::isfinite(degrees)) {
        source.error(value, key + " of " + what + " must be a number of degrees, not " + describe(value));
        return std::nullopt;
    }
    if (std::abs(degrees) > limit) {
        source.error(value, key + " of " + what + " is " + format_number(degrees) + " degrees, outside -" +
                                format_number(limit) + ".." + format_number(limit));
        return std::nullopt;
    }
    return degrees;
}

struct Pending {
    YAML::Node entry, at;
    const Source* source;
    std::string what;
    SnapPlace place;
    GeoPoint given;
};

// The coordinates of one place, or none (reported) when they are wrong or the network cannot take them.
std::optional<GeoPoint> read_coordinates(const YAML::Node& entry, const Source& source,
                                         const std::string& what, const Build& build) {
    const YAML::Node lat = entry["lat"], lon = entry["lon"];
    const YAML::Node& at = lat ? lat : lon;
    if (entry["node"]) {
        source.error(at, what + " gives both 'node' and '" + std::string(lat ? "lat" : "lon") +
                             "': give its node, or its lat and lon");
        return std::nullopt;
    }
    if (!lat || !lon) {
        source.error(at, what + " gives '" + std::string(lat ? "lat" : "lon") + "' without '" +
                             std::string(lat ? "lon" : "lat") + "'");
        return std::nullopt;
    }
    auto lat_degrees = read_degrees(lat, source, "lat", what, 90);
    auto lon_degrees = read_degrees(lon, source, "lon", what, 180);
    if (!lat_degrees || !lon_degrees || !build.network_ok) return std::nullopt;
    return GeoPoint{*lat_degrees, *lon_degrees};
}

}  // namespace

std::optional<std::pair<std::string, std::string>> snapped_place_named(const RoadNetwork& network,
                                                                       const std::string& name) {
    for (const PlaceSection& kind : kPlaceSections)
        if (std::string id = snapped_place_id(kind, name); network.find_node(id)) return std::pair{kind.what, id};
    return std::nullopt;
}

void snap_places(const std::map<std::string, Section>& sections, Build& build) {
    std::vector<Pending> pending;
    for (const PlaceSection& kind : kPlaceSections) {
        auto it = sections.find(kind.section);
        if (it == sections.end()) continue;
        const Section& s = it->second;
        auto consider = [&](const YAML::Node& entry, const std::string& name) {
            if (!entry.IsMap() || (!entry["lat"] && !entry["lon"])) return;
            const std::string what = std::string(kind.what) + " '" + name + "'";
            build.snapped_places.push_back({entry, std::nullopt});
            if (auto point = read_coordinates(entry, s.source, what, build))
                pending.push_back({entry, entry["lat"], &s.source, what,
                                   SnapPlace{snapped_place_id(kind, name), name, kind.kind, {}},
                                   *point});
        };
        // (A wrong shape of section is reported by its reader.)
        if (s.node.IsMap())
            for (auto e = s.node.begin(); e != s.node.end(); ++e) consider(e->second, e->first.Scalar());
        else if (s.node.IsSequence())
            for (const YAML::Node& item : s.node)
                consider(item, item.IsMap() && item["name"] && item["name"].IsScalar() ? item["name"].Scalar()
                                                                                       : "");
    }
    if (pending.empty()) return;
    const RoadNetwork& network = build.theatre.network();
    // One node without coordinates leaves the whole network without them: name it once, at the
    // first place by lat/lon, rather than repeat the same error at every place.
    if (!network.has_coordinates()) {
        std::string without;
        std::size_t count = 0;
        for (NodeIndex v = 0; v < network.node_count(); ++v)
            if (!network.node_has_coordinates(v) && count++ == 0) without = network.node_id(v);
        const Pending& first = pending.front();
        if (count == network.node_count())
            first.source->error(first.at,
                                first.what +
                                    " is given by lat/lon, but the network's nodes have no coordinates: "
                                    "give its 'node'");
        else
            first.source->error(
                first.at, first.what + " is given by lat/lon, but the network's node '" + without + "'" +
                              (count > 1 ? " (and " + std::to_string(count - 1) + " more)" : "") +
                              " has no coordinates, so no place can be snapped: give every node "
                              "lat and lon, or give the places' 'node'");
        return;
    }
    SnapIndex index(network);
    std::vector<SnapPlace> places;
    bool refused = false;
    for (Pending& p : pending) {
        auto snap = index.snap(p.given.lat, p.given.lon);
        if (!snap) {
            p.source->error(p.at, p.what + " cannot be snapped: the network has no road with coordinates");
            return;
        }
        p.place.snap = *snap;
        places.push_back(p.place);
        if (snap->distance_m <= build.max_snap_m) continue;
        // Past kSnapRefuseFactor x max_snap the place is most likely a slip (lat and lon swapped, a
        // lost sign): an error, with the likely cause when undoing a slip lands on the network.
        const std::string hint = far_snap_hint(network, p.given);
        const std::string far =
            p.what + " is " + format_fixed(snap->distance_m / 1000, 2) + " km from the nearest road, ";
        if (snap->distance_m > kSnapRefuseFactor * build.max_snap_m)
            refused = true,
            p.source->error(p.at, far + "more than " + format_number(kSnapRefuseFactor) + " times max_snap " +
                                      format_fixed(build.max_snap_m / 1000, 2) + " km" +
                                      (hint.empty() ? "" : ": " + hint) +
                                      "; check its lat/lon, or raise the network's max_snap");
        else
            build.diagnostics->warning(
                p.source->file, p.at.Mark().line + 1, p.at.Mark().column + 1,
                far + "farther than max_snap " + format_fixed(build.max_snap_m / 1000, 2) +
                    " km: check its lat/lon" + (hint.empty() ? "" : " (" + hint + ")"));
    }
    if (refused) return;
    auto split = split_roads(network, places);
    if (!split) {
        pending.front().source->error(pending.front().at, split.error());
        return;
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const Pending& p = pending[i];
        const NodeIndex node = split.value().nodes[i];
        // Two places within kSnapToNodeM of each other on one road share a node: say so, since a
        // planner who meant two places apart has mistyped one of them.
        for (std::size_t j = 0; j < i; ++j)
            if (split.value().nodes[j] == node) {
                build.diagnostics->note(p.source->file, p.at.Mark().line + 1, p.at.Mark().column + 1,
                                        p.what + " snaps to the same point as " + pending[j].what +
                                            " and shares its node " + split.value().network.node(node).id);
                break;
            }
        for (auto& [entry, snapped] : build.snapped_places)
            if (entry.is(p.entry)) snapped = node;
        build.theatre.place_snaps.push_back({p.what, p.given, p.place.snap.point, p.place.snap.distance_m,
                                             describe_road(network, p.place.snap.arc),
                                             split.value().network.node(node).id});
    }
    build.theatre.set_network(std::make_shared<const RoadNetwork>(std::move(split.value().network)));
}

std::optional<NodeIndex> read_place_node(MapReader& m, const YAML::Node& entry, const Build& build,
                                         bool required) {
    auto lat = m.get("lat");
    auto lon = m.get("lon");
    if (lat || lon) {
        m.get("node");  // (both given: reported by snap_places)
        for (const auto& [place, node] : build.snapped_places)
            if (place.is(entry)) return node;
        return std::nullopt;
    }
    auto node = m.get("node");
    if (!node) {
        if (required)
            m.source().error(entry, m.what() + " is missing the required key 'node' (or 'lat' and 'lon')");
        return std::nullopt;
    }
    auto id = scalar_text(*node, m.source(), "node");
    if (!id) return std::nullopt;
    return find_node(build, *id, *node, m.source());
}

}  // namespace corridor::scenario
