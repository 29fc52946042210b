// Which way each KPI is better: see include/corridor/sweep/ranking.hpp. One entry per KPI of
// sim/model/kpis.cpp, in its order; tests/unit/sweep/compare_test.cpp checks that no KPI of the
// record is missing here, so that a new KPI cannot be ranked the wrong way by default.

#include <algorithm>
#include <array>
#include <utility>

#include "corridor/sweep/ranking.hpp"

namespace corridor {
namespace {

constexpr Better lower = Better::lower, higher = Better::higher, neither = Better::neither;

constexpr std::array<std::pair<std::string_view, Better>, 27> kDirections{{
    {"closure_time_h", lower},  // the force on its posts sooner
    {"posts_established_50_h", lower},
    {"posts_established_90_h", lower},
    {"posts_established_100_h", lower},
    {"posts", neither},  // the scenario's posts: an input, not a result
    {"posts_established", higher},
    {"sorties", neither},  // more sorties is more lift, or smaller loads
    {"tonnes_lifted", higher},
    {"personnel_lifted", higher},
    {"aid_tonnes_lifted", higher},
    {"largest_apron_queue", lower},
    {"convoy_vehicle_km", neither},  // longer routes, or more convoys: not a goal either way
    {"convoy_vehicle_hours", lower},
    {"force_checkpoint_mean_wait_min", lower},
    {"aid_tonnes_delivered", higher},
    {"aid_trips", neither},  // more trips is more aid, or smaller loads
    {"aid_fill_rate", higher},
    {"unmet_person_days", lower},
    {"stock_out_days", lower},
    {"delivery_lead_time_h", lower},
    {"fleet_utilisation", neither},  // busy trucks are cheap or short of slack
    {"truck_breakdowns", lower},
    {"people_returned", higher},
    {"fuel_used_l", lower},
    {"vehicles_ran_dry", lower},
    {"returned_50_h", lower},
    {"returned_90_h", lower},
}};

}  // namespace

std::optional<Better> better_direction(std::string_view kpi) {
    auto it =
        std::find_if(kDirections.begin(), kDirections.end(), [&](const auto& d) { return d.first == kpi; });
    if (it == kDirections.end()) return std::nullopt;
    return it->second;
}

}  // namespace corridor
