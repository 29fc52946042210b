// report.html of a run: the headline KPIs, then one section a part of the plan (closure profile,
// movement graph, airlift, aid, returns, closures and repairs), the map, and with replications the
// summary of all of them. The pictures are replication 0's, the same run as the other files.

#include "corridor/report/run_report.hpp"

#include "corridor/model/kpis.hpp"
#include "corridor/report/network_map.hpp"
#include "corridor/report/report_page.hpp"
#include "run/sections.hpp"

namespace corridor {
namespace {

using run_report::fixed;

// Times as hours, counts whole, rates with a few decimals: what a planner reads off a KPI.
std::string kpi_value(const Kpi& kpi) {
    // A time is missing when it was not reached; a figure when the scenario does not model it
    // (no aid, no fuel consumption).
    if (!kpi.value) return kpi.unit == "h" ? "not reached" : "no value";
    double x = *kpi.value;
    bool whole = x == static_cast<double>(static_cast<long long>(x));
    return fixed(x, whole ? 0 : 2);
}

void headline(ReportPage& page, const DeploymentResult& result) {
    page.section("Headline KPIs",
                 "What the run gave, one number a KPI (docs/model.md, \"KPIs\", says what each means). A "
                 "time not reached within the run says so; a figure the scenario does not model (aid, "
                 "fuel) has no value.");
    std::vector<std::vector<std::string>> rows;
    for (const Kpi& kpi : kpi_record(result))
        rows.push_back({std::string(kpi.name), kpi_value(kpi), std::string(kpi.unit)});
    page.table({{"KPI"}, {"Value (in its unit)", true}, {"Unit"}}, rows, "Replication 0.");
}

void replication_summary(ReportPage& page, const RunReportContext& context) {
    page.section("Replications",
                 "Every KPI over the " + std::to_string(context.replications) +
                     " replications: the charts above are replication 0's, one of them; these say what "
                     "they give together. The 95% interval is of the mean (Student's t).");
    std::vector<std::vector<std::string>> rows;
    for (const KpiSummary& s : context.summary) {
        std::string half = s.half_width ? fixed(*s.half_width, 2) : "";
        // No replication gave a value: nothing to summarise, not zeros.
        auto figure = [&](double x) { return s.n > 0 ? fixed(x, 2) : std::string("no value"); };
        rows.push_back({std::string(s.name), std::string(s.unit), std::to_string(s.n), figure(s.mean), half,
                        figure(s.min), figure(s.median), figure(s.max)});
    }
    page.table({{"KPI"},
                {"Unit"},
                {"Replications with a value (runs)", true},
                {"Mean (in its unit)", true},
                {"95% half-width (in its unit)", true},
                {"Min (in its unit)", true},
                {"Median (in its unit)", true},
                {"Max (in its unit)", true}},
               rows, "Each KPI's mean and spread over the replications.");
}

}  // namespace

std::string run_report_html(const Theatre& theatre, const DeploymentResult& result,
                            const RunReportContext& context) {
    ReportPage page(
        "Run report: " + theatre.name,
        context.scenario_file + " · seed " + std::to_string(context.seed) + " · corridor " + context.version);
    headline(page, result);
    if (context.replications > 1 && !context.summary.empty()) replication_summary(page, context);
    run_report::closure_profile(page, theatre, result);
    run_report::movement_graph(page, theatre, result);
    run_report::airlift(page, theatre, result);
    run_report::aid_delivered(page, theatre, result);
    run_report::returns(page, theatre, result);
    run_report::closures_and_repairs(page, theatre, result);
    page.section("Map",
                 "The network drawn from its coordinates: roads by class, wider where more convoy vehicles "
                 "drove, closed roads marked; posts, depots, towns, airfields and checkpoints with their "
                 "mean wait.");
    page.figure(network_map_figure(theatre, result));
    return page.html();
}

}  // namespace corridor
