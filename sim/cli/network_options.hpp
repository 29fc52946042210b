#pragma once
// The options of every command that reads a road network file (`route`, `prepare`): how to read
// it (--undirected, --profile, --bbox), and for `route` the vehicle whose limits a route obeys
// (--vehicle-weight, -axle-load, -height, -width). One place, so that both commands take and
// check them alike.

#include <string>

#include "corridor/engine/result.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/vehicle_limits.hpp"

namespace CLI {
class App;
}

namespace corridor::cli {

struct NetworkOptions {
    bool undirected = false;
    std::string profile = "car";
    std::string bbox;
};
void add_network_options(CLI::App& command, NetworkOptions& options);
/// The loader's options, or why --bbox is wrong.
Result<LoadOptions> load_options(const NetworkOptions& options);

/// The vehicle's figures as typed: a bare number is in the option's unit (t or m), or with a unit
/// as a scenario writes it (`40t`, `40000kg`, `3.1m`); empty: not checked.
struct VehicleOptions {
    std::string weight, axle_load, height, width;
};
void add_vehicle_options(CLI::App& command, VehicleOptions& options);
/// The vehicle, or what is wrong with a figure (naming the option).
Result<VehicleLimits> vehicle_limits(const VehicleOptions& options);

}  // namespace corridor::cli
