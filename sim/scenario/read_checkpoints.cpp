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
        if (auto node = m.get("node", true))
            if (auto id = scalar_text(*node, s.source, "node"))
                if (auto index = find_node(build, *id, *node, s.source)) {
                    cp.node = *index;
                    if (!nodes.emplace(*index, cp.name).second)
                        s.source.error(*node, "checkpoint '" + nodes[*index] + "' already stands at node '" +
                                                  *id + "': give it more lanes instead");
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
        if (auto service = m.get("service", true)) {
            MapReader sv(*service, s.source, "the service time of checkpoint '" + cp.name + "'");
            int given = 0;
            auto seconds = [&](const YAML::Node& node) -> double {
                auto text = scalar_text(node, s.source, "a service time");
                if (!text) return -1;
                auto t = parse_duration(*text);
                if (!t) {
                    s.source.error(node, t.error());
                    return -1;
                }
                return to_seconds(t.value());
            };
            struct Form {
                const char* key;
                ServiceKind kind;
                std::size_t parameters;
            };
            for (Form form :
                 {Form{"fixed", ServiceKind::fixed, 1}, Form{"exponential", ServiceKind::exponential, 1},
                  Form{"triangular", ServiceKind::triangular, 3},
                  Form{"lognormal", ServiceKind::lognormal, 2}, Form{"uniform", ServiceKind::uniform, 2}}) {
                auto value = sv.get(form.key);
                if (!value) continue;
                ++given;
                cp.service.kind = form.kind;
                std::vector<YAML::Node> parts;
                if (value->IsSequence())
                    for (const YAML::Node& p : *value) parts.push_back(p);
                else
                    parts.push_back(*value);
                if (parts.size() != form.parameters) {
                    s.source.error(*value, std::string(form.key) + " service takes " +
                                               std::to_string(form.parameters) +
                                               (form.parameters == 1 ? " duration" : " durations in a list"));
                    continue;
                }
                for (std::size_t i = 0; i < parts.size(); ++i) cp.service.seconds[i] = seconds(parts[i]);
                const auto& p = cp.service.seconds;
                if (form.kind == ServiceKind::triangular && !(p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2]))
                    s.source.error(*value, "triangular service needs min <= mode <= max, with min < max");
                if (form.kind == ServiceKind::uniform && !(p[0] < p[1]))
                    s.source.error(*value, "uniform service needs min < max");
                if ((form.kind == ServiceKind::exponential || form.kind == ServiceKind::lognormal) &&
                    p[0] <= 0)
                    s.source.error(*value, std::string(form.key) + " service needs a mean longer than 0s");
            }
            sv.finish();
            if (given != 1 && sv.is_map())
                s.source.error(*service,
                               "give the service time as exactly one of fixed, exponential, triangular, "
                               "lognormal, uniform");
        }
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
