// Checkpoints (docs/model.md, "Checkpoints"): a node where every vehicle, of a convoy or of the
// other traffic crossing, is inspected in one of a few lanes. The lanes are the engine's
// first-in-first-out multi-server resource, staffed by the checkpoint's shifts; a convoy goes on
// when its last vehicle is cleared. Other traffic arrives at random (Poisson) at the given rate.

#include <algorithm>
#include <cmath>

#include "corridor/engine/distributions.hpp"
#include "world.hpp"

namespace corridor::model {
namespace {

// An inspection time: the force and the other traffic draw from the checkpoint's stream, aid
// vehicles from one of their own, so that adding a fleet or a flow of returns leaves the force's
// draws as they were (common random numbers, docs/architecture.md).
Time draw_service(World& w, int index, bool aid) {
    auto i = static_cast<std::size_t>(index);
    RandomStream& stream = aid ? *w.checkpoints.aid_service[i] : *w.checkpoints.service[i];
    return draw_duration(stream, w.theatre.checkpoints[i].service);
}

// Inspects one vehicle on `lane`, then frees the lane.
void inspect(World& w, int index, CheckpointBatch* batch, int lane) {
    if (batch) {
        double waited_s = to_seconds(w.sim.now() - batch->since);
        auto i = static_cast<std::size_t>(index);
        (batch->aid ? w.checkpoints.aid_waits[i] : w.checkpoints.force_waits[i]).add(waited_s);
    }
    World* world = &w;
    w.sim.schedule_after(draw_service(w, index, batch && batch->aid), [world, index, batch, lane] {
        world->checkpoints.lanes[static_cast<std::size_t>(index)]->release(lane);
        if (batch && --batch->remaining == 0) {
            SmallFunction<void()> done = batch->done;
            world->checkpoints.free_batches.push_back(batch);
            done();
        }
    });
}

void serve_one(World& w, int index, CheckpointBatch* batch) {
    Resource& lanes = *w.checkpoints.lanes[static_cast<std::size_t>(index)];
    World* world = &w;
    lanes.request([world, index, batch](int lane) { inspect(*world, index, batch, lane); });
}

void traffic_arrives(World& w, int index, TrafficArrivals* arrivals) {
    w.checkpoints.lanes[static_cast<std::size_t>(index)]->request_anonymous(*arrivals);
    Time next = arrivals->next();
    if (next <= w.theatre.duration) {
        World* world = &w;
        w.sim.schedule_at(next, [world, index, arrivals] { traffic_arrives(*world, index, arrivals); });
    }
}

}  // namespace

Time draw_duration(RandomStream& stream, const ServiceTime& s) {
    const auto& p = s.seconds;
    double seconds = 0;
    switch (s.kind) {
        case ServiceKind::fixed:
            seconds = p[0];
            break;
        case ServiceKind::exponential:
            seconds = draw_exponential(stream, p[0]);
            break;
        case ServiceKind::triangular:
            seconds = draw_triangular(stream, p[0], p[1], p[2]);
            break;
        case ServiceKind::uniform:
            seconds = draw_uniform(stream, p[0], p[1]);
            break;
        case ServiceKind::lognormal: {
            // From the mean m and standard deviation s of the time itself:
            // sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2 / 2.
            double variance = std::log(1.0 + (p[1] * p[1]) / (p[0] * p[0]));
            seconds = draw_lognormal(stream, std::log(p[0]) - variance / 2, std::sqrt(variance));
            break;
        }
    }
    return from_seconds(seconds);
}

Time TrafficArrivals::next() {
    last_ += from_seconds(draw_exponential(stream_, mean_gap_s_));
    return last_;
}

void open_checkpoints(World& w) {
    const Theatre& t = w.theatre;
    w.checkpoints.of_node.assign(t.network().node_count(), -1);
    w.checkpoints.force_waits.assign(t.checkpoints.size(), Tally{});
    w.checkpoints.aid_waits.assign(t.checkpoints.size(), Tally{});
    for (std::size_t i = 0; i < t.checkpoints.size(); ++i) {
        const Checkpoint& cp = t.checkpoints[i];
        w.checkpoints.of_node[cp.node] = static_cast<int>(i);
        w.checkpoints.lanes.push_back(
            std::make_unique<Resource>(w.sim, ServerSchedule::shifts(cp.lanes, cp.staffing).value()));
        w.checkpoints.service.push_back(std::make_unique<RandomStream>(
            StreamKey{w.seed, w.replication, purpose_id("checkpoint-service"), entity_id(cp.name)}));
        w.checkpoints.aid_service.push_back(std::make_unique<RandomStream>(
            StreamKey{w.seed, w.replication, purpose_id("checkpoint-service-aid"), entity_id(cp.name)}));
        if (cp.traffic_per_h > 0) {
            World* world = &w;
            int index = static_cast<int>(i);
            w.checkpoints.lanes.back()->set_anonymous_grant(
                [world, index](int lane) { inspect(*world, index, nullptr, lane); });
            auto arrivals = std::make_unique<TrafficArrivals>(
                RandomStream(
                    StreamKey{w.seed, w.replication, purpose_id("checkpoint-traffic"), entity_id(cp.name)}),
                3600.0 / cp.traffic_per_h, w.sim.now());
            TrafficArrivals* a = arrivals.get();
            w.checkpoints.traffic.push_back(std::move(arrivals));
            w.sim.schedule_at(a->next(), [world, index, a] { traffic_arrives(*world, index, a); });
        }
    }
}

int checkpoint_at(const World& w, NodeIndex node) { return w.checkpoints.of_node[node]; }

void pass_checkpoint(World& w, int index, int vehicles, bool aid, SmallFunction<void()> done) {
    // A batch is reused once its last vehicle is through, so memory stays flat over a long run.
    Checkpoints& checkpoints = w.checkpoints;
    if (checkpoints.free_batches.empty()) {
        checkpoints.batches.push_back(std::make_unique<CheckpointBatch>());
        checkpoints.free_batches.push_back(checkpoints.batches.back().get());
    }
    CheckpointBatch* batch = checkpoints.free_batches.back();
    checkpoints.free_batches.pop_back();
    *batch = CheckpointBatch{vehicles, done, w.sim.now(), aid};
    for (int v = 0; v < vehicles; ++v) serve_one(w, index, batch);
}

}  // namespace corridor::model

namespace corridor {

double Checkpoint::traffic_utilisation() const {
    const auto& p = service.seconds;
    double mean_s = 0;
    switch (service.kind) {
        case ServiceKind::fixed:
        case ServiceKind::exponential:
        case ServiceKind::lognormal:
            mean_s = p[0];
            break;
        case ServiceKind::triangular:
            mean_s = (p[0] + p[1] + p[2]) / 3;
            break;
        case ServiceKind::uniform:
            mean_s = (p[0] + p[1]) / 2;
            break;
    }
    int most_lanes = lanes;
    for (const StaffingChange& change : staffing) most_lanes = std::max(most_lanes, change.servers);
    return most_lanes == 0 ? 0 : traffic_per_h * mean_s / 3600.0 / most_lanes;
}

}  // namespace corridor
