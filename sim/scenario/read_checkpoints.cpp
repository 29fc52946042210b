// The `checkpoints` section: each checkpoint's name, node, lanes, staffing shifts, service time
// distribution and other traffic, with a warning when the other traffic alone saturates it. Its
// keys are documented in docs/scenario-reference.md, section `checkpoints`.

#include <map>
#include <string>
#include <vector>

#include "corridor/engine/format.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_checkpoints(const Section& s, Build& build) {
    std::map<std::string, int> names;
    std::map<NodeIndex, std::string> nodes;
    for_each_item(s, "checkpoints", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "a checkpoint");
        Checkpoint cp;
        cp.name = m.text("name", true).value_or("");
        if (!cp.name.empty() && !names.emplace(cp.name, item.Mark().line + 1).second)
            s.source.error(*m.get("name"), "duplicate checkpoint name '" + cp.name + "' (first on line " +
                                               std::to_string(names[cp.name]) + ")");
        if (auto index = read_place_node(m, item, build, true)) {
            cp.node = *index;
            if (!nodes.emplace(*index, cp.name).second)
                s.source.error(item["node"] ? item["node"] : item["lat"],
                               "checkpoint '" + nodes[*index] + "' already stands at node '" +
                                   build.theatre.network().node(*index).id + "': give it more lanes instead");
        }
        cp.lanes = static_cast<int>(m.whole("lanes", 1, 100).value_or(cp.lanes));
        if (auto staffing = m.get("staffing")) {
            if (!staffing->IsSequence())
                s.source.error(*staffing,
                               "staffing must be a list of {at, lanes}, not " + describe(*staffing));
            else {
                for (const YAML::Node& shift : *staffing) {
                    MapReader sh(shift, s.source, "a staffing shift");
                    auto at = sh.duration("at", true, 0, build.horizon());
                    auto lanes = sh.whole("lanes", 0, 100, true);
                    sh.finish();
                    if (!at || !lanes) continue;
                    if (!cp.staffing.empty() && *at <= cp.staffing.back().at) {
                        s.source.error(*sh.get("at"), "staffing shift at " + format_duration(*at) +
                                                          " goes back in time (the one before is at " +
                                                          format_duration(cp.staffing.back().at) +
                                                          "): shifts must come in increasing time");
                        continue;
                    }
                    cp.staffing.push_back({*at, static_cast<int>(*lanes)});
                }
                // A shift at 0h sets the lanes of the start; the theatre keeps only later changes.
                if (!cp.staffing.empty() && cp.staffing.front().at == 0) {
                    cp.lanes = cp.staffing.front().servers;
                    cp.staffing.erase(cp.staffing.begin());
                }
                auto schedule = ServerSchedule::shifts(cp.lanes, cp.staffing);
                if (!schedule) s.source.error(*staffing, "staffing: " + schedule.error());
            }
        }
        if (auto service = m.get("service", true))
            cp.service = read_distribution(*service, s.source, "the service time of checkpoint '" + cp.name + "'",
                                           "service");
        if (auto traffic = m.get("traffic")) {
            auto text = scalar_text(*traffic, s.source, "traffic");
            double rate = -1;
            const char* last = text ? text->data() + text->size() : nullptr;
            const char* end = text ? read_number(text->data(), last, rate) : nullptr;
            if (!text || end == text->data() || end != last || !(rate >= 0) || rate > 100000)
                s.source.error(*traffic,
                               "traffic must be a number of vehicles an hour from 0 to 100000, not " +
                                   describe(*traffic));
            else if (rate * to_hours(build.theatre.duration) > 1e8)
                s.source.error(*traffic, "traffic of " + *text +
                                             " vehicles an hour over the scenario's duration is more than "
                                             "100 million vehicles: lower it or shorten the run");
            else
                cp.traffic_per_h = rate;
            double utilisation = cp.traffic_utilisation();
            if (utilisation >= 1) {
                std::string figure = format_fixed(utilisation, 2);
                build.diagnostics->warning(
                    s.source.file, traffic->Mark().line + 1, traffic->Mark().column + 1,
                    "checkpoint '" + cp.name + "': the other traffic alone keeps its lanes busy " + figure +
                        " times over (utilisation 1 or more), so its queue grows without bound all run");
            }
        }
        m.finish();
        build.theatre.checkpoints.push_back(cp);
    });
}

}  // namespace corridor::scenario
