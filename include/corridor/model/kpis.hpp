#pragma once
// The KPIs of one run as a record of named numbers: what a sweep keeps, compares and reduces,
// without the run's tables. Every name is fixed text, so reading the record builds no string; the
// list and each KPI's meaning are in docs/model.md, "KPIs".

#include <optional>
#include <string_view>
#include <vector>

#include "corridor/model/deployment.hpp"

namespace corridor {

struct Kpi {
    std::string_view name;   // e.g. "closure_time_h"
    std::string_view unit;   // e.g. "h"
    std::optional<double> value;  // none: a time that was not reached within the run
};

/// The run's KPIs, always the same names in the same order.
std::vector<Kpi> kpi_record(const DeploymentResult& result);

/// The KPI of that name in `record`, or nullptr when there is none.
const Kpi* find_kpi(const std::vector<Kpi>& record, std::string_view name);

}  // namespace corridor
