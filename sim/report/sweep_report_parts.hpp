#pragma once
// The sections of a sweep's report.html (sweep_report.cpp assembles them): private to
// sim/report/.

#include <optional>
#include <string>
#include <vector>

#include "corridor/report/charts.hpp"
#include "corridor/report/report_page.hpp"
#include "corridor/sweep/store.hpp"
#include "sweep_points.hpp"

namespace corridor::sweep_report {

/// A swept parameter as the report reads it: a number with a unit ("72h" is 72, "h") when every
/// point's value reads as one, else text (a dispatch policy, a closed road).
struct ParameterInfo {
    std::string path, unit;
    bool numeric = false;
    std::vector<double> values;  // per point, when numeric
    std::size_t distinct = 0;    // values taken
};

struct Sweep {
    const StoreHeader& header;
    std::string design;
    std::uint64_t seed = 0;
    std::size_t replications = 0, sobol_base = 0;
    std::vector<PointSummary> points;
    std::vector<ParameterInfo> parameters;
};

/// "closure_time_h" with its unit as an axis.
chart::Axis kpi_axis(const Sweep& s, std::size_t k);
/// "point 3: fleets.icrc-trucks.count = 8, policy = nearest_depot".
std::string point_text(const Sweep& s, const PointSummary& p);
/// A number for people: four significant digits.
std::string readable(double x);
/// True when KPI k has one mean at every point with a value, over two or more such points: no point
/// is best, and a chart per point of it says only that.
bool same_at_every_point(const Sweep& s, std::size_t k);
/// An element id from any text: letters, digits and _ kept, anything else "-".
std::string slug(std::string_view text);

void parameters_against_kpis(ReportPage& page, const Sweep& s);
void sensitivity(ReportPage& page, const Sweep& s);
void road_ranking(ReportPage& page, const Sweep& s);

}  // namespace corridor::sweep_report
