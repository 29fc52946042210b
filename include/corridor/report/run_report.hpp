#pragma once
// report.html of a run (docs/user-guide.md, "Reading the run report"): one self-contained page of
// tables and charts drawn from the run's KPIs and the pictures its sinks recorded (Sinks::report),
// with the network map; same inputs, same bytes.

#include <cstdint>
#include <string>
#include <vector>

#include "corridor/model/deployment.hpp"
#include "corridor/sweep/replications.hpp"

namespace corridor {

/// Where the run came from, for the page's heading, and what its replications gave together. (Not
/// the command as typed: it names the --out folder, and two runs that differ only there must give
/// the same report; manifest.json keeps it.)
struct RunReportContext {
    std::string scenario_file;
    std::uint64_t seed = 0;
    std::string version;
    std::size_t replications = 1;
    std::vector<KpiSummary> summary;  // every KPI over the replications (empty with one)
};

/// The page of one run: replication 0's pictures, and the summary of all of them when there are more.
std::string run_report_html(const Theatre& theatre, const DeploymentResult& result,
                            const RunReportContext& context);

}  // namespace corridor
