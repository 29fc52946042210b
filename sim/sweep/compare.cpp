// Comparing two results folders: see include/corridor/sweep/compare.hpp.

#include "corridor/sweep/compare.hpp"

#include <algorithm>

namespace corridor {
namespace {

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Same points: as many, with the same parameters and values. A run with replications is one
// point with no parameters, so it matches a sweep's single point whatever that point's values.
std::string points_mismatch(const ResultFolder& a, const ResultFolder& b) {
    if (a.points.size() != b.points.size())
        return "the folders have different points (" + std::to_string(a.points.size()) + " and " +
               std::to_string(b.points.size()) +
               "): compare folders of the same design, or rank the points of "
               "one sweep with `corridor compare DIR`";
    if (a.points.size() == 1 && (a.parameters.empty() || b.parameters.empty())) return "";
    if (a.parameters != b.parameters) return "the folders' sweeps vary different parameters";
    for (std::size_t p = 0; p < a.points.size(); ++p)
        if (a.points[p].parameters != b.points[p].parameters)
            return "point " + std::to_string(p) + " has different parameter values in the two folders";
    return "";
}

// One KPI at one point: pairs of runs with the same replication number where both have a value,
// or every value of each side.
Difference compare_kpi(const ResultPoint& a, std::size_t ka, const ResultPoint& b, std::size_t kb,
                       Pairing pairing) {
    std::vector<double> xa, xb;
    if (pairing == Pairing::paired) {
        std::size_t j = 0;
        for (std::size_t i = 0; i < a.replications.size(); ++i) {
            while (j < b.replications.size() && b.replications[j] < a.replications[i]) ++j;
            if (j == b.replications.size() || b.replications[j] != a.replications[i]) continue;
            if (a.values[i][ka] && b.values[j][kb]) {
                xa.push_back(*a.values[i][ka]);
                xb.push_back(*b.values[j][kb]);
            }
        }
        return paired_difference(xa, xb);
    }
    for (const auto& run : a.values)
        if (run[ka]) xa.push_back(*run[ka]);
    for (const auto& run : b.values)
        if (run[kb]) xb.push_back(*run[kb]);
    return welch_difference(xa, xb);
}

}  // namespace

Result<Comparison> compare_folders(const ResultFolder& a, const ResultFolder& b) {
    if (std::string why = points_mismatch(a, b); !why.empty()) return Error{why};
    Comparison c;
    // Common random numbers: the same seed gives replication r of both the same random streams.
    c.pairing = a.seed == b.seed ? Pairing::paired : Pairing::welch;
    c.seed_a = a.seed;
    c.seed_b = b.seed;
    c.parameters = a.parameters.empty() ? b.parameters : a.parameters;
    for (const std::string& kpi : b.kpis)
        if (index_of(a.kpis, kpi) == a.kpis.size()) c.only_in_b.push_back(kpi);
    std::vector<std::pair<std::size_t, std::size_t>> common;
    for (std::size_t ka = 0; ka < a.kpis.size(); ++ka) {
        std::size_t kb = index_of(b.kpis, a.kpis[ka]);
        if (kb == b.kpis.size())
            c.only_in_a.push_back(a.kpis[ka]);
        else
            common.emplace_back(ka, kb);
    }
    if (common.empty()) return Error{"the folders have no KPI in common"};
    for (std::size_t p = 0; p < a.points.size(); ++p) {
        PointComparison point{p, (a.parameters.empty() ? b : a).points[p].parameters, {}, 0};
        std::vector<double> p_values;
        for (auto [ka, kb] : common) {
            std::string unit = a.units[ka].empty() ? b.units[kb] : a.units[ka];
            Difference d = compare_kpi(a.points[p], ka, b.points[p], kb, c.pairing);
            if (d.p) p_values.push_back(*d.p);
            point.kpis.push_back({a.kpis[ka], unit, d, std::nullopt});
        }
        // Holm's family: the KPIs tested at this point (an exact difference is no test).
        std::vector<double> adjusted = holm_adjusted(p_values);
        point.family = adjusted.size();
        std::size_t next = 0;
        for (KpiComparison& k : point.kpis)
            if (k.difference.p) k.p_holm = adjusted[next++];
        c.points.push_back(std::move(point));
    }
    return c;
}

}  // namespace corridor
