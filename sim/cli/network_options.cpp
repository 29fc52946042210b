// Reading-a-network and vehicle options shared by `corridor route` and `corridor prepare`.

#include "network_options.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <tuple>

#include "corridor/engine/format.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/scenario/quantities.hpp"

namespace corridor::cli {
namespace {

// One figure of the vehicle: a bare number in `unit` (what the option always took), or a number
// with a unit read as a scenario reads it; then within 0..most. from_chars reads "nan" and "inf",
// so that the range check refuses them by name: NaN compares false with every road's limit and
// would pass every bridge.
Result<double> vehicle_figure(const std::string& text, const char* option, const char* unit, double most,
                              Result<double> (*parse)(std::string_view)) {
    if (text.empty()) return 0.0;
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        auto with_unit = parse(text);
        if (!with_unit)
            return Error{std::string(option) + " '" + text + "': " + with_unit.error() +
                         " (a bare number is in " + unit + ")"};
        value = with_unit.value();
    }
    if (!(value >= 0 && value <= most))
        return Error{std::string(option) + " must be from 0 to " + format_number(most) +
                     (std::string_view(unit) == "t" ? " tonnes" : " m") + ", not " + format_number(value)};
    return value;
}

}  // namespace

void add_network_options(CLI::App& command, NetworkOptions& o) {
    command.add_flag("--undirected", o.undirected, "treat every arc as a two-way road");
    command.add_option("--profile", o.profile, "OpenStreetMap access rules (car)")->capture_default_str();
    command.add_option("--bbox", o.bbox, "OpenStreetMap: keep roads inside MIN_LON,MIN_LAT,MAX_LON,MAX_LAT");
}

Result<LoadOptions> load_options(const NetworkOptions& o) {
    LoadOptions options;
    options.undirected = o.undirected;
    options.profile = o.profile;
    if (!o.bbox.empty()) {
        auto box = parse_bounding_box(o.bbox);
        if (!box) return Error{box.error()};
        options.bounding_box = box.value();
    }
    return options;
}

void add_vehicle_options(CLI::App& command, VehicleOptions& o) {
    command.add_option("--vehicle-weight", o.weight,
                       "tonnes (or 40t, 40000kg): avoid roads and bridges with a lower limit");
    command.add_option("--vehicle-height", o.height,
                       "metres (or 4.1m): avoid roads with a lower height limit");
    command.add_option("--vehicle-width", o.width, "metres (or 2.55m): avoid roads with a lower width limit");
    command.add_option("--vehicle-axle-load", o.axle_load,
                       "tonnes (or 11.5t): avoid roads with a lower axle-load limit");
}

Result<VehicleLimits> vehicle_limits(const VehicleOptions& o) {
    using input_limits::kMaxClearanceM, input_limits::kMaxWeightLimitT;
    VehicleLimits vehicle;
    for (auto [text, option, unit, most, parse, figure] :
         {std::tuple{&o.weight, "--vehicle-weight", "t", kMaxWeightLimitT, &parse_mass_t, &vehicle.weight_t},
          std::tuple{&o.axle_load, "--vehicle-axle-load", "t", kMaxWeightLimitT, &parse_mass_t,
                     &vehicle.axle_load_t},
          std::tuple{&o.height, "--vehicle-height", "m", kMaxClearanceM, &parse_length_m, &vehicle.height_m},
          std::tuple{&o.width, "--vehicle-width", "m", kMaxClearanceM, &parse_length_m, &vehicle.width_m}}) {
        auto value = vehicle_figure(*text, option, unit, most, parse);
        if (!value) return Error{value.error()};
        *figure = value.value();
    }
    // An axle carries part of the vehicle's weight, never more (as a scenario's vehicle types).
    if (vehicle.weight_t > 0 && vehicle.axle_load_t > vehicle.weight_t)
        return Error{"--vehicle-axle-load " + format_number(vehicle.axle_load_t) +
                     " t is more than --vehicle-weight " + format_number(vehicle.weight_t) +
                     " t: an axle carries part of the vehicle's weight"};
    vehicle.heavy = vehicle.weight_t > kHeavyVehicleAboveT;
    return vehicle;
}

}  // namespace corridor::cli
