// The `random_closures` section: rules that close roads at random (road classes, closures per km
// a day, the distribution of how long each lasts, and when the rule applies). Its keys are
// documented in docs/scenario-reference.md, section `random_closures`.

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "corridor/engine/format.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_random_closures(const Section& s, Build& build) {
    std::set<std::string> names;
    for_each_item(s, "random_closures", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "a random closure rule");
        RandomClosures rule;
        rule.name = m.text("name", true).value_or("");
        if (!rule.name.empty() && !names.insert(rule.name).second)
            s.source.error(*m.get("name"), "duplicate random closure rule '" + rule.name +
                                               "' (its name keys its random draws: give each rule its own)");
        if (auto classes = m.get("classes")) {
            for (const YAML::Node& c : one_or_many(*classes))
                if (auto text = scalar_text(c, s.source, "a road class")) {
                    auto road_class = parse_road_class(*text);
                    if (!road_class)
                        s.source.error(c, road_class.error());
                    else if (std::find(rule.classes.begin(), rule.classes.end(), road_class.value()) ==
                             rule.classes.end())
                        rule.classes.push_back(road_class.value());
                }
        }
        rule.per_km_day =
            read_rate(m, "per_km_day", 10, "closures per km of road a day", "0.002").value_or(0);
        rule.duration = read_length(m, build, "the duration of random closures '" + rule.name + "'");
        if (auto area = m.get("area")) rule.area = read_area(*area, s.source, build, "random closures '" + rule.name + "'");
        std::tie(rule.from, rule.until) = read_window(m, item, build, "random closures");
        m.finish();
        build.theatre.random_closures.push_back(rule);
    });
}

}  // namespace corridor::scenario
