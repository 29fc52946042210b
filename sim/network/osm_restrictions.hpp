#pragma once
// OpenStreetMap turn restrictions (relations `type=restriction`; OSM wiki, Relation:restriction),
// read from the relations and turned into forbidden (arc, arc) pairs once the ways are cut into
// roads. Private to sim/network/; the rules are in docs/network.md, "Turn restrictions".

#include <osmium/osm/relation.hpp>

#include <optional>

#include <string>
#include <vector>

#include "corridor/network/road_network.hpp"

namespace corridor {

struct OsmRestriction {
    osmium::object_id_type relation = 0;
    std::vector<osmium::object_id_type> from_ways, to_ways;
    osmium::object_id_type via_node = 0;
    bool only = false;        // only_*: every other turn from the from-way is forbidden
    bool heavy_only = false;  // restriction:hgv
};

/// What the relations held, for the loader's note and warning.
struct RestrictionCounts {
    std::size_t read = 0;        // usable relations
    std::size_t via_way = 0;     // via a way: not supported
    std::size_t malformed = 0;   // missing from, via or to, or an unknown restriction value
    std::size_t unmatched = 0;   // their ways are not drivable roads of the network
    std::size_t applied = 0;     // relations that forbid at least one turn
    std::size_t forbidden = 0;   // (arc, arc) pairs forbidden
};

/// Reads one relation; none if it is not a restriction that binds corridor's vehicles (a plain
/// `restriction` binds all, `restriction:hgv` heavy ones; other vehicle classes and
/// `restriction:conditional` are ignored). Unusable ones are counted.
std::optional<OsmRestriction> read_restriction(const osmium::Relation& relation, RestrictionCounts& counts);

/// An arc as added to the builder: the way it was cut from and its end nodes (OSM ids).
struct AddedArc {
    osmium::object_id_type way, from_node, to_node;
};

/// Forbids the restrictions' turns in the builder: in-arcs are the from-way's arcs that end at the
/// via node, out-arcs the to-way's arcs that start there (a way is cut into roads at shared nodes).
void apply_restrictions(const std::vector<OsmRestriction>& restrictions, const std::vector<AddedArc>& arcs,
                        RoadNetworkBuilder& builder, RestrictionCounts& counts);

}  // namespace corridor
