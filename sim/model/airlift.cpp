// The airlift (docs/model.md, "Airlift"). Each aircraft of a fleet flies sorties between its two
// airfields until nothing is left to carry. A sortie: an apron slot at the origin (ground service
// starts only in the airfield's operating hours), loading for the turnaround time, the block time
// in the air, an apron slot at the arrival airfield (the queue a crowded apron makes), unloading
// for the turnaround time, and the block time back. The load plan takes, in order of priority,
// each unit's whole vehicles while the payload and the aircraft's vehicle limit allow, then its
// people while seats and payload allow (each weighs its unit's `person_weight`), and aid cargo
// for depots at the arrival airfield by mass, oldest lot first (docs/model.md, "Aid on the
// airlift"); at equal priority the force's cargo goes first.

#include <algorithm>
#include <cmath>
#include <tuple>

#include "world.hpp"

namespace corridor::model {
namespace {

constexpr double kLeastAidKg = 1;  // a smaller part of a lot is not worth a place in the hold

void begin_sortie(World& w, Aircraft& a);

bool carries(const World& w, const AirliftFleet& fleet, const AirConsignment& c) {
    const Theatre& t = w.theatre;
    const Depot& depot = t.aid.depots[c.depot];
    return depot.inbound[c.line].by_air == fleet.from && t.airfields[fleet.to].node == depot.node;
}

// Lots of a consignment whose time has come join those waiting at the airfield.
void release_lots(World& w, AirConsignment& c) {
    const Inbound& in = w.theatre.aid.depots[c.depot].inbound[c.line];
    while (c.next_ready <= w.sim.now()) {
        c.waiting.emplace_back(c.next_ready, in.amount);
        Time next = c.next_ready + in.every;
        bool more = in.every > 0 && next <= in.until && next < w.theatre.duration;
        c.next_ready = more ? next : AirConsignment::kNoMore;
    }
}

bool unit_waits(const World& w, std::size_t unit) {
    const AirCargo& cargo = w.airlift.cargo[unit];
    return cargo.personnel_left > 0 ||
           std::any_of(cargo.vehicles_left.begin(), cargo.vehicles_left.end(), [](int n) { return n > 0; });
}

bool flies_with(const AirliftFleet& fleet, const Unit& unit) {
    return unit.mode == MoveMode::air && unit.origin_airfield == fleet.from &&
           unit.arrival_airfield == fleet.to;
}

// A unit's vehicles, then its people, as far as the hold allows.
void load_unit(World& w, Aircraft& a, std::size_t u, double& payload_left, int& seats_left,
               int& vehicles_left) {
    const Theatre& t = w.theatre;
    AirCargo& cargo = w.airlift.cargo[u];
    for (std::size_t v = 0; v < cargo.vehicles_left.size(); ++v) {
        double weight = t.vehicle_types[v].weight_t;
        int take = 0;
        while (cargo.vehicles_left[v] > take && vehicles_left > 0 && weight <= payload_left + 1e-9) {
            ++take;
            --vehicles_left;
            payload_left -= weight;
        }
        if (take > 0) {
            cargo.vehicles_left[v] -= take;
            a.cargo.push_back({u, static_cast<int>(v), take});
            a.cargo_t += take * weight;
        }
    }
    double person_t = t.units[u].person_t;
    int people = std::min(
        {cargo.personnel_left, seats_left, static_cast<int>(std::floor(payload_left / person_t + 1e-9))});
    if (people > 0) {
        cargo.personnel_left -= people;
        seats_left -= people;
        payload_left -= people * person_t;
        a.cargo.push_back({u, -1, people});
        a.cargo_t += people * person_t;
    }
}

// A consignment's waiting lots, oldest first, by mass as far as the payload allows.
void load_aid(World& w, Aircraft& a, std::size_t index, double& payload_left) {
    AirConsignment& c = w.airlift.consignments[index];
    const Depot& depot = w.theatre.aid.depots[c.depot];
    double unit_kg = w.theatre.aid.commodities[depot.inbound[c.line].commodity].mass_kg;
    double taken = 0;
    while (!c.waiting.empty()) {
        auto& [ready, units] = c.waiting.front();
        double take = unit_kg > 0 ? std::min(units, payload_left * 1000.0 / unit_kg) : units;
        if (take < units && take * unit_kg < kLeastAidKg) break;
        double tonnes = take * unit_kg / 1000.0;
        w.result.aid_air_wait_t_h += tonnes * to_hours(w.sim.now() - ready);
        payload_left -= tonnes;
        a.cargo_t += tonnes;
        taken += take;
        units -= take;
        if (units > 0) break;
        c.waiting.pop_front();
    }
    if (taken > 0) a.aid_cargo.push_back({index, taken});
}

// Loads what is ready; returns the time the next cargo becomes ready if nothing is, or -1 if
// nothing is left for this fleet at all.
Time plan_load(World& w, Aircraft& a) {
    const Theatre& t = w.theatre;
    const AirliftFleet& fleet = t.airlift[a.fleet];
    const AircraftType& type = t.aircraft_types[fleet.aircraft];
    double payload_left = type.payload_t;
    int seats_left = type.seats, vehicles_left = type.max_vehicles;
    a.cargo.clear();
    a.aid_cargo.clear();
    a.cargo_t = 0;
    Time next_ready = -1;
    auto note_ready = [&](Time at) {
        if (next_ready < 0 || at < next_ready) next_ready = at;
    };
    // What this fleet carries, by priority: (priority, 0 for a unit or 1 for aid, index).
    std::vector<std::tuple<int, int, std::size_t>> order;
    for (std::size_t u = 0; u < t.units.size(); ++u)
        if (flies_with(fleet, t.units[u])) order.emplace_back(t.units[u].priority, 0, u);
    for (std::size_t c = 0; c < w.airlift.consignments.size(); ++c) {
        const AirConsignment& consignment = w.airlift.consignments[c];
        if (carries(w, fleet, consignment))
            order.emplace_back(t.aid.depots[consignment.depot].inbound[consignment.line].priority, 1, c);
    }
    std::sort(order.begin(), order.end());
    for (auto [priority, aid, index] : order) {
        if (aid) {
            AirConsignment& c = w.airlift.consignments[index];
            release_lots(w, c);
            if (!c.waiting.empty())
                load_aid(w, a, index, payload_left);
            else if (c.next_ready != AirConsignment::kNoMore)
                note_ready(c.next_ready);
            continue;
        }
        if (!unit_waits(w, index)) continue;
        if (t.units[index].ready > w.sim.now()) {
            note_ready(t.units[index].ready);
            continue;
        }
        load_unit(w, a, index, payload_left, seats_left, vehicles_left);
    }
    if (!a.cargo.empty() || !a.aid_cargo.empty()) return 0;
    return next_ready;
}

// The apron's queue by day for the run report (AirliftDay::largest_apron_queue): seen as each
// aircraft asks for a slot (the queue only grows then) and as each slot is freed (so that a queue
// carried past midnight counts on the new day too).
void note_apron_queue(World& w, std::size_t field) {
    if (!w.sinks.report) return;
    auto day = static_cast<std::size_t>(w.sim.now() / kDay);
    if (w.result.airlift_days.size() <= day) w.result.airlift_days.resize(day + 1);
    int& largest = w.result.airlift_days[day].largest_apron_queue;
    largest = std::max(largest, static_cast<int>(w.airlift.aprons[field]->queue_length()));
}

void unload(World& w, Aircraft& a) {
    const Theatre& t = w.theatre;
    const AirliftFleet& fleet = t.airlift[a.fleet];
    std::vector<std::size_t> touched;
    auto day = static_cast<std::size_t>(w.sim.now() / kDay);
    if (w.result.airlift_days.size() <= day) w.result.airlift_days.resize(day + 1);
    AirliftDay& today = w.result.airlift_days[day];
    ++today.sorties;
    today.tonnes += a.cargo_t;
    for (const Aircraft::Load& load : a.cargo) {
        (load.type < 0 ? today.people : today.vehicles) += load.count;
        Marshalling& m = w.deployment.units[load.unit];
        if (load.type < 0) {
            m.personnel_available += load.count;
            m.personnel_landed += load.count;
            w.result.personnel_lifted += load.count;
        } else {
            m.available[static_cast<std::size_t>(load.type)] += load.count;
            m.vehicles_landed += load.count;
        }
        if (std::find(touched.begin(), touched.end(), load.unit) == touched.end())
            touched.push_back(load.unit);
    }
    for (const Aircraft::AidLoad& load : a.aid_cargo) {
        const AirConsignment& c = w.airlift.consignments[load.consignment];
        std::size_t commodity = t.aid.depots[c.depot].inbound[c.line].commodity;
        double tonnes = load.units * t.aid.commodities[commodity].mass_kg / 1000.0;
        today.aid_tonnes += tonnes;
        w.result.aid_tonnes_lifted += tonnes;
        cargo_arrived(w, c.depot, commodity, load.units);
    }
    w.result.tonnes_lifted += a.cargo_t;
    ++w.result.sorties;
    w.log(w.sim.now(), a.id, "unloaded", t.airfields[fleet.to].name);
    a.cargo.clear();
    a.aid_cargo.clear();
    for (std::size_t u : touched) marshal(w, u);
}

void fly_back(World& w, Aircraft& a) {
    World* world = &w;
    Aircraft* aircraft = &a;
    w.sim.schedule_after(w.theatre.airlift[a.fleet].block_time,
                         [world, aircraft] { begin_sortie(*world, *aircraft); });
}

void arrive(World& w, Aircraft& a) {
    const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
    World* world = &w;
    Aircraft* aircraft = &a;
    a.asked_for_apron = w.sim.now();
    w.airlift.aprons[fleet.to]->request([world, aircraft](int slot) {
        World& w = *world;
        Aircraft& a = *aircraft;
        const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
        const std::string& field = w.theatre.airfields[fleet.to].name;
        if (w.sim.now() > a.asked_for_apron) {  // it waited for a slot (holding, or delayed)
            w.log(a.asked_for_apron, a.id, "queue entry", field);
            w.log(w.sim.now(), a.id, "queue exit", field);
        }
        w.log(w.sim.now(), a.id, "landed", field);
        ++w.airlift.landings[fleet.to];
        a.apron_slot = slot;
        w.sim.schedule_after(w.theatre.airfields[fleet.to].turnaround, [world, aircraft] {
            World& w = *world;
            Aircraft& a = *aircraft;
            const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
            unload(w, a);
            w.airlift.aprons[fleet.to]->release(a.apron_slot);
            note_apron_queue(w, fleet.to);
            w.log(w.sim.now(), a.id, "took off", w.theatre.airfields[fleet.to].name);
            fly_back(w, a);
        });
    });
    note_apron_queue(w, fleet.to);
}

// Whether cargo for this fleet is ready now; if not, when the next is (-1: never).
Time cargo_ready(World& w, const Aircraft& a) {
    const Theatre& t = w.theatre;
    const AirliftFleet& fleet = t.airlift[a.fleet];
    Time next = -1;
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        const Unit& unit = t.units[u];
        if (!flies_with(fleet, unit) || !unit_waits(w, u)) continue;
        if (unit.ready <= w.sim.now()) return 0;
        if (next < 0 || unit.ready < next) next = unit.ready;
    }
    for (AirConsignment& c : w.airlift.consignments) {
        if (!carries(w, fleet, c)) continue;
        release_lots(w, c);
        if (!c.waiting.empty()) return 0;
        if (c.next_ready != AirConsignment::kNoMore && (next < 0 || c.next_ready < next)) next = c.next_ready;
    }
    return next;
}

void begin_sortie(World& w, Aircraft& a) {
    const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
    World* world = &w;
    Aircraft* aircraft = &a;
    // Only an aircraft with something to carry queues for the apron, so that the apron's queue
    // counts real waiting (docs/model.md).
    Time ready = cargo_ready(w, a);
    if (ready < 0) return;  // nothing left for this fleet: the aircraft stays home
    if (ready > w.sim.now()) {
        w.sim.schedule_at(ready, [world, aircraft] { begin_sortie(*world, *aircraft); });
        return;
    }
    w.airlift.aprons[fleet.from]->request([world, aircraft](int slot) {
        World& w = *world;
        Aircraft& a = *aircraft;
        const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
        Time next = plan_load(w, a);
        if (a.cargo.empty() && a.aid_cargo.empty()) {
            w.airlift.aprons[fleet.from]->release(slot);
            if (next > w.sim.now())
                w.sim.schedule_at(next, [world, aircraft] { begin_sortie(*world, *aircraft); });
            return;  // nothing left for this fleet: the aircraft stays home
        }
        a.apron_slot = slot;
        w.log(w.sim.now(), a.id, "loading", w.theatre.airfields[fleet.from].name);
        w.sim.schedule_after(w.theatre.airfields[fleet.from].turnaround, [world, aircraft] {
            World& w = *world;
            Aircraft& a = *aircraft;
            const AirliftFleet& fleet = w.theatre.airlift[a.fleet];
            w.airlift.aprons[fleet.from]->release(a.apron_slot);
            note_apron_queue(w, fleet.from);
            w.log(w.sim.now(), a.id, "took off", w.theatre.airfields[fleet.from].name);
            w.sim.schedule_after(fleet.block_time, [world, aircraft] { arrive(*world, *aircraft); });
        });
    });
    note_apron_queue(w, fleet.from);
}

// Apron slots follow the operating hours: all slots while open, none while closed; ground
// service under way when the airfield closes finishes (the resource's shift rule).
ServerSchedule apron_schedule(const World& w, const Airfield& field) {
    if (field.opens == 0 && field.closes == kDay) return ServerSchedule::constant(field.apron_slots).value();
    auto open_at = [&](Time tod) {
        return field.opens < field.closes ? (tod >= field.opens && tod < field.closes)
                                          : (tod >= field.opens || tod < field.closes);
    };
    Time day_start = -w.time_of_day(0);  // simulated time of the first midnight at or before the start
    std::vector<StaffingChange> changes;
    bool open = open_at(w.time_of_day(0));
    int initial = open ? field.apron_slots : 0;
    for (Time day = day_start; day <= w.theatre.duration + kDay; day += kDay) {
        for (auto [at, slots] :
             {std::pair{day + field.opens, field.apron_slots}, std::pair{day + field.closes, 0}}) {
            if (at <= 0) continue;  // (changes past the end are kept: a schedule must open sometime)
            changes.push_back({at, slots});
        }
    }
    std::sort(changes.begin(), changes.end(),
              [](const StaffingChange& a, const StaffingChange& b) { return a.at < b.at; });
    return ServerSchedule::shifts(initial, changes).value();
}

}  // namespace

void start_airlift(World& w) {
    const Theatre& t = w.theatre;
    w.airlift.landings.assign(t.airfields.size(), 0);
    for (const Airfield& field : t.airfields)
        w.airlift.aprons.push_back(std::make_unique<Resource>(w.sim, apron_schedule(w, field)));
    w.airlift.cargo.resize(t.units.size());
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        if (t.units[u].mode != MoveMode::air) continue;
        AirCargo& cargo = w.airlift.cargo[u];
        cargo.vehicles_left.assign(t.vehicle_types.size(), 0);
        for (const UnitVehicles& v : t.units[u].vehicles) cargo.vehicles_left[v.type] += v.count;
        cargo.personnel_left = t.units[u].personnel;
    }
    for (std::size_t depot = 0; depot < t.aid.depots.size(); ++depot) {
        const std::vector<Inbound>& inbound = t.aid.depots[depot].inbound;
        for (std::size_t line = 0; line < inbound.size(); ++line)
            if (inbound[line].by_air && inbound[line].at < t.duration)
                w.airlift.consignments.push_back({depot, line, inbound[line].at, {}});
    }
    for (std::size_t f = 0; f < t.airlift.size(); ++f) {
        const AirliftFleet& fleet = t.airlift[f];
        for (int i = 0; i < fleet.count; ++i) {
            auto aircraft = std::make_unique<Aircraft>();
            aircraft->id = t.aircraft_types[fleet.aircraft].name + "-" + std::to_string(f + 1) + "." +
                           std::to_string(i + 1);
            aircraft->fleet = f;
            Aircraft* a = aircraft.get();
            w.airlift.aircraft.push_back(std::move(aircraft));
            World* world = &w;
            w.sim.schedule_at(0, [world, a] { begin_sortie(*world, *a); });
        }
    }
}

}  // namespace corridor::model
