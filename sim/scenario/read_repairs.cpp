// The `repair_teams` section: each kind of repair or demining team (base node, vehicle, count,
// work rate and own march rules); and the keys of a repair job, shared by the disruptions and the
// towns' services that give `repair` work. Its keys are documented in docs/scenario-reference.md,
// sections `repair_teams`, `disruptions` and `towns`.

#include <string>

#include "corridor/engine/format.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// A work rate: a share of a standard team's, `100%` or `1.5`, more than 0 and at most 100.
std::optional<double> read_rate(MapReader& m) {
    auto node = m.get("rate");
    if (!node) return std::nullopt;
    auto text = scalar_text(*node, m.source(), "rate");
    if (!text) return std::nullopt;
    std::string number = *text;
    bool percent = !number.empty() && number.back() == '%';
    if (percent) number.pop_back();
    double value = 0;
    const char* end = number.data() + number.size();
    if (number.empty() || read_number(number.data(), end, value) != end || !(value > 0)) {
        m.source().error(*node, "rate must be a share of a standard team's work, more than 0 (e.g. 100% or "
                                "1.5), not '" + *text + "'");
        return std::nullopt;
    }
    if (!percent && value > 10) {
        m.source().error(*node, "rate " + *text + " would be " + *text + " standard teams' work: write '" + *text +
                                    "%' for a share of one team");
        return std::nullopt;
    }
    if (percent) value /= 100.0;
    if (value > 100) {
        m.source().error(*node, "rate '" + *text + "' is absurd (at most 100 standard teams' work)");
        return std::nullopt;
    }
    return value;
}

}  // namespace

void read_repair_job(MapReader& m, const Build& build, const std::string& ends, Time& work, int& priority,
                     std::optional<std::size_t>& team) {
    if (auto repair = m.duration("repair")) {
        if (*repair == 0)
            m.source().error(*m.get("repair"),
                             "repair must be longer than 0h (the team-hours of work that end it)");
        else if (m.get("until"))
            m.source().error(*m.get("repair"),
                             ends + " either at its 'until' or when a team repairs it ('repair'), not both");
        work = *repair;
    }
    // A priority or a team orders or restricts a job, which the work makes.
    const std::string with_work = "give it with the 'repair' work of " + m.what();
    if (auto order = m.whole("priority", 1, 1000)) {
        if (!m.get("repair"))
            m.source().error(*m.get("priority"), "priority orders repair jobs: " + with_work);
        priority = static_cast<int>(*order);
    }
    if (auto kind = m.get("team")) {
        if (!m.get("repair"))
            m.source().error(*kind, "team names the kind of team for a repair job: " + with_work);
        else if (auto name = scalar_text(*kind, m.source(), "team"))
            team = find_name(build.repair_team, *name, "repair team", *kind, m.source());
    }
}

void read_repair_teams(const Section& s, Build& build) {
    for_each_entry(s, "repair_teams", [&](const YAML::Node& key, const YAML::Node& value) {
        RepairTeam team;
        team.name = key.Scalar();
        std::string what = "repair team '" + team.name + "'";
        MapReader m(value, s.source, what);
        if (auto base = m.get("base", true))
            if (auto id = scalar_text(*base, s.source, "base"))
                if (auto node = find_node(build, *id, *base, s.source)) team.base = *node;
        if (auto vehicle = m.get("vehicle", true))
            if (auto name = scalar_text(*vehicle, s.source, "vehicle"))
                if (auto type = find_name(build.vehicle_type, *name, "vehicle type", *vehicle, s.source))
                    team.vehicle_type = *type;
        team.count = static_cast<int>(m.whole("count", 1, 1000).value_or(team.count));
        team.rate = read_rate(m).value_or(team.rate);
        if (auto march = m.get("march")) {
            team.march = build.theatre.march;
            read_march_rules(*march, s.source, *team.march, "the march rules of " + what);
        }
        m.finish();
        build.repair_team.emplace(team.name, build.theatre.repair_teams.size());
        build.theatre.repair_teams.push_back(team);
    });
}

}  // namespace corridor::scenario
