// A sweep's points: see include/corridor/sweep/plan.hpp.

#include "corridor/sweep/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "corridor/engine/format.hpp"
#include "corridor/sweep/design.hpp"

namespace corridor {
namespace {

// The most points a sweep plans: a grid's product can grow past any study's size.
constexpr std::size_t kMostPoints = 1'000'000;

// A drawn number as the scenario reads it: whole, or six decimals (three for a duration) with
// trailing zeros dropped, then its unit.
std::string number_text(double x, const Range& range) {
    std::string text;
    if (range.whole) {
        text = std::to_string(static_cast<long long>(x));
    } else {
        // A duration is a whole number of milliseconds: three decimals of any of its units are.
        bool duration = range.unit == "d" || range.unit == "h" || range.unit == "min" || range.unit == "s" ||
                        range.unit == "ms";
        text = format_fixed(x, duration ? (range.unit == "ms" ? 0 : 3) : 6);
        if (text.find('.') != std::string::npos) {
            text.erase(text.find_last_not_of('0') + 1);
            if (text.back() == '.') text.pop_back();
        }
    }
    return text + range.unit;
}

// The value of parameter `p` at `u`, uniform on [0, 1): a number of its range, or one of its
// values, each as likely.
std::string value_at(const Parameter& p, double u) {
    if (!p.range) {
        auto k =
            std::min(static_cast<std::size_t>(u * static_cast<double>(p.values.size())), p.values.size() - 1);
        return p.values[k];
    }
    const Range& r = *p.range;
    if (r.whole) {
        double k = std::floor(r.low + u * (r.high - r.low + 1));
        return number_text(std::min(k, r.high), r);
    }
    return number_text(r.low + u * (r.high - r.low), r);
}

// Every road of the network, or of the chosen classes, once for both its directions, in the
// order of its first arc.
std::vector<ClosedRoad> roads_to_close(const RoadNetwork& net, const std::vector<RoadClass>& classes) {
    std::vector<ClosedRoad> roads;
    std::map<std::pair<NodeIndex, NodeIndex>, std::size_t> seen;
    for (ArcIndex a = 0; a < net.arc_count(); ++a) {
        if (!classes.empty() && std::find(classes.begin(), classes.end(), net.road_class(a)) == classes.end())
            continue;
        NodeIndex u = net.arc_from(a), v = net.arc_to(a);
        auto key = std::minmax(u, v);
        auto [it, inserted] = seen.emplace(key, roads.size());
        if (inserted) roads.push_back({net.node(u).id + "-" + net.node(v).id, {}});
        roads[it->second].arcs.push_back(a);
    }
    return roads;
}

}  // namespace

Result<SweepPlan> plan_sweep(const SweepSpec& spec, std::uint64_t seed, const Theatre& base) {
    SweepPlan plan;
    for (const Parameter& p : spec.parameters) plan.columns.push_back(p.path);
    std::size_t k = spec.parameters.size();
    switch (spec.design) {
        case Design::single:
            plan.values.emplace_back();
            break;
        case Design::grid: {
            std::size_t count = 1;
            for (const Parameter& p : spec.parameters) {
                count *= p.values.size();
                if (count > kMostPoints)
                    return Error{"the grid has more than " + std::to_string(kMostPoints) +
                                 " points: use fewer values, or the design lhs"};
            }
            for (std::size_t i = 0; i < count; ++i) {
                std::vector<std::string> row(k);
                std::size_t rest = i;
                for (std::size_t j = k; j-- > 0;) {  // (the last parameter varies fastest)
                    row[j] = spec.parameters[j].values[rest % spec.parameters[j].values.size()];
                    rest /= spec.parameters[j].values.size();
                }
                plan.values.push_back(std::move(row));
            }
            break;
        }
        case Design::lhs:
        case Design::random:
        case Design::sobol: {
            if (spec.design == Design::sobol && spec.points * (k + 2) > kMostPoints)
                return Error{
                    "the sobol design runs N x (parameters + 2) = " + std::to_string(spec.points * (k + 2)) +
                    " points, more than " + std::to_string(kMostPoints)};
            if (spec.design == Design::sobol && k > kSobolMaxDimensions / 2)
                return Error{"the sobol design takes at most " + std::to_string(kSobolMaxDimensions / 2) +
                             " parameters, not " + std::to_string(k)};
            UnitDesign unit = spec.design == Design::lhs      ? latin_hypercube(spec.points, k, seed)
                              : spec.design == Design::random ? random_design(spec.points, k, seed)
                                                              : saltelli_design(spec.points, k);
            for (const std::vector<double>& u : unit.rows) {
                std::vector<std::string> row(k);
                for (std::size_t j = 0; j < k; ++j) row[j] = value_at(spec.parameters[j], u[j]);
                plan.values.push_back(std::move(row));
            }
            break;
        }
        case Design::each_road_closed: {
            plan.columns = {"closed_road"};
            plan.values.push_back({""});
            plan.closed.emplace_back();
            for (ClosedRoad& road : roads_to_close(base.network(), spec.closed_road_classes)) {
                plan.values.push_back({road.name});
                plan.closed.emplace_back(std::move(road));
            }
            if (plan.size() == 1)
                return Error{"no road of the network is of the classes given in closed_road_classes"};
            break;
        }
    }
    return plan;
}

std::vector<Override> point_overrides(const SweepSpec& spec, const SweepPlan& plan, std::size_t point) {
    std::vector<Override> overrides;
    if (spec.design == Design::each_road_closed) return overrides;
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        const Parameter& p = spec.parameters[j];
        const std::string& value = plan.values[point][j];
        Override o{p.path,
                   value,
                   spec.file,
                   p.at.line,
                   p.at.column,
                   p.range_at.line,
                   p.range_at.column,
                   "point " + std::to_string(point) + ": " + p.path + " = " + value};
        if (!p.range) {
            auto k = std::find(p.values.begin(), p.values.end(), value) - p.values.begin();
            o.value_line = p.value_at[static_cast<std::size_t>(k)].line;
            o.value_column = p.value_at[static_cast<std::size_t>(k)].column;
        }
        overrides.push_back(std::move(o));
    }
    return overrides;
}

void close_point_road(const SweepPlan& plan, std::size_t point, Theatre& theatre) {
    if (point >= plan.closed.size() || !plan.closed[point]) return;
    Disruption d;
    d.road = plan.closed[point]->name;
    d.label = "sweep";
    d.arcs = plan.closed[point]->arcs;
    d.closed = true;
    d.from = 0;
    d.until = theatre.duration + 1;
    theatre.disruptions.push_back(std::move(d));
}

}  // namespace corridor
