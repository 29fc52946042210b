// OpenStreetMap extracts (XML, .osm.gz, .osm.bz2, PBF) through libosmium. A way is a road if its
// `highway` class is drivable and the profile's access rules let a car on it; a way is cut into
// roads at every node it shares with another road and at its ends, and the length of each road is
// the sum of the great-circle lengths of its segments, so merging shape nodes loses no length; the
// merged nodes stay as the road's shape points, so that a map follows the road.
// Defaults and the tags read are in docs/network.md.

#include <osmium/io/any_input.hpp>
#include <osmium/io/detail/xml_input_format.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "corridor/engine/format.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"
#include "osm_pbf_check.hpp"
#include "osm_restrictions.hpp"
#include "osm_tags.hpp"
#include "osm_xml_text.hpp"

namespace corridor {
namespace {

struct HighwayClass {
    const char* tag;
    RoadClass road_class;
    double speed_kph;  // OSRM car profile, profiles/car.lua, speeds.highway
};

constexpr HighwayClass kDrivable[] = {
    {"motorway", RoadClass::motorway, 90},
    {"motorway_link", RoadClass::motorway, 45},
    {"trunk", RoadClass::trunk, 85},
    {"trunk_link", RoadClass::trunk, 40},
    {"primary", RoadClass::primary, 65},
    {"primary_link", RoadClass::primary, 30},
    {"secondary", RoadClass::secondary, 55},
    {"secondary_link", RoadClass::secondary, 25},
    {"tertiary", RoadClass::tertiary, 40},
    {"tertiary_link", RoadClass::tertiary, 20},
    {"unclassified", RoadClass::unclassified, 25},
    {"residential", RoadClass::residential, 25},
    {"living_street", RoadClass::living_street, 10},
    {"service", RoadClass::service, 15},
};

bool is(const char* value, std::initializer_list<const char*> options) {
    if (!value) return false;
    for (const char* option : options)
        if (std::strcmp(value, option) == 0) return true;
    return false;
}

// The car profile's access rules (after OSRM's car profile): a general `access` ban holds unless
// motor vehicles are let in explicitly.
bool car_may_use(const osmium::TagList& tags) {
    const char* motor = tags["motorcar"] ? tags["motorcar"] : tags["motor_vehicle"];
    if (is(motor, {"no", "private", "agricultural", "forestry", "delivery", "emergency"})) return false;
    if (is(motor, {"yes", "designated", "permissive", "destination"})) return true;
    if (is(tags["access"], {"no", "private", "agricultural", "forestry", "delivery", "emergency"}))
        return false;
    if (is(tags["area"], {"yes"}) || is(tags["impassable"], {"yes"})) return false;
    return true;
}

// A leading number in a tag value, with a unit factor for `mph`; NaN when there is none.
double tag_number(const char* value, bool speed) {
    if (!value) return NAN;
    double number = NAN;
    const char* end = read_number(value, value + std::strlen(value), number);
    if (end == value || !std::isfinite(number) || number <= 0) return NAN;
    while (*end == ' ') ++end;
    if (speed && std::strncmp(end, "mph", 3) == 0) return number * 1.609344;
    if (!speed && std::strncmp(end, "lbs", 3) == 0) return number * 0.00045359237;
    return number;
}

struct Way {
    osmium::object_id_type id;
    std::vector<osmium::object_id_type> refs;
    RoadAttributes road;
    int direction;  // 1 along the way, -1 against it, 0 both
};

// The heavy-vehicle tags of a way (docs/network.md, "Heavy vehicles"). A value that cannot be
// read is ignored (the road keeps no limit) and counted, the first one quoted in a warning.
struct HeavyTagReader {
    std::size_t unreadable = 0;
    std::string first;

    void read(const osmium::Way& way, RoadAttributes& road) {
        const osmium::TagList& tags = way.tags();
        auto take = [&](const char* key, OsmLimit (*parse)(std::string_view), double& into) {
            const char* value = tags[key];
            if (!value) return;
            OsmLimit limit = parse(value);
            if (limit.kind == OsmLimit::Kind::limit)
                into = std::min(into, limit.value);
            else if (limit.kind == OsmLimit::Kind::unreadable)
                complain(way, key, value);
        };
        // maxweight:hgv binds heavy goods vehicles only; a vehicle light enough not to be one
        // weighs less than any such limit, so it joins the one weight limit.
        take("maxweight", &osm_mass_t, road.weight_limit_t);
        take("maxweight:hgv", &osm_mass_t, road.weight_limit_t);
        take("maxaxleload", &osm_mass_t, road.axle_load_limit_t);
        take("maxheight", &osm_length_m, road.height_limit_m);
        take("maxwidth", &osm_length_m, road.width_limit_m);
        if (const char* hgv = tags["hgv"]) {
            bool readable = true;
            road.hgv = osm_hgv_access(hgv, readable);
            if (!readable) complain(way, "hgv", hgv);
        }
    }
    void complain(const osmium::Way& way, const char* key, const char* value) {
        if (unreadable++ == 0)
            first = std::string(key) + "=" + std::string(value).substr(0, 40) + " on way " + std::to_string(way.id());
    }
};

struct Location {
    osmium::object_id_type id;
    double lat, lon;
};

}  // namespace

LoadedNetwork load_osm_network(const std::string& path, const LoadOptions& options) {
    LoadedNetwork loaded;
    Diagnostics& diagnostics = loaded.diagnostics;
    if (options.profile != "car") {
        diagnostics.error(path, 0, 0,
                          "unknown profile '" + options.profile + "'; the profile available is 'car'");
        return loaded;
    }
    // XML is read and its coordinates checked here, then handed to libosmium from memory: its
    // parser overflows on a coordinate such as 1e30. PBF stores coordinates as integers.
    const bool pbf = path.size() >= 4 && path.compare(path.size() - 4, 4, ".pbf") == 0;
    std::string xml;
    if (!pbf) {
        auto text = read_osm_xml(path, input_limits::kMaxOsmXmlBytes);
        if (!text) {
            diagnostics.error(path, 0, 0, text.error());
            return loaded;
        }
        xml = std::move(text.value());
        check_osm_coordinates(xml, path, input_limits::kMaxErrorsPerFile, diagnostics);
        if (diagnostics.has_errors()) return loaded;
    }
    if (pbf) {
        if (std::string why = check_pbf_file(path); !why.empty()) {
            diagnostics.error(path, 0, 0, why);
            return loaded;
        }
    }
    std::vector<Location> locations;
    std::vector<Way> ways;
    std::vector<OsmRestriction> restrictions;
    RestrictionCounts restriction_counts;
    HeavyTagReader heavy_tags;
    try {
        // PBF blocks are decoded on libosmium's thread pool (OSMIUM_POOL_THREADS, default: the
        // cores), but read() hands the buffers back in file order, so the network is the same
        // at any pool size (tests/cli/prepare_cli_tests.sh compares the prepared bytes).
        osmium::io::Reader reader{
            pbf ? osmium::io::File{path, "pbf"} : osmium::io::File{xml.data(), xml.size(), "osm"},
            osmium::osm_entity_bits::node | osmium::osm_entity_bits::way | osmium::osm_entity_bits::relation,
            osmium::io::read_meta::no};
        while (osmium::memory::Buffer buffer = reader.read()) {
            for (const osmium::OSMObject& object : buffer.select<osmium::OSMObject>()) {
                if (object.type() == osmium::item_type::node) {
                    const auto& node = static_cast<const osmium::Node&>(object);
                    // valid() keeps the globe's bounds, so lat() and lon() are finite and in range.
                    if (node.location().valid())
                        locations.push_back({node.id(), node.location().lat(), node.location().lon()});
                    continue;
                }
                if (object.type() == osmium::item_type::relation) {
                    if (auto r = read_restriction(static_cast<const osmium::Relation&>(object), restriction_counts))
                        restrictions.push_back(std::move(*r));
                    continue;
                }
                if (object.type() != osmium::item_type::way) continue;
                const auto& way = static_cast<const osmium::Way&>(object);
                const osmium::TagList& tags = way.tags();
                const char* highway = tags["highway"];
                if (!highway) continue;
                const HighwayClass* cls = nullptr;
                for (const HighwayClass& candidate : kDrivable)
                    if (std::strcmp(candidate.tag, highway) == 0) cls = &candidate;
                if (!cls || !car_may_use(tags) || way.nodes().size() < 2) continue;
                Way record;
                record.id = way.id();
                record.road.road_class = cls->road_class;
                double maxspeed = tag_number(tags["maxspeed"], true);
                record.road.speed_kph = std::isnan(maxspeed) ? cls->speed_kph : std::min(maxspeed, 200.0);
                double lanes = tag_number(tags["lanes"], false);
                const char* oneway = tags["oneway"];
                if (is(oneway, {"yes", "true", "1"}))
                    record.direction = 1;
                else if (is(oneway, {"-1", "reverse"}))
                    record.direction = -1;
                else if (is(oneway, {"no", "false", "0"}))
                    record.direction = 0;
                else  // implied one-way (OSM wiki, Key:oneway)
                    record.direction = is(tags["junction"], {"roundabout", "circular"}) ||
                                       is(highway, {"motorway", "motorway_link"});
                // `lanes` counts both directions of a two-way road. A count no road has (a tag
                // such as lanes=1e9) keeps the default, as an unreadable tag does.
                if (lanes <= 2 * input_limits::kMaxLanes)
                    record.road.lanes =
                        std::clamp(static_cast<int>(record.direction == 0 ? lanes / 2 : lanes), 1,
                                   input_limits::kMaxLanes);
                heavy_tags.read(way, record.road);
                if (const char* name = tags["name"])
                    record.road.name = name;
                else if (const char* ref = tags["ref"])
                    record.road.name = ref;
                for (const osmium::NodeRef& ref : way.nodes()) record.refs.push_back(ref.ref());
                ways.push_back(std::move(record));
            }
        }
        reader.close();
    } catch (const osmium::xml_error& e) {
        // expat counts columns from 0.
        diagnostics.error(path, static_cast<int>(std::min<std::uint64_t>(e.line, INT_MAX)),
                          static_cast<int>(std::min<std::uint64_t>(e.column + 1, INT_MAX)),
                          "not valid OpenStreetMap XML: " + std::string(e.error_string));
        return loaded;
    } catch (const std::bad_alloc&) {
        diagnostics.error(path, 0, 0, "not enough memory to read this OpenStreetMap file");
        return loaded;
    } catch (const std::exception& e) {
        // osmium::io_error, osmium::pbf_error, osmium::invalid_location, std::range_error (a
        // varint past its block), ...: a damaged file, whatever part of it broke.
        diagnostics.error(path, 0, 0, "cannot read as OpenStreetMap: " + std::string(e.what()));
        return loaded;
    } catch (...) {
        diagnostics.error(path, 0, 0, "cannot read as OpenStreetMap: the file is damaged");
        return loaded;
    }

    if (!std::is_sorted(locations.begin(), locations.end(),
                        [](const Location& a, const Location& b) { return a.id < b.id; }))
        std::sort(locations.begin(), locations.end(),
                  [](const Location& a, const Location& b) { return a.id < b.id; });
    auto locate = [&](osmium::object_id_type id) -> const Location* {
        auto it = std::lower_bound(locations.begin(), locations.end(), id,
                                   [](const Location& l, osmium::object_id_type v) { return l.id < v; });
        if (it == locations.end() || it->id != id) return nullptr;
        if (options.bounding_box && !options.bounding_box->contains(it->lat, it->lon)) return nullptr;
        return &*it;
    };

    // Cut each way into runs of nodes that are known and inside the box; a road node is an end
    // of a run or a node shared by two runs.
    struct Run {
        std::size_t way;
        std::vector<const Location*> nodes;
    };
    std::vector<Run> runs;
    std::size_t cut_ways = 0;
    for (std::size_t w = 0; w < ways.size(); ++w) {
        Run run{w, {}};
        bool cut = false;
        for (osmium::object_id_type ref : ways[w].refs) {
            const Location* location = locate(ref);
            if (!location) {
                cut = true;
                if (run.nodes.size() >= 2) runs.push_back(run);
                run.nodes.clear();
                continue;
            }
            if (!run.nodes.empty() && run.nodes.back() == location) continue;  // repeated node
            run.nodes.push_back(location);
        }
        if (run.nodes.size() >= 2) runs.push_back(std::move(run));
        cut_ways += cut;
    }
    std::unordered_map<osmium::object_id_type, int> uses;
    for (const Run& run : runs)
        for (std::size_t i = 0; i < run.nodes.size(); ++i)
            uses[run.nodes[i]->id] += (i == 0 || i + 1 == run.nodes.size()) ? 2 : 1;

    RoadNetworkBuilder builder;
    std::vector<AddedArc> added;  // each arc's way and end nodes, when there are turns to forbid
    auto road_node = [&](const Location* location) {
        std::string id = std::to_string(location->id);
        if (auto index = builder.find(id)) return *index;
        NodeInfo node;
        node.id = std::move(id);
        node.lat = location->lat;
        node.lon = location->lon;
        return builder.add_node(std::move(node));
    };
    for (const Run& run : runs) {
        const Way& way = ways[run.way];
        NodeIndex start = road_node(run.nodes.front());
        osmium::object_id_type start_id = run.nodes.front()->id;
        double length_m = 0;
        std::vector<GeoPoint> shape;  // the nodes merged away, which the road still passes
        for (std::size_t i = 1; i < run.nodes.size(); ++i) {
            const Location* a = run.nodes[i - 1];
            const Location* b = run.nodes[i];
            length_m += great_circle_m(a->lat, a->lon, b->lat, b->lon);
            if (uses[b->id] < 2) {
                shape.push_back({b->lat, b->lon});
                continue;
            }
            NodeIndex end = road_node(b);
            if (end != start) {
                RoadAttributes road = way.road;
                // Two OSM nodes can share a position; a road keeps a length of at least 10 cm.
                road.length_m = std::max(length_m, 0.1);
                bool one_way = way.direction != 0 && !options.undirected;
                if (!restrictions.empty()) {  // in the order add_road adds the arcs
                    if (way.direction == -1 && one_way) {
                        added.push_back({way.id, b->id, start_id});
                    } else {
                        added.push_back({way.id, start_id, b->id});
                        if (!one_way) added.push_back({way.id, b->id, start_id});
                    }
                }
                if (way.direction == -1 && one_way) {
                    std::reverse(shape.begin(), shape.end());
                    builder.add_road(end, start, road, true, shape);
                } else {
                    builder.add_road(start, end, road, one_way, shape);
                }
            }
            start = end;
            start_id = b->id;
            length_m = 0;
            shape.clear();
        }
    }
    apply_restrictions(restrictions, added, builder, restriction_counts);
    if (builder.node_count() == 0) {
        diagnostics.error(path, 0, 0,
                          options.bounding_box ? "no drivable road lies inside the bounding box"
                                               : "the file holds no drivable road");
        return loaded;
    }
    if (cut_ways > 0)
        diagnostics.note(
            path, 0, 0,
            std::to_string(cut_ways) + " roads were cut where they leave the extract or the bounding box");
    if (heavy_tags.unreadable > 0)
        diagnostics.warning(
            path, 0, 0,
            std::to_string(heavy_tags.unreadable) +
                (heavy_tags.unreadable == 1 ? " heavy-vehicle tag value could not be read and was"
                                            : " heavy-vehicle tag values could not be read and were") +
                " ignored (the first: " + heavy_tags.first + "; docs/network.md, \"Heavy vehicles\")");
    if (restriction_counts.read > 0)
        diagnostics.note(path, 0, 0,
                         std::to_string(restriction_counts.applied) + " of " + std::to_string(restriction_counts.read) +
                             " turn restrictions apply to the roads read (" +
                             std::to_string(restriction_counts.forbidden) + " forbidden turns)");
    if (restriction_counts.via_way > 0)
        diagnostics.warning(path, 0, 0,
                            std::to_string(restriction_counts.via_way) +
                                (restriction_counts.via_way == 1
                                     ? " turn restriction via a way is not supported and was ignored"
                                     : " turn restrictions via a way are not supported and were ignored"));
    if (restriction_counts.malformed > 0)
        diagnostics.warning(
            path, 0, 0,
            std::to_string(restriction_counts.malformed) +
                (restriction_counts.malformed == 1
                     ? " turn restriction lacks a from-way, a via node or a to-way, or has an unknown "
                       "value, and was ignored"
                     : " turn restrictions lack a from-way, a via node or a to-way, or have an unknown "
                       "value, and were ignored"));
    if (builder.node_count() > static_cast<std::size_t>(input_limits::kMaxNodes) ||
        builder.arc_count() > static_cast<std::size_t>(input_limits::kMaxArcs)) {
        diagnostics.error(path, 0, 0,
                          "the roads have " + std::to_string(builder.node_count()) + " nodes and " +
                              std::to_string(builder.arc_count()) + " arcs; corridor reads at most " +
                              std::to_string(input_limits::kMaxNodes) + " and " +
                              std::to_string(input_limits::kMaxArcs) + " (cut an extract, docs/network.md)");
        return loaded;
    }
    loaded.network = std::move(builder).build();
    check_connectivity(*loaded.network, path, diagnostics);
    return loaded;
}

}  // namespace corridor
