// The KPI record: see include/corridor/model/kpis.hpp.

#include "corridor/model/kpis.hpp"

#include <algorithm>

namespace corridor {
namespace {

std::optional<double> hours(Time t) {
    if (t == kNever) return std::nullopt;
    return to_hours(t);
}

}  // namespace

std::vector<Kpi> kpi_record(const DeploymentResult& r) {
    int established = 0;
    for (const PostOutcome& p : r.posts) established += p.established != kNever;
    // The force's own vehicles' mean wait over every checkpoint, weighted by vehicles.
    double force_wait_s = 0;
    std::int64_t force_vehicles = 0;
    for (const CheckpointOutcome& c : r.checkpoints) {
        force_wait_s += c.force_mean_wait_s * static_cast<double>(c.force_vehicles);
        force_vehicles += c.force_vehicles;
    }
    std::optional<double> force_mean_wait_min;
    if (force_vehicles > 0) force_mean_wait_min = force_wait_s / static_cast<double>(force_vehicles) / 60.0;
    // The aid part: tonnes, need met by mass, and the fleets' use.
    double need_kg = 0, unmet_kg = 0, unmet_person_days = 0;
    Time stock_out = 0;
    for (const SupplyOutcome& s : r.supplies) {
        need_kg += s.need * s.mass_kg;
        unmet_kg += s.unmet * s.mass_kg;
        unmet_person_days += s.unmet_person_days;
        stock_out += s.out;
    }
    std::optional<double> fill_rate;
    if (need_kg > 0) fill_rate = 1.0 - unmet_kg / need_kg;
    double tonnes = 0, lead_h = 0, busy_h = 0, truck_h = 0;
    int trips = 0, breakdowns = 0;
    for (const FleetOutcome& f : r.fleets) {
        breakdowns += f.breakdowns;
        tonnes += f.tonnes;
        lead_h += f.lead_time_h_sum;
        trips += f.trips;
        busy_h += f.busy_h;
        truck_h += f.truck_h;
    }
    int returned = 0;
    for (const ReturnOutcome& flow : r.returns) returned += flow.returned;
    std::optional<double> lead_time_h, utilisation, fuel_used_l;
    if (r.fuel.modelled) fuel_used_l = r.fuel.total_l();
    if (trips > 0) lead_time_h = lead_h / trips;
    if (truck_h > 0) utilisation = busy_h / truck_h;
    return {
        {"closure_time_h", "h", hours(r.closure_time)},
        {"posts_established_50_h", "h", hours(r.posts_50)},
        {"posts_established_90_h", "h", hours(r.posts_90)},
        {"posts_established_100_h", "h", hours(r.posts_100)},
        {"posts", "posts", static_cast<double>(r.posts.size())},
        {"posts_established", "posts", static_cast<double>(established)},
        {"sorties", "sorties", static_cast<double>(r.sorties)},
        {"tonnes_lifted", "t", r.tonnes_lifted},
        {"personnel_lifted", "people", static_cast<double>(r.personnel_lifted)},
        {"aid_tonnes_lifted", "t", r.aid_tonnes_lifted},
        {"largest_apron_queue", "aircraft", r.largest_apron_queue},
        {"convoy_vehicle_km", "km", r.convoy_vehicle_km},
        {"convoy_vehicle_hours", "h", r.convoy_vehicle_hours},
        {"force_checkpoint_mean_wait_min", "min", force_mean_wait_min},
        {"aid_tonnes_delivered", "t", tonnes},
        {"aid_trips", "trips", static_cast<double>(trips)},
        {"aid_fill_rate", "share", fill_rate},
        {"unmet_person_days", "person-days", unmet_person_days},
        {"stock_out_days", "days", to_hours(stock_out) / 24.0},
        {"delivery_lead_time_h", "h", lead_time_h},
        {"fleet_utilisation", "share", utilisation},
        {"truck_breakdowns", "breakdowns", static_cast<double>(breakdowns)},
        {"people_returned", "people", static_cast<double>(returned)},
        {"fuel_used_l", "L", fuel_used_l},
        {"vehicles_ran_dry", "vehicles", static_cast<double>(r.fuel.vehicles_ran_dry)},
        {"returned_50_h", "h", hours(r.returned_50)},
        {"returned_90_h", "h", hours(r.returned_90)},
    };
}

const Kpi* find_kpi(const std::vector<Kpi>& record, std::string_view name) {
    auto it = std::find_if(record.begin(), record.end(), [&](const Kpi& k) { return k.name == name; });
    return it == record.end() ? nullptr : &*it;
}

}  // namespace corridor
