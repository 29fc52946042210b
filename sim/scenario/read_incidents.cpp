// The `incidents` section: rules for incidents that halt movement in an area for a while (the
// area, incidents a day, the distribution of how long each lasts, and when the rule applies). Its
// keys are documented in docs/scenario-reference.md, section `incidents`.

#include <set>
#include <string>
#include <tuple>

#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

// More than this many incidents a day in one area is a state of the roads, not an incident.
constexpr double kMostIncidentsADay = 100;

void read_incidents(const Section& s, Build& build) {
    std::set<std::string> names;
    for_each_item(s, "incidents", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "an incident rule");
        Incidents rule;
        rule.name = m.text("name", true).value_or("");
        std::string what = "incidents '" + rule.name + "'";
        if (!rule.name.empty() && !names.insert(rule.name).second)
            s.source.error(*m.get("name"), "duplicate incident rule '" + rule.name +
                                               "' (its name keys its random draws: give each rule its own)");
        if (auto area = m.get("area", true))
            if (auto read = read_area(*area, s.source, build, what)) rule.area = std::move(*read);
        rule.per_day = read_rate(m, "per_day", kMostIncidentsADay, "incidents a day", "0.2").value_or(0);
        rule.duration = read_length(m, build, "the duration of " + what);
        std::tie(rule.from, rule.until) = read_window(m, item, build, "incidents");
        m.finish();
        build.theatre.incidents.push_back(std::move(rule));
    });
}

}  // namespace corridor::scenario
