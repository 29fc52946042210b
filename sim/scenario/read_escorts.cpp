// The `escorts` section: each escorted stretch of road (its roads, the times of day its convoys
// leave, how many vehicles one convoy takes, and when the rule holds), which fleets and returns
// name in their `escort` key. Its keys are documented in docs/scenario-reference.md, section
// `escorts`.

#include <map>
#include <string>
#include <vector>

#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// A list of roads, each [FROM, TO]; one road may be written alone (`roads: [HAK, LAC]`).
std::vector<YAML::Node> roads_of(const YAML::Node& node) {
    bool one_road = node.IsSequence() && node.size() == 2 && node[0].IsScalar() && node[1].IsScalar();
    if (one_road || !node.IsSequence()) return {node};
    return one_or_many(node);
}

}  // namespace

void read_escorts(const Section& s, Build& build) {
    std::map<ArcIndex, std::size_t> escort_of_arc;  // an arc is in one escort at most
    for_each_entry(s, "escorts", [&](const YAML::Node& key, const YAML::Node& value) {
        Escort escort;
        escort.name = key.Scalar();
        std::string what = "escort '" + escort.name + "'";
        std::size_t index = build.theatre.aid.escorts.size();
        MapReader m(value, s.source, what);
        if (auto roads = m.get("roads", true)) {
            std::vector<YAML::Node> items = roads_of(*roads);
            if (items.empty()) s.source.error(*roads, "roads of " + what + " lists no road");
            for (const YAML::Node& item : items) {
                auto road = read_road(item, s.source, build);
                if (!road) continue;
                auto [other, fresh] = escort_of_arc.emplace(road->first.front(), index);
                if (!fresh) {
                    const std::vector<Escort>& escorts = build.theatre.aid.escorts;
                    s.source.error(
                        item, "road " + road->second + " is already escorted by " +
                                  (other->second == index ? "this escort (listed twice)"
                                                          : "escort '" + escorts[other->second].name + "'") +
                                  ": a road belongs to one escort at most");
                    continue;
                }
                for (ArcIndex a : road->first) {
                    escort_of_arc.emplace(a, index);
                    escort.arcs.push_back(a);
                }
            }
        }
        if (auto departures = m.get("departures", true))
            escort.departures = read_times_of_day(*departures, s.source, "departures");
        escort.max_vehicles = static_cast<int>(m.whole("max_vehicles", 1, 100000).value_or(0));
        escort.from = m.duration("from", false, 0, build.horizon()).value_or(0);
        escort.until = m.duration("until");
        if (escort.until && *escort.until <= escort.from)
            s.source.error(*m.get("until"), what + " must end ('until') after it starts ('from')");
        m.finish();
        build.escort.emplace(escort.name, index);
        build.theatre.aid.escorts.push_back(escort);
    });
}

/// The `escort` key of a fleet or a flow of returns: the escorts it names (one, or a list).
std::vector<std::size_t> read_escort_names(MapReader& m, const Build& build, const std::string& what) {
    std::vector<std::size_t> escorts;
    auto names = m.get("escort");
    if (names && build.escort.empty()) {
        m.source().error(*names,
                         what + " names an escort, but the scenario has no 'escorts' section to define it");
        return escorts;
    }
    if (names)
        for (const auto& found : find_names(*names, m.source(), build.escort, "escort", what))
            escorts.push_back(found.first);
    return escorts;
}

}  // namespace corridor::scenario
