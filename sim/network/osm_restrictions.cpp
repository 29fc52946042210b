// Turn restrictions from OpenStreetMap relations. Supported: a from-way, a via node and a to-way
// (several from-ways for no_entry, several to-ways for no_exit). A via way (a restriction over a
// stretch of road, such as no U-turn through a dual carriageway's gap) would need a search state
// longer than one arc; such relations are counted and ignored. `except=` is ignored: the
// restriction binds every vehicle (its exemptions are buses, bicycles, emergency services).

#include "osm_restrictions.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace corridor {

std::optional<OsmRestriction> read_restriction(const osmium::Relation& relation, RestrictionCounts& counts) {
    const osmium::TagList& tags = relation.tags();
    const char* type = tags["type"];
    if (!type || std::strcmp(type, "restriction") != 0) return std::nullopt;
    OsmRestriction r;
    r.relation = relation.id();
    const char* value = tags["restriction"];
    if (!value) {
        value = tags["restriction:hgv"];
        r.heavy_only = true;
    }
    if (!value) return std::nullopt;  // another vehicle class's, or conditional only
    if (std::strncmp(value, "only_", 5) == 0)
        r.only = true;
    else if (std::strncmp(value, "no_", 3) != 0) {
        ++counts.malformed;
        return std::nullopt;
    }
    int vias = 0;
    bool via_way = false;
    for (const osmium::RelationMember& member : relation.members()) {
        const char* role = member.role();
        if (std::strcmp(role, "from") == 0 && member.type() == osmium::item_type::way)
            r.from_ways.push_back(member.ref());
        else if (std::strcmp(role, "to") == 0 && member.type() == osmium::item_type::way)
            r.to_ways.push_back(member.ref());
        else if (std::strcmp(role, "via") == 0) {
            ++vias;
            if (member.type() == osmium::item_type::node)
                r.via_node = member.ref();
            else
                via_way = true;
        }
    }
    if (via_way) {
        ++counts.via_way;
        return std::nullopt;
    }
    if (vias != 1 || r.from_ways.empty() || r.to_ways.empty() || (r.only && r.from_ways.size() > 1)) {
        ++counts.malformed;
        return std::nullopt;
    }
    ++counts.read;
    return r;
}

void apply_restrictions(const std::vector<OsmRestriction>& restrictions, const std::vector<AddedArc>& arcs,
                        RoadNetworkBuilder& builder, RestrictionCounts& counts) {
    std::unordered_set<osmium::object_id_type> vias;
    for (const OsmRestriction& r : restrictions) vias.insert(r.via_node);
    std::unordered_map<osmium::object_id_type, std::vector<std::size_t>> ending_at, starting_at;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        if (vias.count(arcs[a].to_node)) ending_at[arcs[a].to_node].push_back(a);
        if (vias.count(arcs[a].from_node)) starting_at[arcs[a].from_node].push_back(a);
    }
    auto listed = [](const std::vector<osmium::object_id_type>& ways, osmium::object_id_type way) {
        return std::find(ways.begin(), ways.end(), way) != ways.end();
    };
    for (const OsmRestriction& r : restrictions) {
        const std::vector<std::size_t>& in = ending_at[r.via_node];
        const std::vector<std::size_t>& out = starting_at[r.via_node];
        std::size_t forbidden = 0;
        bool matched = false;
        for (std::size_t i : in) {
            if (!listed(r.from_ways, arcs[i].way)) continue;
            // The to-way's arcs from the via node. When it is the from-way itself (no_u_turn on
            // one way), only the arc going back counts: going on along the way is another turn.
            std::vector<std::size_t> named;
            for (std::size_t o : out)
                if (listed(r.to_ways, arcs[o].way) &&
                    (arcs[o].way != arcs[i].way || arcs[o].to_node == arcs[i].from_node))
                    named.push_back(o);
            if (named.empty()) continue;  // the to-way is not a road here (not drivable, cut off)
            matched = true;
            for (std::size_t o : out) {
                bool is_named = std::find(named.begin(), named.end(), o) != named.end();
                if (is_named != r.only) {
                    builder.forbid_turn(i, o, r.heavy_only);
                    ++forbidden;
                }
            }
        }
        if (!matched)
            ++counts.unmatched;
        else if (forbidden > 0)
            ++counts.applied;
        counts.forbidden += forbidden;
    }
}

}  // namespace corridor
