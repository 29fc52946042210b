// The `disruptions` section: each road closed or slowed (by a speed factor) between two nodes from
// one time until another. Its keys are documented in docs/scenario-reference.md, section
// `disruptions`.

#include <optional>

#include "corridor/network/input_limits.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_disruptions(const Section& s, Build& build) {
    for_each_item(s, "disruptions", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "a disruption");
        m.text("name");  // (only so that a sweep can name it: docs/user-guide.md, "Sweeps")
        Disruption d;
        if (auto road = m.get("road", true))
            if (auto found = read_road(*road, s.source, build)) {
                d.arcs = found->first;
                d.road = found->second;
            }
        auto closed = m.boolean("closed");
        auto factor = m.parsed<double>("speed_factor", &parse_fraction);
        // (A speed_factor given but wrong has been reported where it stands.)
        bool factor_given = m.get("speed_factor").has_value();
        d.from = m.duration("from", false, 0, build.horizon()).value_or(0);
        d.until = m.duration("until").value_or(build.theatre.duration + 1);
        read_repair_job(m, build, "a disruption ends", d.repair_work, d.priority, d.team);
        m.finish();
        if (closed.value_or(false) == factor_given)
            s.source.error(item,
                           "a disruption needs 'closed: true' or a 'speed_factor' (e.g. 50%), and not both");
        else if (factor && *factor < input_limits::kMinSpeedFactor)
            s.source.error(*m.get("speed_factor"),
                           "speed_factor must be at least 1%: to stop traffic, write 'closed: true'");
        if (d.until <= d.from) {
            auto until = m.get("until");
            s.source.error(until ? *until : item, "a disruption must end ('until') after it starts ('from')");
        }
        d.closed = closed.value_or(false);
        d.speed_factor = factor.value_or(1.0);
        build.theatre.disruptions.push_back(d);
    });
}

}  // namespace corridor::scenario
