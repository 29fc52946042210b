#pragma once
// report.html of a sweep's folder (docs/user-guide.md, "Reading a sweep's report"): each KPI's
// spread per point, parameters against KPIs, sensitivity bars, roads ranked by the delay their
// closure causes, and the best point per KPI. Read from the store a point at a time.

#include <string>

#include "corridor/sweep/store.hpp"

namespace corridor {

/// The whole page; the same store gives the same bytes.
std::string sweep_report_html(const RunStore& store);

}  // namespace corridor
