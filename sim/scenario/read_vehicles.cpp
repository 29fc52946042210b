// The `vehicle_types` and `aircraft_types` sections: each road vehicle type (speed, length,
// weight, seats, aid payload and cargo volume) and each aircraft type (payload, seats, vehicle
// places, cruise speed), read with their units and entered in the name tables the later sections
// refer to. Their keys are documented in docs/scenario-reference.md, sections `vehicle_types` and
// `aircraft_types`.

#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// Recovery after a breakdown (docs/model.md, "Breakdowns"): the share not repaired on the spot,
// the time to bring one to its base depot, and the share of those written off.
void read_recovery(const YAML::Node& node, const Source& source, VehicleType& type) {
    std::string what = "recovery of vehicle type '" + type.name + "'";
    MapReader r(node, source, what);
    auto share = r.parsed<double>("probability", &parse_fraction, true);
    auto time = r.duration("time", true, kMinute, 365 * kDay);
    auto written_off = r.parsed<double>("written_off", &parse_fraction, false);
    r.finish();
    if (type.repair_time == 0)
        source.error(node, "the " + what + " is given, but it never breaks down: give 'repair_time' with "
                           "'mtbf' or 'mdbf'");
    else if (share && time) {
        type.recovery_share = *share;
        type.recovery_time = *time;
        type.written_off_share = written_off.value_or(0);
    }
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
        // Against the roads' height, width and axle-load limits (docs/network.md, "Heavy vehicles").
        type.height_m = positive(m, "height", &parse_length_m, false).value_or(0);
        type.width_m = positive(m, "width", &parse_length_m, false).value_or(0);
        type.axle_load_t = positive(m, "axle_load", &parse_mass_t, false).value_or(0);
        if (type.height_m > 10 || type.width_m > 10)
            s.source.error(*m.get(type.height_m > 10 ? "height" : "width"),
                           "vehicle " + std::string(type.height_m > 10 ? "height " : "width ") +
                               m.get(type.height_m > 10 ? "height" : "width")->Scalar() +
                               " is absurd for a road vehicle (the limit is 10m)");
        else if (type.axle_load_t > 0 && type.weight_t > 0 && type.axle_load_t > type.weight_t)
            s.source.error(*m.get("axle_load"), "axle_load " + m.get("axle_load")->Scalar() +
                                                    " is more than the vehicle's weight " +
                                                    m.get("weight")->Scalar());
        type.seats = static_cast<int>(m.whole("seats", 0, 1000).value_or(type.seats));
        if (m.get("seats")) build.seats_given.insert(build.theatre.vehicle_types.size());
        // Breakdowns: a mean time or distance between failures (or both), with the repair time.
        auto mtbf = m.duration("mtbf", false, kHour, kLongestScenario);
        auto mdbf = positive(m, "mdbf", &parse_length_m, false);
        auto repair = m.duration("repair_time", false, kMinute, 365 * kDay);
        bool failures_given = m.get("mtbf").has_value() || m.get("mdbf").has_value();
        bool repair_given = m.get("repair_time").has_value();
        if (mdbf && *mdbf < 1000)
            s.source.error(*m.get("mdbf"), "mdbf " + m.get("mdbf")->Scalar() +
                                               " is absurd for a mean distance between failures (give at least 1km)");
        else if (failures_given != repair_given)
            s.source.error(*m.get(repair_given ? "repair_time" : m.get("mtbf") ? "mtbf" : "mdbf"),
                           "give breakdowns as 'repair_time' with 'mtbf' (mean time between failures), "
                           "'mdbf' (mean distance between failures) or both");
        else if ((mtbf || mdbf) && repair) {
            type.mtbf = mtbf.value_or(0);
            type.mdbf_m = mdbf.value_or(0);
            type.repair_time = *repair;
        }
        if (auto recovery = m.get("recovery")) read_recovery(*recovery, s.source, type);
        // Fuel (docs/model.md, "Fuel"): litres per 100 km and the tank, both or neither.
        auto consumption = m.get("fuel_per_100km"), tank = m.get("tank");
        std::string what = "vehicle type '" + type.name + "'";
        std::optional<double> per_100km, tank_l;
        if (consumption)
            per_100km = plain_number(*consumption, s.source, "fuel_per_100km of " + what + " (litres)", 1000);
        if (tank) tank_l = plain_number(*tank, s.source, "tank of " + what + " (litres)", 100000);
        if (consumption.has_value() != tank.has_value())
            s.source.error(consumption ? *consumption : *tank,
                           "give the fuel of " + what + " as both 'fuel_per_100km' and 'tank' (litres)");
        else if (per_100km && tank_l && *per_100km > 0 && *tank_l == 0)
            s.source.error(
                *tank, "the tank of " + what + " holds 0 litres, so it could never move: give what it holds");
        else if (per_100km && tank_l) {
            type.fuel_per_100km = *per_100km;
            type.tank_l = *tank_l;
        }
        // Aid cargo (the `fleets` section): none unless a payload is given.
        type.payload_t = m.parsed<double>("payload", &parse_mass_t).value_or(0);
        if (type.payload_t > 100)
            s.source.error(*m.get("payload"), "payload " + m.get("payload")->Scalar() +
                                                  " is absurd for a road vehicle (the limit is 100t)");
        else if (type.weight_t > 0 && type.payload_t > type.weight_t)
            s.source.error(*m.get("payload"), "payload " + m.get("payload")->Scalar() +
                                                  " is more than the loaded weight it is part of (weight " +
                                                  m.get("weight")->Scalar() + ")");
        type.volume_m3 = m.parsed<double>("volume", &parse_volume_m3).value_or(0);
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
        type.taxi_allowance = m.duration("taxi_allowance", false, 0, 12 * kHour).value_or(type.taxi_allowance);
        m.finish();
        build.aircraft_type.emplace(type.name, build.theatre.aircraft_types.size());
        build.theatre.aircraft_types.push_back(type);
    });
}

}  // namespace corridor::scenario
