#pragma once
// The sections of a run's report.html (sim/report/run_report.cpp puts them on the page). Each adds
// its heading, charts and tables to the page, or one sentence saying the run has nothing for it.
// Private to sim/report/.

#include <string>

#include "corridor/engine/format.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/report/charts.hpp"
#include "corridor/report/report_page.hpp"

namespace corridor::run_report {

/// A run's time axis: days, or hours for a run of two days or less (a march of a few hours
/// drawn in days is a smudge at the left).
struct TimeScale {
    double seconds_per_unit = 86400;
    std::string label = "Time since start";
    std::string unit = "days";
    double of(Time t) const { return static_cast<double>(t) / kSecond / seconds_per_unit; }
    chart::Axis axis(double end) const { return {label, unit, 0.0, end}; }
};
TimeScale time_scale(Time span);

/// A number for a table: `decimals` places, never "-0".
inline std::string fixed(double x, int decimals) {
    std::string text = format_fixed(x, decimals);
    return text.find_first_not_of("-0.") == std::string::npos ? format_fixed(0.0, decimals) : text;
}

// deployment.cpp
void closure_profile(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);
void movement_graph(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);
void airlift(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);
// aid.cpp
void aid_delivered(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);
void returns(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);
// closure_lanes.cpp
void closures_and_repairs(ReportPage& page, const Theatre& theatre, const DeploymentResult& result);

}  // namespace corridor::run_report
