// Towns and camps (docs/model.md, "Towns and their need"): each consumes its stock of every
// commodity at population x daily need per person, steadily through the day. Between events the
// stock falls in a straight line, so every figure (stock, need, unmet need, time at zero stock) is
// exact at any instant, not sampled: `advance` brings a town up to now before anything reads or
// changes it, and a "stock out" event marks the moment a stock reaches zero.

#include <cmath>

#include "../world.hpp"

namespace corridor::model {
namespace {

// Units of `commodity` the town consumes per millisecond at its present population.
double rate_per_ms(const World& w, std::size_t town, std::size_t commodity) {
    return daily_need(w, town, commodity) / static_cast<double>(kDay);
}

// A stock has reached zero while it is needed: the timeline says so, and idle trucks look again.
void run_out(World& w, std::size_t town, std::size_t c) {
    TownState& s = w.aid.towns[town];
    s.out[c] = true;
    if (s.first_out[c] == kNever) s.first_out[c] = w.sim.now();
    const Town& t = w.theatre.aid.towns[town];
    if (w.sinks.timeline)
        w.log(w.sim.now(), t.name + "/" + w.theatre.aid.commodities[c].name, "stock out", w.node_id(t.node));
    wake_idle_trucks(w);
}

// Schedules the moment each stock of the town reaches zero at the present rate (and cancels any
// moment planned before, which a delivery or a change of population has moved).
void plan_stock_outs(World& w, std::size_t town) {
    TownState& s = w.aid.towns[town];
    for (std::size_t c = 0; c < s.stock.size(); ++c) {
        w.sim.cancel(s.runs_out[c]);
        s.runs_out[c] = EventId{};
        double rate = rate_per_ms(w, town, c);
        if (rate <= 0) {
            s.out[c] = false;  // nobody needs it now: should the need come back, so may a stock-out
            continue;
        }
        if (s.stock[c] <= 0) {
            if (!s.out[c]) run_out(w, town, c);
            continue;
        }
        s.out[c] = false;
        double ms = std::ceil(s.stock[c] / rate);
        if (ms >= static_cast<double>(w.theatre.duration - w.sim.now())) continue;  // lasts the run
        World* world = &w;
        s.runs_out[c] = w.sim.schedule_after(static_cast<Time>(ms), [world, town, c] {
            advance(*world, town);
            TownState& state = world->aid.towns[town];
            state.runs_out[c] = EventId{};
            state.stock[c] = 0;  // not a rounding speck above it
            run_out(*world, town, c);
        });
    }
}

// The end of a day: one row per town and commodity, and the day's counts start again.
void close_day(World& w, int day) {
    const Humanitarian& aid = w.theatre.aid;
    for (std::size_t town = 0; town < aid.towns.size(); ++town) {
        advance(w, town);
        TownState& s = w.aid.towns[town];
        for (std::size_t c = 0; c < aid.commodities.size(); ++c) {
            if (w.sinks.towns)
                w.result.town_days.push_back(
                    {day, town, c, s.population, s.day_need[c], s.day_delivered[c], s.day_unmet[c], s.stock[c]});
            s.day_need[c] = s.day_delivered[c] = s.day_unmet[c] = 0;
        }
    }
}

// Every day's end, scheduled before anything else of the towns, so that a change at midnight
// (a population list entry, a delivery) falls in the day it begins, not the one it ends.
void schedule_day_ends(World& w) {
    World* world = &w;
    for (int day = 0; static_cast<Time>(day + 1) * kDay < w.theatre.duration; ++day)
        w.sim.schedule_at(static_cast<Time>(day + 1) * kDay, [world, day] { close_day(*world, day); });
}

void schedule_population_change(World& w, std::size_t town) {
    const Town& t = w.theatre.aid.towns[town];
    TownState& s = w.aid.towns[town];
    if (s.next_change >= t.population_changes.size()) return;
    World* world = &w;
    w.sim.schedule_at(t.population_changes[s.next_change].at, [world, town] {
        advance(*world, town);
        TownState& state = world->aid.towns[town];
        // The list gives the population without returns: returnees who came meanwhile stay.
        const Town& t = world->theatre.aid.towns[town];
        double before = state.next_change == 0 ? t.population : t.population_changes[state.next_change - 1].people;
        state.population += t.population_changes[state.next_change].people - before;
        ++state.next_change;
        plan_stock_outs(*world, town);
        wake_idle_trucks(*world);
        schedule_population_change(*world, town);
    });
}

}  // namespace

double daily_need(const World& w, std::size_t town, std::size_t commodity) {
    return w.aid.towns[town].population * w.theatre.aid.towns[town].daily_need[commodity];
}

void advance(World& w, std::size_t town) {
    TownState& s = w.aid.towns[town];
    Time now = w.sim.now();
    Time elapsed = now - s.updated;
    if (elapsed <= 0) return;
    for (std::size_t c = 0; c < s.stock.size(); ++c) {
        double rate = rate_per_ms(w, town, c);
        if (rate <= 0) continue;
        double consumed = rate * static_cast<double>(elapsed);
        s.need[c] += consumed;
        s.day_need[c] += consumed;
        if (s.stock[c] >= consumed) {
            s.stock[c] -= consumed;
            continue;
        }
        // The stock ran out within the interval: the rest of it went unmet.
        double short_by = consumed - s.stock[c];
        s.unmet[c] += short_by;
        s.day_unmet[c] += short_by;
        s.out_time[c] += static_cast<Time>(std::llround(short_by / rate));
        s.stock[c] = 0;
    }
    s.updated = now;
}

void add_people(World& w, std::size_t town, int people) {
    advance(w, town);
    w.aid.towns[town].population += people;
    plan_stock_outs(w, town);
    wake_idle_trucks(w);
}

void receive(World& w, std::size_t town, const std::vector<double>& load) {
    TownState& s = w.aid.towns[town];
    for (std::size_t c = 0; c < load.size(); ++c) {
        if (load[c] <= 0) continue;
        s.stock[c] += load[c];
        s.on_the_way[c] = std::max(0.0, s.on_the_way[c] - load[c]);
        s.delivered[c] += load[c];
        s.day_delivered[c] += load[c];
    }
    plan_stock_outs(w, town);
}

void open_towns(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    std::size_t commodities = aid.commodities.size();
    w.aid.towns.resize(aid.towns.size());
    if (!aid.towns.empty()) schedule_day_ends(w);  // the last day closes with the run (close_towns)
    for (std::size_t town = 0; town < aid.towns.size(); ++town) {
        TownState& s = w.aid.towns[town];
        s.population = aid.towns[town].population;
        s.stock = aid.towns[town].stock;
        s.stock.resize(commodities, 0.0);
        for (std::vector<double>* v : {&s.on_the_way, &s.day_need, &s.day_delivered, &s.day_unmet, &s.need,
                                       &s.delivered, &s.unmet})
            v->assign(commodities, 0.0);
        s.runs_out.assign(commodities, EventId{});
        s.out.assign(commodities, false);
        s.out_time.assign(commodities, 0);
        s.first_out.assign(commodities, kNever);
        plan_stock_outs(w, town);
        schedule_population_change(w, town);
    }
}

void close_towns(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    if (aid.towns.empty()) return;
    close_day(w, static_cast<int>((w.theatre.duration - 1) / kDay));
    for (std::size_t town = 0; town < aid.towns.size(); ++town) {
        const TownState& s = w.aid.towns[town];
        for (std::size_t c = 0; c < aid.commodities.size(); ++c) {
            SupplyOutcome o;
            o.town = town;
            o.commodity = c;
            o.need = s.need[c];
            o.delivered = s.delivered[c];
            o.unmet = s.unmet[c];
            o.stock_end = s.stock[c];
            o.out = s.out_time[c];
            o.first_out = s.first_out[c];
            o.mass_kg = aid.commodities[c].mass_kg;
            double per_person = aid.towns[town].daily_need[c];
            o.unmet_person_days = per_person > 0 ? s.unmet[c] / per_person : 0.0;
            w.result.supplies.push_back(o);
        }
    }
}

}  // namespace corridor::model
