#pragma once
// The files of a run with replications (docs/user-guide.md, "Replications"): replications.csv,
// one row per replication with every KPI, and summary.csv, one row per KPI with what the
// replications say together; and the table the terminal shows. Fixed formats: the same
// replications give the same bytes.

#include <string>
#include <vector>

#include "corridor/sweep/replications.hpp"

namespace corridor {

/// A KPI value as every CSV file of results writes it: six decimals, the zeros that follow dropped.
std::string csv_number(double x);

std::string replications_csv(const std::vector<std::vector<Kpi>>& records);
std::string summary_csv(const std::vector<KpiSummary>& summary);
std::string summary_table(const std::vector<KpiSummary>& summary, std::size_t replications);

}  // namespace corridor
