#pragma once
// A sweep's points: what each one changes in the base scenario (docs/user-guide.md, "Sweeps").
// The points follow from the sweep file and the seed alone, so that every shard, rank and resumed
// run of a sweep sees the same list.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/model/theatre.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/sweep/sweep_spec.hpp"

namespace corridor {

/// A road closed for a whole run (the design each_road_closed).
struct ClosedRoad {
    std::string name;  // "FROM-TO" by node id
    std::vector<ArcIndex> arcs;  // both directions
};

struct SweepPlan {
    std::vector<std::string> columns;              // the parameters' paths, or "closed_road"
    std::vector<std::vector<std::string>> values;  // per point, one text per column
    std::vector<std::optional<ClosedRoad>> closed;  // per point, each_road_closed only
    std::size_t size() const { return values.size(); }
};

/// Every point of the sweep, in order. `base` is the base scenario as loaded (each_road_closed
/// lists its roads).
Result<SweepPlan> plan_sweep(const SweepSpec& spec, std::uint64_t seed, const Theatre& base);

/// The overrides that make point `point` of `plan` from the base scenario; `applied` names them in
/// messages ("point 3: ...").
std::vector<Override> point_overrides(const SweepSpec& spec, const SweepPlan& plan, std::size_t point);

/// Closes the point's road in `theatre` for the whole run, when the point closes one.
void close_point_road(const SweepPlan& plan, std::size_t point, Theatre& theatre);

}  // namespace corridor
