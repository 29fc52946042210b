// The `units` section: each unit's name, personnel, vehicles by type, mode (road or air), origin
// (a node, or an airfield with an airlift leaving it), ready time, priority, own march rules and
// posts, with the vehicles-for-posts check. Its keys are documented in docs/scenario-reference.md,
// section `units`.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_units(const Section& s, Build& build, bool have_airlift) {
    std::map<std::string, int> seen;
    if (s.node.IsSequence() && s.node.size() == 0)
        s.source.error(s.node, "units is an empty list: a scenario needs at least one unit");
    for_each_item(s, "units", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "a unit");
        Unit unit;
        if (auto name = m.text("name", true)) {
            unit.name = *name;
            if (!seen.emplace(unit.name, item.Mark().line + 1).second)
                s.source.error(*m.get("name"), "duplicate unit name '" + unit.name + "' (first on line " +
                                                   std::to_string(seen[unit.name]) + ")");
        }
        std::string what = unit.name.empty() ? "the unit" : "unit '" + unit.name + "'";
        unit.personnel = static_cast<int>(m.whole("personnel", 0, 1000000).value_or(0));
        auto vehicles = m.get("vehicles");
        std::size_t errors_before = build.diagnostics->error_count();
        if (vehicles) {
            if (!vehicles->IsMap())
                s.source.error(*vehicles, "vehicles of " + what + " must be a map of type: count, not " +
                                              describe(*vehicles));
            else {
                MapReader counts(*vehicles, s.source, "vehicles of " + what);
                for (auto it = vehicles->begin(); it != vehicles->end(); ++it) {
                    const std::string name = it->first.Scalar();
                    auto type = find_name(build.vehicle_type, name, "vehicle type", it->first, s.source);
                    auto count = counts.whole(name, 1, 100000);
                    if (type && count) unit.vehicles.push_back({*type, static_cast<int>(*count)});
                }
            }
        }
        if (auto mode = m.text("mode")) {
            if (*mode == "air")
                unit.mode = MoveMode::air;
            else if (*mode != "road")
                s.source.error(*m.get("mode"), "mode must be air or road, not '" + *mode + "'");
        }
        if (auto origin = m.get("origin", true)) {
            if (auto name = scalar_text(*origin, s.source, "origin")) {
                if (unit.mode == MoveMode::air) {
                    if (auto field = find_name(build.airfield, *name, "airfield", *origin, s.source)) {
                        unit.origin_airfield = *field;
                        auto fleet = std::find_if(build.theatre.airlift.begin(), build.theatre.airlift.end(),
                                                  [&](const AirliftFleet& f) { return f.from == *field; });
                        if (fleet == build.theatre.airlift.end())
                            s.source.error(
                                *origin, what + " flies from '" + *name + "' but no airlift fleet leaves it" +
                                             (have_airlift ? "" : " (there is no airlift section)"));
                        else
                            unit.arrival_airfield = fleet->to;
                    }
                } else if (auto node = find_node(build, *name, *origin, s.source)) {
                    unit.origin_node = *node;
                }
            }
        }
        unit.ready = m.duration("ready", false, 0, build.horizon()).value_or(0);
        unit.priority = static_cast<int>(m.whole("priority", 0, 1000).value_or(unit.priority));
        if (auto weight = positive(m, "person_weight", &parse_mass_t, false)) {
            if (*weight > 1)  // a tonne
                s.source.error(*m.get("person_weight"), "person_weight " + m.get("person_weight")->Scalar() +
                                                            " is absurd for one person with kit (at most 1t)");
            else
                unit.person_t = *weight;
        }
        if (auto march = m.get("march")) {
            unit.march = build.theatre.march;
            read_march_rules(*march, s.source, *unit.march, "the march rules of " + what);
        }
        if (auto posts = m.get("posts", true)) {
            std::vector<YAML::Node> items = one_or_many(*posts);
            for (const YAML::Node& p : items)
                if (auto name = scalar_text(p, s.source, "a post"))
                    if (auto post = find_name(build.post, *name, "post", p, s.source)) {
                        if (std::find(unit.posts.begin(), unit.posts.end(), *post) != unit.posts.end())
                            s.source.error(p, "post '" + *name + "' is listed twice for " + what);
                        else
                            unit.posts.push_back(*post);
                    }
            if (items.empty()) s.source.error(*posts, what + " has no posts");
        }
        m.finish();
        // (A 'vehicles' entry that failed has been reported where it stands.)
        if (!vehicles && m.is_map())
            s.source.error(item, what + " has no vehicles: corridor moves units by road in vehicles");
        else if (build.diagnostics->error_count() == errors_before &&
                 static_cast<std::size_t>(unit.vehicle_count()) < unit.posts.size())
            s.source.error(item, what + " has " + std::to_string(unit.vehicle_count()) + " vehicles for " +
                                     std::to_string(unit.posts.size()) +
                                     " posts: each post needs at least one vehicle");
        build.theatre.units.push_back(unit);
    });
}

}  // namespace corridor::scenario
