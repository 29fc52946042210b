#include "corridor/report/run_files.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "corridor/engine/format.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/scenario/quantities.hpp"
#include "corridor/version.hpp"

namespace corridor {
namespace {

using Json = nlohmann::ordered_json;

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

// JSON text is UTF-8, but names and paths come as bytes: a scenario saved as Latin-1, a node id
// from such a CSV, a file name in the command. nlohmann's default dump throws on them (and the run
// ended as an "internal error"); each byte that is not UTF-8 is written as U+FFFD instead.
std::string json_text(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json seconds_or_null(Time t) { return t == kNever ? Json(nullptr) : Json(round3(to_seconds(t))); }

std::string calendar(const Theatre& theatre, Time t) {
    return t == kNever ? "" : format_datetime_utc(theatre.start_epoch_s * 1000 + t);
}

Json time_entry(const Theatre& theatre, Time t) {
    Json out;
    out["s"] = seconds_or_null(t);
    out["h"] = t == kNever ? Json(nullptr) : Json(round3(to_hours(t)));
    out["calendar"] = t == kNever ? Json(nullptr) : Json(calendar(theatre, t));
    return out;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string fixed(double x, int decimals) { return format_fixed(x, decimals); }

std::string time_cell(Time t) { return t == kNever ? "" : fixed(to_seconds(t), 3); }

std::string hours_text(Time t) {
    if (t == kNever) return "not reached";
    return fixed(to_hours(t), 1) + " h";
}

}  // namespace

std::string manifest_json(const Theatre& theatre, const RunManifest& m) {
    Json out;
    out["scenario"] = theatre.name;
    out["scenario_file"] = m.scenario_file;
    out["scenario_hash"] = "fnv1a64:" + m.scenario_hash;
    out["input_files"] = m.input_files;
    out["seed"] = m.seed;
    out["start"] = theatre.start_text;
    out["duration_s"] = round3(to_seconds(theatre.duration));
    out["corridor_version"] = kVersion;
    // How routes were searched: a contraction hierarchy and a search without one may pick
    // different paths where two cost exactly the same (docs/network.md). Nothing that depends on
    // the machine (the seconds it took, or whether a sweep's cache already held it).
    const RouteHierarchy& h = theatre.hierarchy;
    Json routes;
    routes["hierarchy"] = h.origin == RouteHierarchy::Origin::stored     ? "stored"
                          : h.origin == RouteHierarchy::Origin::prepared ? "prepared"
                                                                          : "none";
    routes["why"] = h.why;
    out["routes"] = routes;
    out["command"] = m.command;
    out["files"] = m.output_files;
    Json checksums = Json::object();
    for (const auto& [name, checksum] : m.checksums) checksums[name] = checksum;
    out["checksums"] = checksums;
    return json_text(out);
}

namespace {

// The aid part of kpis.json: its KPIs, then each town's supply of each commodity and each fleet.
Json aid_json(const Theatre& theatre, const DeploymentResult& r) {
    Json aid;
    for (const Kpi& kpi : kpi_record(r))
        if (kpi.name.rfind("aid_", 0) == 0 || kpi.name == "unmet_person_days" || kpi.name == "stock_out_days" ||
            kpi.name == "delivery_lead_time_h" || kpi.name == "fleet_utilisation" || kpi.name == "truck_breakdowns" ||
            kpi.name == "people_returned" || kpi.name.rfind("returned_", 0) == 0)
            aid[std::string(kpi.name)] = kpi.value ? Json(round3(*kpi.value)) : Json(nullptr);
    aid["depot_turned_away_t"] = round3(r.depot_turned_away_t);
    Json supplies = Json::array();
    for (const SupplyOutcome& s : r.supplies) {
        const Commodity& c = theatre.aid.commodities[s.commodity];
        Json supply;
        supply["town"] = theatre.aid.towns[s.town].name;
        supply["commodity"] = c.name;
        supply["unit"] = c.unit;
        supply["need"] = round3(s.need);
        supply["delivered"] = round3(s.delivered);
        supply["unmet"] = round3(s.unmet);
        supply["unmet_person_days"] = round3(s.unmet_person_days);
        supply["stock_at_end"] = round3(s.stock_end);
        supply["stock_out_h"] = round3(to_hours(s.out));
        supply["first_stock_out"] = time_entry(theatre, s.first_out);
        supplies.push_back(supply);
    }
    aid["supplies"] = supplies;
    Json fleets = Json::array();
    for (std::size_t i = 0; i < r.fleets.size(); ++i) {
        const FleetOutcome& f = r.fleets[i];
        Json fleet;
        fleet["name"] = f.name;
        fleet["trucks"] = f.trucks;
        fleet["trips"] = f.trips;
        fleet["tonnes_delivered"] = round3(f.tonnes);
        fleet["vehicle_km"] = round3(f.vehicle_km);
        fleet["mean_lead_time_h"] = f.trips > 0 ? Json(round3(f.lead_time_h_sum / f.trips)) : Json(nullptr);
        fleet["utilisation"] = f.truck_h > 0 ? Json(round3(f.busy_h / f.truck_h)) : Json(nullptr);
        fleet["breakdowns"] = f.breakdowns;
        fleet["availability"] = f.truck_h > 0 ? Json(round3(1.0 - f.down_h / f.truck_h)) : Json(nullptr);
        if (!theatre.aid.fleets[i].escorts.empty()) fleet["escort_wait_h"] = round3(f.escort_wait_h);
        if (r.fuel.modelled) {
            fleet["fuel_l"] = round3(f.fuel_l);
            fleet["fuel_taken_l"] = round3(f.fuel_taken_l);
            fleet["ran_dry"] = f.ran_dry;
        }
        if (f.recovery_modelled) {
            fleet["recovered"] = f.recovered;
            fleet["written_off"] = f.written_off;
        }
        fleets.push_back(fleet);
    }
    aid["fleets"] = fleets;
    Json depots = Json::array();
    for (const DepotOutcome& d : r.depots) {
        Json depot;
        depot["name"] = d.name;
        depot["loadings"] = d.loadings;
        depot["mean_bay_wait_min"] = d.loadings > 0 ? Json(round3(d.mean_bay_wait_s / 60)) : Json(nullptr);
        depot["max_bay_wait_min"] = d.loadings > 0 ? Json(round3(d.max_bay_wait_s / 60)) : Json(nullptr);
        depot["max_bay_queue"] = static_cast<std::int64_t>(d.max_bay_queue);  // a count of trucks
        depots.push_back(depot);
    }
    aid["depots"] = depots;
    Json returns = Json::array();
    for (std::size_t i = 0; i < r.returns.size(); ++i) {
        const ReturnOutcome& o = r.returns[i];
        Json flow;
        flow["name"] = o.name;
        flow["people"] = o.people;
        flow["returned"] = o.returned;
        flow["bus_convoys"] = o.convoys;
        flow["departures_held"] = o.held;
        flow["vehicle_km"] = round3(o.vehicle_km);
        if (!theatre.aid.returns[i].escorts.empty()) flow["escort_wait_h"] = round3(o.escort_wait_h);
        if (theatre.vehicle_types[theatre.aid.returns[i].bus_type].mdbf_m > 0) flow["breakdowns"] = o.breakdowns;
        flow["first_arrival"] = time_entry(theatre, o.first_arrival);
        flow["half_returned"] = time_entry(theatre, o.half);
        flow["ninety_percent_returned"] = time_entry(theatre, o.ninety);
        flow["all_returned"] = time_entry(theatre, o.all);
        returns.push_back(flow);
    }
    aid["returns"] = returns;
    return aid;
}

}  // namespace

std::string kpis_json(const Theatre& theatre, const DeploymentResult& r) {
    Json out;
    out["closure_time"] = time_entry(theatre, r.closure_time);
    out["posts_established_50"] = time_entry(theatre, r.posts_50);
    out["posts_established_90"] = time_entry(theatre, r.posts_90);
    out["posts_established_100"] = time_entry(theatre, r.posts_100);
    int established = 0;
    for (const PostOutcome& p : r.posts) established += p.established != kNever;
    out["posts"] = r.posts.size();
    out["posts_established"] = established;
    out["sorties"] = r.sorties;
    out["tonnes_lifted"] = round3(r.tonnes_lifted);
    out["personnel_lifted"] = r.personnel_lifted;
    out["aid_tonnes_lifted"] = round3(r.aid_tonnes_lifted);
    out["aid_air_wait_h"] = r.aid_tonnes_lifted > 0 ? Json(round3(r.aid_air_wait_t_h / r.aid_tonnes_lifted)) : Json();
    out["largest_apron_queue"] = r.largest_apron_queue;
    out["convoy_vehicle_km"] = round3(r.convoy_vehicle_km);
    out["convoy_vehicle_hours"] = round3(r.convoy_vehicle_hours);
    Json units = Json::array();
    for (const UnitOutcome& u : r.units) {
        Json unit;
        unit["name"] = u.name;
        unit["arrival"] = time_entry(theatre, u.arrived);
        units.push_back(unit);
    }
    out["unit_arrivals"] = units;
    Json checkpoints = Json::array();
    for (const CheckpointOutcome& c : r.checkpoints) {
        Json cp;
        cp["name"] = c.name;
        cp["vehicles"] = c.vehicles;
        cp["mean_wait_s"] = round3(c.mean_wait_s);
        cp["max_wait_s"] = round3(c.max_wait_s);
        cp["max_queue"] = c.max_queue;
        cp["force_vehicles"] = c.force_vehicles;
        cp["force_mean_wait_s"] = round3(c.force_mean_wait_s);
        cp["force_max_wait_s"] = round3(c.force_max_wait_s);
        cp["traffic_vehicles"] = c.traffic_vehicles;
        cp["traffic_mean_wait_s"] = round3(c.traffic_mean_wait_s);
        if (!theatre.aid.empty() || !theatre.repair_teams.empty()) {
            cp["aid_vehicles"] = c.aid_vehicles;
            cp["aid_mean_wait_s"] = round3(c.aid_mean_wait_s);
        }
        checkpoints.push_back(cp);
    }
    out["checkpoints"] = checkpoints;
    Json airfields = Json::array();
    for (const AirfieldOutcome& a : r.airfields) {
        Json field;
        field["name"] = a.name;
        field["landings"] = a.landings;
        field["largest_apron_queue"] = a.max_queue;
        field["mean_apron_wait_s"] = round3(a.mean_wait_s);
        airfields.push_back(field);
    }
    out["airfields"] = airfields;
    if (!theatre.aid.empty()) out["aid"] = aid_json(theatre, r);
    if (r.fuel.modelled) {
        Json fuel;
        fuel["fuel_used_l"] = round3(r.fuel.total_l());
        fuel["force_l"] = round3(r.fuel.force_l);
        fuel["aid_trucks_l"] = round3(r.fuel.trucks_l);
        fuel["return_buses_l"] = round3(r.fuel.buses_l);
        fuel["repair_teams_l"] = round3(r.fuel.teams_l);
        fuel["vehicles_ran_dry"] = r.fuel.vehicles_ran_dry;
        out["fuel"] = fuel;
    }
    if (!theatre.random_closures.empty()) out["random_closures"] = r.random_closures;
    if (!theatre.incidents.empty()) out["incidents"] = r.incidents;
    if (!r.repairs.empty() || !r.services.empty()) {
        Json repairs = Json::array();
        for (const RepairOutcome& o : r.repairs) {
            Json repair;
            repair["road"] = theatre.disruptions[o.disruption].road;
            repair["disruption"] = "disruption-" + std::to_string(o.disruption + 1);
            repair["repaired"] = time_entry(theatre, o.repaired);
            repairs.push_back(repair);
        }
        // Towns' services damaged at the start (restored by a team, at their `until`, or not at all).
        for (const ServiceOutcome& o : r.services) {
            const Town& town = theatre.aid.towns[o.town];
            Json service;
            service["town"] = town.name;
            service["service"] = town.services[o.service].name;
            service["restored"] = time_entry(theatre, o.restored);
            repairs.push_back(service);
        }
        out["repairs"] = repairs;
    }
    out["events"] = r.events;
    return json_text(out);
}

std::string timeline_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out = "time_s,calendar,entity,event,place\n";
    for (const TimelineRow& row : r.timeline)
        out += fixed(to_seconds(row.at), 3) + "," + calendar(theatre, row.at) + "," + csv_field(row.entity) +
               "," + csv_field(std::string(row.event)) + "," + csv_field(row.place) + "\n";
    return out;
}

std::string units_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out =
        "unit,personnel,vehicles,mode,ready_s,activated_s,departed_s,arrived_s,arrived_calendar,convoys,"
        "vehicle_km,vehicle_hours\n";
    for (std::size_t u = 0; u < r.units.size(); ++u) {
        const UnitOutcome& o = r.units[u];
        const Unit& unit = theatre.units[u];
        out += csv_field(o.name) + "," + std::to_string(unit.personnel) + "," +
               std::to_string(unit.vehicle_count()) + "," + (unit.mode == MoveMode::air ? "air" : "road") +
               "," + time_cell(o.ready) + "," + time_cell(o.activated) + "," + time_cell(o.departed) + "," +
               time_cell(o.arrived) + "," + calendar(theatre, o.arrived) + "," + std::to_string(o.convoys) +
               "," + fixed(o.vehicle_km, 3) + "," + fixed(o.vehicle_hours, 3) + "\n";
    }
    return out;
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string posts_summary(const Theatre& theatre) {
    std::size_t assignments = 0;
    for (const Unit& unit : theatre.units) assignments += unit.posts.size();
    return count_of(theatre.units.size(), "unit", "units") + ", " +
           count_of(theatre.posts.size(), "post", "posts") + ", " +
           count_of(assignments, "unit-post assignment", "unit-post assignments");
}

std::string posts_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out =
        "unit,post,node,lat,lon,first_arrival_s,first_arrival_calendar,established_s,established_calendar,"
        "status\n";
    auto degrees = [](double x) { return std::isfinite(x) ? fixed(x, 6) : std::string(); };
    for (const PostOutcome& p : r.posts) {
        std::optional<NodeIndex> node = theatre.network().find_node(p.node);
        double lat = node ? theatre.network().node(*node).lat : NAN;
        double lon = node ? theatre.network().node(*node).lon : NAN;
        std::string status = p.established != kNever ? "established" : "not reached: " + p.not_reached;
        out += csv_field(p.unit) + "," + csv_field(p.name) + "," + csv_field(p.node) + "," + degrees(lat) +
               "," + degrees(lon) + "," + time_cell(p.first_arrival) + "," +
               calendar(theatre, p.first_arrival) + "," + time_cell(p.established) + "," +
               calendar(theatre, p.established) + "," + csv_field(status) + "\n";
    }
    return out;
}

std::string convoys_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out =
        "convoy,unit,vehicles,origin,destination,formed_s,departed_s,arrived_s,arrived_calendar,route_km,"
        "halted_s,gate_wait_s,checkpoint_wait_s,no_route_wait_s\n";
    for (const ConvoyOutcome& c : r.convoys)
        out += csv_field(c.name) + "," + csv_field(c.unit) + "," + std::to_string(c.vehicles) + "," +
               csv_field(c.origin) + "," + csv_field(c.destination) + "," + time_cell(c.formed) + "," +
               time_cell(c.departed) + "," + time_cell(c.arrived) + "," + calendar(theatre, c.arrived) + "," +
               // (empty: never routed, every road to its post closed)
               (c.departed == kNever && c.route_m == 0 ? std::string() : fixed(c.route_m / 1000.0, 3)) + "," + time_cell(c.halted) + "," + time_cell(c.gate_wait) + "," +
               time_cell(c.checkpoint_wait) + "," + time_cell(c.no_route_wait) + "\n";
    return out;
}

std::string roads_csv(const Theatre& theatre, const DeploymentResult& r) {
    const RoadNetwork& net = theatre.network();
    std::string out = "from,to,name,class,length_km,vehicles,vehicle_km,closed_s,largest_gate_queue\n";
    for (ArcIndex a = 0; a < net.arc_count(); ++a) {
        const RoadOutcome& road = r.roads[a];
        out += csv_field(net.node(net.arc_from(a)).id) + "," + csv_field(net.node(net.arc_to(a)).id) + "," +
               csv_field(net.road_name(a)) + "," + std::string(to_string(net.road_class(a))) + "," +
               fixed(net.length_m(a) / 1000.0, 3) + "," + std::to_string(road.vehicles) + "," +
               fixed(road.vehicle_km, 3) + "," + time_cell(road.closed) + "," +
               std::to_string(road.largest_gate_queue) + "\n";
    }
    return out;
}

std::string airlift_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out = "day,date,sorties,tonnes,people,vehicles,aid_tonnes\n";
    for (std::size_t d = 0; d < r.airlift_days.size(); ++d) {
        const AirliftDay& day = r.airlift_days[d];
        Time start = static_cast<Time>(d) * kDay;
        out += std::to_string(d) + "," + calendar(theatre, start).substr(0, 10) + "," +
               std::to_string(day.sorties) + "," + fixed(day.tonnes, 3) + "," + std::to_string(day.people) +
               "," + std::to_string(day.vehicles) + "," + fixed(day.aid_tonnes, 3) + "\n";
    }
    return out;
}

std::string towns_csv(const Theatre& theatre, const DeploymentResult& r) {
    std::string out = "day,date,town,commodity,unit,population,need,delivered,unmet,stock\n";
    for (const TownDay& d : r.town_days) {
        const Commodity& c = theatre.aid.commodities[d.commodity];
        out += std::to_string(d.day) + "," + calendar(theatre, static_cast<Time>(d.day) * kDay).substr(0, 10) + "," +
               csv_field(theatre.aid.towns[d.town].name) + "," + csv_field(c.name) + "," + csv_field(c.unit) + "," +
               fixed(d.population, 0) + "," + fixed(d.need, 3) + "," + fixed(d.delivered, 3) + "," +
               fixed(d.unmet, 3) + "," + fixed(d.stock, 3) + "\n";
    }
    return out;
}

std::string kpi_table(const Theatre& theatre, const DeploymentResult& r) {
    std::string out;
    auto line = [&](const std::string& label, const std::string& value) {
        char buffer[256];
        std::snprintf(buffer, sizeof buffer, "  %-34s %s\n", label.c_str(), value.c_str());
        out += buffer;
    };
    auto when = [&](Time t) {
        return t == kNever ? std::string("not reached") : hours_text(t) + "  (" + calendar(theatre, t) + ")";
    };
    out += theatre.name + ": " + posts_summary(theatre) +
           "\n";
    if (!theatre.units.empty()) {  // (an aid-only theatre has no posts to establish)
        line("closure (last unit on its post)", when(r.closure_time));
        line("50% of posts established", when(r.posts_50));
        line("90% of posts established", when(r.posts_90));
        line("100% of posts established", when(r.posts_100));
    }
    line("sorties flown", std::to_string(r.sorties));
    line("tonnes lifted", fixed(r.tonnes_lifted, 1) + " t");
    if (r.aid_tonnes_lifted > 0)
        line("  of which aid", fixed(r.aid_tonnes_lifted, 1) + " t, waiting " +
                                   fixed(r.aid_air_wait_t_h / r.aid_tonnes_lifted, 1) + " h a tonne for a sortie");
    line("largest apron queue", fixed(r.largest_apron_queue, 0) + " aircraft");
    for (const CheckpointOutcome& c : r.checkpoints) {
        line("checkpoint " + c.name + " wait", "mean " + fixed(c.mean_wait_s / 60, 1) + " min, max " +
                                                   fixed(c.max_wait_s / 60, 1) + " min (" +
                                                   std::to_string(c.vehicles) + " vehicles)");
        if (c.force_vehicles > 0)
            line("  of which the force's vehicles", "mean " + fixed(c.force_mean_wait_s / 60, 1) +
                                                        " min, max " + fixed(c.force_max_wait_s / 60, 1) +
                                                        " min (" + std::to_string(c.force_vehicles) +
                                                        " vehicles)");
        if (c.aid_vehicles > 0)
            line("  of which humanitarian", "mean " + fixed(c.aid_mean_wait_s / 60, 1) + " min (" +
                                            std::to_string(c.aid_vehicles) + " vehicles)");
    }
    line("convoy vehicle-km", fixed(r.convoy_vehicle_km, 0));
    line("convoy vehicle-hours", fixed(r.convoy_vehicle_hours, 0));
    if (!theatre.aid.empty()) {
        std::vector<Kpi> kpis = kpi_record(r);
        auto value = [&](std::string_view name, int decimals, const std::string& unit) {
            const Kpi* kpi = find_kpi(kpis, name);
            return kpi && kpi->value ? fixed(*kpi->value, decimals) + unit : std::string("none");
        };
        line("aid delivered", value("aid_tonnes_delivered", 1, " t") + " in " + value("aid_trips", 0, " trips"));
        const Kpi* fill = find_kpi(kpis, "aid_fill_rate");
        line("need met (by mass)", fill && fill->value ? fixed(*fill->value * 100, 1) + "%" : std::string("no need"));
        line("unmet need", value("unmet_person_days", 0, " person-days"));
        line("stock-outs", value("stock_out_days", 1, " town-commodity days"));
        if (!r.returns.empty()) {
            line("people returned", value("people_returned", 0, ""));
            line("50% / 90% returned", value("returned_50_h", 1, " h") + " / " + value("returned_90_h", 1, " h"));
        }
        const Kpi* use = find_kpi(kpis, "fleet_utilisation");
        line("fleet utilisation", use && use->value ? fixed(*use->value * 100, 1) + "%" : std::string("no fleet"));
    }
    if (r.fuel.modelled) {
        line("fuel used", fixed(r.fuel.total_l(), 0) + " L (force " + fixed(r.fuel.force_l, 0) +
                              ", aid trucks " + fixed(r.fuel.trucks_l, 0) + ", buses " +
                              fixed(r.fuel.buses_l, 0) + ", teams " + fixed(r.fuel.teams_l, 0) + ")");
        line("vehicles ran dry", std::to_string(r.fuel.vehicles_ran_dry));
    }
    return out;
}

}  // namespace corridor
