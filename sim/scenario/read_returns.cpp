// The `returns` section: each flow of displaced people going home by bus convoys (origin node,
// town, people, bus type and pool, convoy size, departure times, start, the posts and the town's
// services it waits for, and the buses' own march rules). Its keys are documented in
// docs/scenario-reference.md, section `returns`.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "corridor/network/router.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// `after_services`: services of the flow's town that must be working before a convoy leaves.
void read_after_services(const YAML::Node& node, const Source& source, const Town& town, ReturnFlow& flow,
                         const std::string& what) {
    if (town.services.empty()) {
        source.error(node, "town '" + town.name + "' lists no 'services' for " + what + " to wait for");
        return;
    }
    std::map<std::string, std::size_t> services;
    for (std::size_t i = 0; i < town.services.size(); ++i) services.emplace(town.services[i].name, i);
    for (const auto& found : find_names(node, source, services, "service", what))
        flow.after_services.push_back(found.first);
}

}  // namespace

void read_returns(const Section& s, Build& build) {
    for_each_entry(s, "returns", [&](const YAML::Node& key, const YAML::Node& value) {
        ReturnFlow flow;
        flow.name = key.Scalar();
        std::string what = "returns '" + flow.name + "'";
        MapReader m(value, s.source, what);
        bool town_found = false;
        if (auto origin = m.get("origin", true))
            if (auto id = scalar_text(*origin, s.source, "origin"))
                if (auto node = find_node(build, *id, *origin, s.source)) flow.origin = *node;
        if (auto town = m.get("town", true))
            if (auto name = scalar_text(*town, s.source, "town"))
                if (auto index = find_name(build.town, *name, "town", *town, s.source)) {
                    flow.town = *index;
                    town_found = true;
                }
        flow.people = static_cast<int>(m.whole("people", 1, 10'000'000, true).value_or(0));
        if (auto bus = m.get("bus", true))
            if (auto name = scalar_text(*bus, s.source, "bus"))
                if (auto type = find_name(build.vehicle_type, *name, "vehicle type", *bus, s.source)) {
                    flow.bus_type = *type;
                    if (!build.seats_given.count(*type))
                        s.source.error(*bus, "vehicle type '" + *name + "' gives no 'seats': say how many people a " +
                                                 "bus carries in " + what + " (e.g. 'seats: 28')");
                    else if (build.theatre.vehicle_types[*type].seats <= 0)
                        s.source.error(*bus, "vehicle type '" + *name + "' has no seats to carry people in " + what);
                }
        flow.buses = static_cast<int>(m.whole("buses", 1, 10000, true).value_or(0));
        flow.convoy_buses = static_cast<int>(m.whole("convoy_buses", 1, 1000).value_or(flow.convoy_buses));
        if (auto departures = m.get("departures", true)) flow.departures = read_times_of_day(*departures, s.source, "departures");
        flow.from = m.duration("start", false, 0, build.horizon()).value_or(0);
        if (auto posts = m.get("after_posts"))
            for (const auto& found : find_names(*posts, s.source, build.post, "post", what)) {
                // (Not a structured binding: clang 14, for the fuzz build, cannot capture one.)
                std::size_t post = found.first;
                const YAML::Node& at = found.second;
                const std::vector<Unit>& units = build.theatre.units;
                bool manned = std::any_of(units.begin(), units.end(), [&](const Unit& u) {
                    return std::find(u.posts.begin(), u.posts.end(), post) != u.posts.end();
                });
                if (!manned)
                    s.source.error(at, "no unit is sent to post '" + at.Scalar() + "', so " + what +
                                           " would wait for it for ever");
                else
                    flow.after_posts.push_back(post);
            }
        if (auto services = m.get("after_services"))
            if (town_found)
                read_after_services(*services, s.source, build.theatre.aid.towns[flow.town], flow, what);
        if (auto march = m.get("march")) {
            flow.march = build.theatre.march;
            read_march_rules(*march, s.source, *flow.march, "the march rules of " + what);
        }
        flow.escorts = read_escort_names(m, build, what);
        m.finish();
        build.theatre.aid.returns.push_back(flow);
    });
}

void check_return_routes(const Section& s, Build& build) {
    const Theatre& t = build.theatre;
    Router router(t.network());
    std::size_t f = 0;
    for (auto it = s.node.begin(); it != s.node.end(); ++it) {
        const ReturnFlow& flow = t.aid.returns[f++];
        const Town& town = t.aid.towns[flow.town];
        const VehicleType& bus = t.vehicle_types[flow.bus_type];
        if (!router.route({flow.origin, town.node, Metric::time, bus.limits()}).found)
            s.source.error(it->second["town"], "town '" + town.name + "' cannot be reached by road from '" +
                                                   t.network().node(flow.origin).id + "' for the " + bus.name +
                                                   " buses of returns '" + flow.name + "' (" +
                                                   format_tonnes(bus.weight_t) + ")");
    }
}

}  // namespace corridor::scenario
