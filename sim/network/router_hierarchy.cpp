// The Router's use of a contraction hierarchy. The hierarchy holds the bare network's free-flow
// costs; the overlay (closures, damage) and the vehicle (weight limits) can only make arcs dearer
// or unusable. So a hierarchy path none of whose arcs is affected costs under the query exactly
// what it costs on the bare network, which is the least any path can cost there, hence no more than
// any path costs under the query: it is a cheapest route for the query too. Any other answer
// is thrown away and the query searched without the hierarchy (docs/network.md).

#include <stdexcept>

#include "corridor/network/hierarchy.hpp"
#include "corridor/network/router.hpp"

namespace corridor {

void Router::prepare_hierarchy(Metric metric) {
    use_hierarchy(ContractionHierarchy::build(network_, metric));
}

void Router::use_hierarchy(ContractionHierarchy hierarchy) {
    use_hierarchy(std::make_shared<const ContractionHierarchy>(std::move(hierarchy)));
}

void Router::use_hierarchy(std::shared_ptr<const ContractionHierarchy> hierarchy) {
    if (!hierarchy) throw std::invalid_argument("no contraction hierarchy given");
    if (hierarchy->node_count() != network_.node_count() || hierarchy->arc_count() != network_.arc_count())
        throw std::invalid_argument("the contraction hierarchy was built for another network");
    int slot = static_cast<int>(hierarchy->metric());
    hierarchies_[slot] = std::move(hierarchy);
    cache_.clear();
}

const ContractionHierarchy* Router::hierarchy(Metric metric) const {
    return hierarchies_[static_cast<int>(metric)].get();
}

Algorithm Router::search_without_hierarchy(Metric metric) const {
    if (landmarks_[static_cast<int>(metric)].count > 0) return Algorithm::landmarks;
    return network_.has_coordinates() ? Algorithm::astar : Algorithm::bidirectional;
}

bool Router::hierarchy_answer_valid(const RouteQuery& query, const std::vector<ArcIndex>& arcs) const {
    // A vehicle of no size passes every limit (limits are positive): only the overlay can refuse.
    const bool sized = !(query.vehicle == VehicleLimits{});
    if (!sized && !overlay_) return true;
    for (ArcIndex a : arcs) {
        // Turns are checked by route() after any node-based answer, this one included.
        if (sized && !vehicle_may_use(network_, a, query.vehicle)) return false;
        if (!overlay_) continue;
        if (overlay_->closed(a)) return false;
        // Damage slows a road but leaves its length: only a time query pays for it.
        if (query.metric == Metric::time && overlay_->speed_factor(a) != 1.0) return false;
    }
    return true;
}

Route Router::hierarchy_route(const RouteQuery& query) {
    const ContractionHierarchy* ch = hierarchy(query.metric);
    if (!ch) return route(query, search_without_hierarchy(query.metric));
    std::size_t settled = 0;
    std::optional<std::vector<ArcIndex>> arcs = ch->path(query.from, query.to, &settled);
    // Unreachable on the bare network is unreachable under any overlay and for any vehicle.
    if (!arcs) return finish(query, {}, settled);
    if (hierarchy_answer_valid(query, *arcs)) return finish(query, std::move(*arcs), settled);
    ++hierarchy_fallbacks_;
    Route route = this->route(query, search_without_hierarchy(query.metric));
    route.settled += settled;
    return route;
}

}  // namespace corridor
