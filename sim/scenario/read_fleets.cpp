// The `fleets` section: each aid truck fleet's organisation, vehicle type (one with a payload),
// count, base depot, dispatch policy, the towns it serves, minimum load, unloading time, idle
// recheck, own march rules and how its trucks join. Its keys are documented in
// docs/scenario-reference.md, section `fleets`.

#include <algorithm>
#include <string>
#include <vector>

#include "corridor/engine/suggest.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

const std::vector<std::string> kPolicies = {"most_need_first", "nearest_depot", "round_robin"};

void read_policy(MapReader& m, Fleet& fleet) {
    auto policy = m.text("policy");
    if (!policy) return;
    auto it = std::find(kPolicies.begin(), kPolicies.end(), *policy);
    if (it != kPolicies.end()) {
        fleet.policy = static_cast<DispatchPolicy>(it - kPolicies.begin());
        return;
    }
    std::string message = "unknown dispatch policy '" + *policy + "'";
    if (auto hint = closest_match(*policy, kPolicies))
        message += "; did you mean '" + *hint + "'?";
    else
        message += " (use most_need_first, nearest_depot or round_robin)";
    m.source().error(*m.get("policy"), message);
}

// `joins: {every: 1h}` or `{exponential: 1h}`, and `from`: the trucks come into service one by
// one, the first at `from` (the start when not given), each next one a gap later.
void read_joins(const YAML::Node& node, const Source& source, const Build& build, Fleet& fleet,
                const std::string& what) {
    if (node.IsScalar()) {
        source.error(node, "the joins of " + what +
                               " are a map, e.g. {every: 1h} or {exponential: 1h}, not '" + node.Scalar() +
                               "'");
        return;
    }
    MapReader j(node, source, "the joins of " + what);
    ServiceTime gap;
    int given = 0;
    for (auto [key, kind] :
         {std::pair{"every", ServiceKind::fixed}, std::pair{"exponential", ServiceKind::exponential}}) {
        auto value = j.get(key);
        if (!value) continue;
        ++given;
        auto length = j.duration(key, false, 0, build.horizon());
        if (length && *length < kSecond) {
            source.error(*value, std::string(key) + " " + format_duration(*length) + " in the joins of " +
                                     what +
                                     " is too short: trucks join one at a time, at least 1s apart (leave "
                                     "'joins' out for all of them at the start)");
            continue;
        }
        if (!length) continue;
        gap = ServiceTime{kind, {to_seconds(*length), 0, 0}};
    }
    fleet.first_join = j.duration("from", false, 0, build.horizon()).value_or(0);
    j.finish();
    if (given != 1 && j.is_map())
        source.error(node, "give the joins of " + what +
                               " exactly one of 'every' (a fixed gap) or 'exponential' "
                               "(the mean gap of Poisson arrivals), e.g. {every: 1h}");
    fleet.join_gap = gap;
}

}  // namespace

void read_fleets(const Section& s, Build& build) {
    const Humanitarian& aid = build.theatre.aid;
    for_each_entry(s, "fleets", [&](const YAML::Node& key, const YAML::Node& value) {
        Fleet fleet;
        fleet.name = key.Scalar();
        std::string what = "fleet '" + fleet.name + "'";
        MapReader m(value, s.source, what);
        bool owner_known = false;  // (and with a depot: else its base cannot be one of them, said once)
        if (auto org = m.get("organisation", true))
            if (auto name = scalar_text(*org, s.source, "organisation"))
                if (auto index = find_name(build.organisation, *name, "organisation", *org, s.source)) {
                    fleet.organisation = *index;
                    owner_known = std::any_of(aid.depots.begin(), aid.depots.end(),
                                              [&](const Depot& d) { return d.organisation == *index; });
                    if (!owner_known)
                        s.source.error(
                            *org, "organisation '" + *name + "' has no depot for " + what + " to load at");
                }
        if (auto vehicle = m.get("vehicle", true))
            if (auto name = scalar_text(*vehicle, s.source, "vehicle"))
                if (auto type = find_name(build.vehicle_type, *name, "vehicle type", *vehicle, s.source)) {
                    fleet.vehicle_type = *type;
                    if (build.theatre.vehicle_types[*type].payload_t <= 0)
                        s.source.error(*vehicle,
                                       "vehicle type '" + *name + "' carries no aid: give it a payload " +
                                           "in vehicle_types (e.g. 'payload: 12t') to use it in " + what);
                }
        fleet.count = static_cast<int>(m.whole("count", 1, 10000, true).value_or(0));
        if (auto depot = m.get("depot", true))
            if (auto name = scalar_text(*depot, s.source, "depot"))
                if (auto base = find_name(build.depot, *name, "depot", *depot, s.source)) {
                    fleet.base = *base;
                    std::size_t owner = aid.depots[*base].organisation;
                    if (owner_known && owner != fleet.organisation)
                        s.source.error(*depot, "depot '" + *name + "' belongs to '" +
                                                   aid.organisations[owner].name + "', not to '" +
                                                   aid.organisations[fleet.organisation].name +
                                                   "', the organisation of " + what);
                }
        read_policy(m, fleet);
        if (auto towns = m.get("towns"))
            for (const auto& found : find_names(*towns, s.source, build.town, "town", what))
                fleet.towns.push_back(found.first);
        fleet.min_load = m.parsed<double>("min_load", &parse_fraction).value_or(fleet.min_load);
        fleet.unloading_per_t = per_tonne(m, "unload_time").value_or(fleet.unloading_per_t);
        if (auto recheck = m.duration("idle_recheck")) {
            if (*recheck < kMinute)
                s.source.error(*m.get("idle_recheck"), "idle_recheck must be at least 1min");
            else
                fleet.idle_recheck = *recheck;
        }
        if (auto march = m.get("march")) {
            fleet.march = build.theatre.march;
            read_march_rules(*march, s.source, *fleet.march, "the march rules of " + what);
        }
        fleet.escorts = read_escort_names(m, build, what);
        if (auto joins = m.get("joins")) read_joins(*joins, s.source, build, fleet, what);
        m.finish();
        build.theatre.aid.fleets.push_back(fleet);
    });
}

}  // namespace corridor::scenario
