// The force, air and doctrine sections of a scenario: each key read with its unit, each name
// resolved, each impossible value refused where it stands.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "corridor/engine/format.hpp"
#include "corridor/network/router.hpp"
#include "corridor/scenario/quantities.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// Calls `each(name_node, value_node)` for every entry of a map section.
template <class Each>
void for_each_entry(const Section& s, const char* what, Each each) {
    if (!s.node.IsMap()) {
        s.source.error(s.node, std::string(what) + " must be a map from names to their description, not " +
                                   describe(s.node));
        return;
    }
    for (auto it = s.node.begin(); it != s.node.end(); ++it) each(it->first, it->second);
}

template <class Each>
void for_each_item(const Section& s, const char* what, Each each) {
    if (!s.node.IsSequence()) {
        s.source.error(s.node, std::string(what) + " must be a list, not " + describe(s.node));
        return;
    }
    for (const YAML::Node& item : s.node) each(item);
}

std::string format_tonnes(double t) { return format_number(t) + " t"; }

std::optional<double> positive(MapReader& m, const std::string& key,
                               Result<double> (*parse)(std::string_view), bool required) {
    auto value = m.parsed<double>(key, parse, required);
    if (value && *value <= 0) {
        m.source().error(*m.get(key), key + " must be more than zero");
        return std::nullopt;
    }
    return value;
}

}  // namespace

void read_vehicle_types(const Section& s, Build& build) {
    for_each_entry(s, "vehicle_types", [&](const YAML::Node& key, const YAML::Node& value) {
        VehicleType type;
        type.name = key.Scalar();
        MapReader m(value, s.source, "vehicle type '" + type.name + "'");
        type.speed_kph = positive(m, "speed", &parse_speed_kph, true).value_or(0);
        type.length_m = positive(m, "length", &parse_length_m, false).value_or(type.length_m);
        type.weight_t = positive(m, "weight", &parse_mass_t, true).value_or(0);
        type.seats = static_cast<int>(m.whole("seats", 0, 1000).value_or(type.seats));
        if (type.speed_kph > 200)
            s.source.error(*m.get("speed"), "speed " + m.get("speed")->Scalar() +
                                                " is absurd for a road vehicle (the limit is 200km/h)");
        m.finish();
        build.vehicle_type.emplace(type.name, build.theatre.vehicle_types.size());
        build.theatre.vehicle_types.push_back(type);
    });
}

void read_aircraft_types(const Section& s, Build& build) {
    for_each_entry(s, "aircraft_types", [&](const YAML::Node& key, const YAML::Node& value) {
        AircraftType type;
        type.name = key.Scalar();
        MapReader m(value, s.source, "aircraft type '" + type.name + "'");
        type.payload_t = positive(m, "payload", &parse_mass_t, true).value_or(0);
        if (type.payload_t > 1000)
            s.source.error(*m.get("payload"),
                           "payload " + m.get("payload")->Scalar() + " is absurd (the limit is 1000t)");
        type.seats = static_cast<int>(m.whole("seats", 0, 1000).value_or(0));
        type.max_vehicles = static_cast<int>(m.whole("max_vehicles", 0, 100).value_or(type.max_vehicles));
        type.cruise_speed_kph = positive(m, "cruise_speed", &parse_speed_kph, false).value_or(0);
        m.finish();
        build.aircraft_type.emplace(type.name, build.theatre.aircraft_types.size());
        build.theatre.aircraft_types.push_back(type);
    });
}

void read_airfields(const Section& s, Build& build) {
    for_each_entry(s, "airfields", [&](const YAML::Node& key, const YAML::Node& value) {
        Airfield field;
        field.name = key.Scalar();
        MapReader m(value, s.source, "airfield '" + field.name + "'");
        field.long_name = m.text("name").value_or(field.name);
        if (auto node = m.get("node")) {
            build.airfields_naming_a_node.insert(field.name);
            if (auto id = scalar_text(*node, s.source, "node"))
                field.node = find_node(build, *id, *node, s.source);
        }
        field.apron_slots = static_cast<int>(m.whole("apron_slots", 1, 1000).value_or(field.apron_slots));
        field.turnaround = m.duration("turnaround").value_or(field.turnaround);
        if (auto hours = m.get("hours")) {
            auto text = scalar_text(*hours, s.source, "hours");
            auto dash = text ? text->find('-') : std::string::npos;
            if (text && dash != std::string::npos) {
                auto opens = parse_time_of_day(text->substr(0, dash));
                auto closes = parse_time_of_day(text->substr(dash + 1));
                if (!opens || !closes)
                    s.source.error(*hours, "hours: " + (!opens ? opens.error() : closes.error()));
                else if (opens.value() % kDay == closes.value() % kDay &&
                         !(opens.value() == 0 && closes.value() == kDay))
                    s.source.error(*hours,
                                   "hours '" + *text +
                                       "' open and close at the same time; write \"00:00-24:00\" for always");
                else {
                    field.opens = opens.value();
                    field.closes = closes.value();
                }
            } else if (text) {
                s.source.error(*hours,
                               "hours must be \"HH:MM-HH:MM\", e.g. \"06:00-22:00\", not '" + *text + "'");
            }
        }
        m.finish();
        build.airfield.emplace(field.name, build.theatre.airfields.size());
        build.theatre.airfields.push_back(field);
    });
}

void read_airlift(const Section& s, Build& build) {
    for_each_item(s, "airlift", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "an airlift fleet");
        AirliftFleet fleet;
        std::optional<std::size_t> aircraft, from, to;
        if (auto node = m.get("aircraft", true))
            if (auto name = scalar_text(*node, s.source, "aircraft"))
                aircraft = find_name(build.aircraft_type, *name, "aircraft type", *node, s.source);
        fleet.count = static_cast<int>(m.whole("count", 1, 10000, true).value_or(1));
        for (auto [key, target] : {std::pair{"from", &from}, std::pair{"to", &to}})
            if (auto node = m.get(key, true))
                if (auto name = scalar_text(*node, s.source, key))
                    *target = find_name(build.airfield, *name, "airfield", *node, s.source);
        auto block = m.duration("block_time");
        auto distance = m.parsed<double>("distance", &parse_length_m);
        m.finish();
        if (block && distance)
            s.source.error(item, "give an airlift fleet 'block_time' or 'distance', not both");
        else if (!block && !distance)
            s.source.error(item,
                           "an airlift fleet needs 'block_time' (e.g. 4h30min) or 'distance' (e.g. 2150km)");
        if (!aircraft || !from || !to) return;
        if (*from == *to) s.source.error(*m.get("to"), "an airlift must fly between two different airfields");
        const Airfield& arrival = build.theatre.airfields[*to];
        if (!build.airfields_naming_a_node.count(arrival.name))
            s.source.error(*m.get("to"), "arrival airfield '" + arrival.name +
                                             "' has no 'node': units could not leave it by road");
        const AircraftType& type = build.theatre.aircraft_types[*aircraft];
        if (distance) {
            if (type.cruise_speed_kph <= 0) {
                s.source.error(*m.get("distance"),
                               "aircraft type '" + type.name +
                                   "' has no cruise_speed to turn the distance into a block time");
                return;
            }
            // Block time: cruise over the distance plus 30 min for taxi, climb and descent (estimate).
            fleet.block_time = from_seconds(*distance / 1000 / type.cruise_speed_kph * 3600) + 30 * kMinute;
        } else if (block) {
            if (*block == 0) s.source.error(*m.get("block_time"), "block_time must be longer than 0s");
            fleet.block_time = *block;
        }
        fleet.aircraft = *aircraft;
        fleet.from = *from;
        fleet.to = *to;
        build.theatre.airlift.push_back(fleet);
    });
}

namespace {

// March rules from `node` over `d`: the theatre's march section, or a unit's own `march` keys.
void read_march_rules(const YAML::Node& node, const Source& source, MarchDoctrine& d, const std::string& what) {
    Section section{node, source};
    const Section& s = section;
    MapReader m(node, source, what);
    if (auto v = positive(m, "vehicle_interval", &parse_length_m, false)) d.vehicle_interval_m = *v;
    if (auto v = m.whole("convoy_max_vehicles", 1, 1000)) d.convoy_max_vehicles = static_cast<int>(*v);
    if (auto speeds = m.get("speeds")) {
        MapReader sp(*speeds, s.source, "march speeds");
        for (std::size_t c = 0; c < kRoadClassCount; ++c)
            if (auto v =
                    positive(sp, std::string(to_string(static_cast<RoadClass>(c))), &parse_speed_kph, false))
                d.speed_kph[c] = *v;
        sp.finish();
    }
    if (auto halts = m.get("halts")) {
        MapReader h(*halts, s.source, "march halts");
        // A halt is a short stop in a day's march (FM 55-30); a day's rest is `minimum_rest`.
        d.first_halt_after = h.duration("first_after", false, kMinute, kDay).value_or(d.first_halt_after);
        d.first_halt = h.duration("first", false, 0, 12 * kHour).value_or(d.first_halt);
        d.halt_every = h.duration("every", false, kMinute, kDay).value_or(d.halt_every);
        d.halt = h.duration("duration", false, 0, 12 * kHour).value_or(d.halt);
        h.finish();
    }
    if (auto night = m.get("night")) {
        MapReader n(*night, s.source, "march night rules");
        d.night_from = n.parsed<Time>("from", &parse_time_of_day).value_or(d.night_from);
        d.night_to = n.parsed<Time>("to", &parse_time_of_day).value_or(d.night_to);
        if (d.night_from % kDay == d.night_to % kDay)
            s.source.error(*night,
                           "night 'from' and 'to' are the same time of day, so the night has no length "
                           "(or lasts all day): give a night such as from \"18:00\" to \"06:00\"");
        if (auto mode = n.get("mode")) {
            std::string text = mode->IsScalar() ? mode->Scalar() : "";
            if (text == "drive")
                d.night_mode = NightMode::drive;
            else if (text == "blackout")
                d.night_mode = NightMode::blackout;
            else if (text == "stop")
                d.night_mode = NightMode::stop;
            else
                s.source.error(*mode, "night mode must be drive, blackout or stop, not " + describe(*mode));
        }
        n.finish();
    }
    if (auto limit = m.duration("daily_driving_limit")) {
        if (*limit < kHour || *limit > kDay)
            s.source.error(*m.get("daily_driving_limit"), "daily_driving_limit must lie between 1h and 24h");
        else
            d.daily_driving_limit = *limit;
    }
    if (auto rest = m.duration("minimum_rest")) {
        if (*rest > kDay)
            s.source.error(*m.get("minimum_rest"), "minimum_rest must be at most 24h");
        else
            d.minimum_rest = *rest;
    }
    if (auto threshold = m.parsed<double>("activation_threshold", &parse_fraction)) {
        if (*threshold <= 0)
            s.source.error(*m.get("activation_threshold"), "activation_threshold must be more than 0%");
        else
            d.activation_threshold = *threshold;
    }
    m.finish();
}

}  // namespace

void read_march(const Section& s, Build& build) {
    read_march_rules(s.node, s.source, build.theatre.march, "the march section");
}

void read_posts(const Section& s, Build& build) {
    for_each_entry(s, "posts", [&](const YAML::Node& key, const YAML::Node& value) {
        Post post;
        post.name = key.Scalar();
        MapReader m(value, s.source, "post '" + post.name + "'");
        std::optional<NodeIndex> node;
        if (auto n = m.get("node", true))
            if (auto id = scalar_text(*n, s.source, "node")) node = find_node(build, *id, *n, s.source);
        post.setup = m.duration("setup").value_or(post.setup);
        m.finish();
        post.node = node.value_or(0);
        build.post.emplace(post.name, build.theatre.posts.size());
        build.theatre.posts.push_back(post);
    });
}

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
        if (auto march = m.get("march")) {
            unit.march = build.theatre.march;
            read_march_rules(*march, s.source, *unit.march, "the march rules of " + what);
        }
        if (auto posts = m.get("posts", true)) {
            std::vector<YAML::Node> items;
            if (posts->IsSequence())
                for (const YAML::Node& p : *posts) items.push_back(p);
            else
                items.push_back(*posts);
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

void read_disruptions(const Section& s, Build& build) {
    for_each_item(s, "disruptions", [&](const YAML::Node& item) {
        MapReader m(item, s.source, "a disruption");
        Disruption d;
        if (auto road = m.get("road", true)) {
            if (!road->IsSequence() || road->size() != 2) {
                s.source.error(*road,
                               "road must name its two end nodes, e.g. [GOR, KRN], not " + describe(*road));
            } else {
                std::optional<NodeIndex> ends[2];
                for (std::size_t e = 0; e < 2; ++e)
                    if (auto id = scalar_text((*road)[e], s.source, "a road end"))
                        ends[e] = find_node(build, *id, (*road)[e], s.source);
                if (ends[0] && ends[1]) {
                    const RoadNetwork& net = build.theatre.network;
                    d.arcs = net.arcs_between(*ends[0], *ends[1]);
                    for (ArcIndex a : net.arcs_between(*ends[1], *ends[0])) d.arcs.push_back(a);
                    d.road = net.node(*ends[0]).id + "-" + net.node(*ends[1]).id;
                    if (d.arcs.empty())
                        s.source.error(*road, "no road joins " + net.node(*ends[0]).id + " and " +
                                                  net.node(*ends[1]).id);
                }
            }
        }
        auto closed = m.boolean("closed");
        auto factor = m.parsed<double>("speed_factor", &parse_fraction);
        d.from = m.duration("from", false, 0, build.horizon()).value_or(0);
        d.until = m.duration("until").value_or(build.theatre.duration + 1);
        m.finish();
        if (closed.value_or(false) == factor.has_value())
            s.source.error(item,
                           "a disruption needs 'closed: true' or a 'speed_factor' (e.g. 50%), and not both");
        else if (factor && *factor <= 0)
            s.source.error(*m.get("speed_factor"),
                           "speed_factor must be more than 0%: to stop traffic, write 'closed: true'");
        if (d.until <= d.from)
            s.source.error(item, "a disruption must end ('until') after it starts ('from')");
        d.closed = closed.value_or(false);
        d.speed_factor = factor.value_or(1.0);
        build.theatre.disruptions.push_back(d);
    });
}

void check_air_loads(const Section& s, Build& build) {
    // An air unit must fit its airlift: each vehicle type in some aircraft flying its route (its
    // payload and a vehicle place), and its people in some aircraft with seats; otherwise the
    // airlift would end with part of the unit still at home.
    const Theatre& t = build.theatre;
    std::size_t u = 0;
    for (const YAML::Node& item : s.node) {
        const Unit& unit = t.units[u++];
        if (unit.mode != MoveMode::air) continue;
        std::vector<const AircraftType*> route;
        for (const AirliftFleet& fleet : t.airlift)
            if (fleet.from == unit.origin_airfield && fleet.to == unit.arrival_airfield)
                route.push_back(&t.aircraft_types[fleet.aircraft]);
        for (const UnitVehicles& v : unit.vehicles) {
            const VehicleType& type = t.vehicle_types[v.type];
            bool fits = std::any_of(route.begin(), route.end(), [&](const AircraftType* a) {
                return a->max_vehicles > 0 && a->payload_t >= type.weight_t;
            });
            if (!fits)
                s.source.error(item["vehicles"], "unit '" + unit.name +
                                                     "': no aircraft flying its route can carry a " +
                                                     type.name + " (" + format_tonnes(type.weight_t) + ")");
        }
        bool seats = std::any_of(route.begin(), route.end(),
                                 [](const AircraftType* a) { return a->seats > 0 && a->payload_t >= 0.1; });
        if (unit.personnel > 0 && !seats)
            s.source.error(item["personnel"], "unit '" + unit.name + "' has " +
                                                  std::to_string(unit.personnel) +
                                                  " people but no aircraft flying its route has seats");
    }
}

void check_reachability(const Section& s, Build& build) {
    const Theatre& t = build.theatre;
    Router router(t.network);
    std::size_t u = 0;
    for (const YAML::Node& item : s.node) {
        const Unit& unit = t.units[u++];
        double heaviest = 0;
        for (const UnitVehicles& v : unit.vehicles)
            heaviest = std::max(heaviest, t.vehicle_types[v.type].weight_t);
        NodeIndex start =
            unit.mode == MoveMode::air ? *t.airfields[unit.arrival_airfield].node : unit.origin_node;
        YAML::Node posts = item["posts"];
        for (std::size_t p = 0; p < unit.posts.size(); ++p) {
            const Post& post = t.posts[unit.posts[p]];
            if (router.route({start, post.node, Metric::time, heaviest}).found) continue;
            YAML::Node at = posts.IsSequence() ? posts[p] : posts;
            s.source.error(at, "post '" + post.name + "' (node " + t.network.node(post.node).id +
                                   ") cannot be reached by road from " + t.network.node(start).id +
                                   " by unit '" + unit.name + "' (heaviest vehicle " +
                                   format_tonnes(heaviest) + ")");
        }
    }
}

}  // namespace corridor::scenario
