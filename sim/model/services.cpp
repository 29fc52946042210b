// Towns' services (docs/model.md, "Repairs"): water, power, housing and the like. A service damaged
// at the start is down until a repair team has done its work on it (repairs.cpp takes it as a job),
// or until its own `until`, or for the whole run. Returns may wait for services of their town
// (aid/returns.cpp); a service's outage does not change the town's need.

#include "world.hpp"

namespace corridor::model {

void open_services(World& w) {
    const std::vector<Town>& towns = w.theatre.aid.towns;
    w.services.restored_at.assign(towns.size(), {});
    for (std::size_t t = 0; t < towns.size(); ++t) {
        w.services.restored_at[t].assign(towns[t].services.size(), 0);
        for (std::size_t s = 0; s < towns[t].services.size(); ++s) {
            const TownService& service = towns[t].services[s];
            if (!service.damaged) continue;
            w.services.restored_at[t][s] = kNever;
            if (w.sinks.timeline) w.log(0, towns[t].name, "service down", service_label(w, t, s));
            // One a team repairs has no `until`; one no team can repair is down until then.
            if (service.repair_work == 0 && service.until <= w.theatre.duration) {
                World* world = &w;
                w.sim.schedule_at(service.until, [world, t, s] { restore_service(*world, t, s, ""); });
            }
        }
    }
}

void restore_service(World& w, std::size_t town, std::size_t service, std::string_view by) {
    w.services.restored_at[town][service] = w.sim.now();
    if (w.sinks.timeline)
        w.log(w.sim.now(), by.empty() ? std::string_view(w.theatre.aid.towns[town].name) : by,
              "service restored", service_label(w, town, service));
}

std::string service_label(const World& w, std::size_t town, std::size_t service) {
    const Town& t = w.theatre.aid.towns[town];
    return t.name + "/" + t.services[service].name;
}

}  // namespace corridor::model
