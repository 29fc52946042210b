// The `airfields` and `airlift` sections: each airfield (its road node, apron slots, turnaround and
// opening hours), then each airlift fleet (aircraft type, count, the airfields it flies between and
// its block time, given or worked out from a distance). Their keys are documented in
// docs/scenario-reference.md, sections `airfields` and `airlift`.

#include <utility>

#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_airfields(const Section& s, Build& build) {
    for_each_entry(s, "airfields", [&](const YAML::Node& key, const YAML::Node& value) {
        Airfield field;
        field.name = key.Scalar();
        MapReader m(value, s.source, "airfield '" + field.name + "'");
        field.long_name = m.text("name").value_or(field.name);
        if (value.IsMap() && (value["node"] || value["lat"] || value["lon"]))
            build.airfields_naming_a_node.insert(field.name);
        field.node = read_place_node(m, value, build, false);
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
            // Block time: cruise over the distance plus the type's allowance for taxi, climb and descent.
            fleet.block_time = from_seconds(*distance / 1000 / type.cruise_speed_kph * 3600) + type.taxi_allowance;
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

}  // namespace corridor::scenario
