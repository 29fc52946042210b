#pragma once
// Charts for the HTML reports. Each function returns a complete
// `<figure class="chart" id="..."><svg ...>...</svg><figcaption>...</figcaption></figure>` with a
// visible title, axis labels with units and, when there is more than one series, a legend. Empty
// or degenerate input (no point, one point, all values equal, NaN) gives a readable chart or a
// "No data" figure, never an exception. Same input, same bytes.

#include <optional>
#include <string>
#include <vector>

namespace corridor::chart {

struct Axis {
    std::string label;  // "Time since start"
    std::string unit;   // "days": printed as "Time since start (days)"
    std::optional<double> min, max;
};

struct Series {
    std::string name;
    std::vector<double> x, y;
    enum class Style { line, step, points } style = Style::line;
};
struct Marker {  // vertical dashed line with a label
    double x;
    std::string label;
};
struct Band {  // shaded x interval (a closure)
    double from, to;
    std::string label;
};
struct XyChart {
    std::string id, title, caption;
    Axis x, y;
    std::vector<Series> series;
    std::vector<Marker> markers;
    std::vector<Band> bands;
};
/// Lines, steps (the value holds until the next x) and scatter.
std::string xy_chart(const XyChart& c);

struct Bar {  // optional interval drawn as a whisker
    std::string label;
    double value;
    std::optional<double> low, high;
};
struct BarGroup {  // one colour per group, in the legend
    std::string name;
    std::vector<Bar> bars;
};
struct BarChart {
    std::string id, title, caption;
    Axis value;
    std::vector<BarGroup> groups;
    bool horizontal = true;
    std::string category_label;  // the label axis's title ("Day", "Road closed"); none when empty
};
/// Rankings, Sobol/SRC bars, per-day bars; bars of the same label from several groups side by side.
std::string bar_chart(const BarChart& c);

struct Box {
    std::string label;
    double min, q1, median, q3, max;
    std::optional<double> mean;
};
struct BoxChart {
    std::string id, title, caption;
    Axis value;
    std::string category_label;
    std::vector<Box> boxes;
};
std::string box_chart(const BoxChart& c);

struct Span {  // kind picks the colour, in the legend
    double from, to;
    std::string kind;
};
struct Lane {
    std::string label;
    std::vector<Span> spans;
};
struct LaneChart {
    std::string id, title, caption;
    Axis time;
    std::vector<Lane> lanes;
};
/// Closures and repairs on a time axis, one lane a road.
std::string lane_chart(const LaneChart& c);

struct Interval {  // an estimate and its interval, flagged when it is significant
    std::string label;
    double value;
    std::optional<double> low, high;
    bool flagged = false;
};
struct IntervalChart {
    std::string id, title, caption;
    Axis value;
    std::vector<Interval> rows;
    std::string flagged_name = "significant", plain_name = "not significant";  // the legend
};
/// Differences with their 95% intervals against a dashed zero line, one row each; flagged rows
/// drawn bold in the second colour. With the axis's min and max set, wider intervals are cut at
/// the edge (drawn without their end cap).
std::string interval_chart(const IntervalChart& c);

// --- helpers the charts share, public for the reports and the tests ---

/// About `target` round tick values (1, 2 or 5 times a power of ten) covering [lo, hi]: the first
/// at or below lo, the last at or above hi. lo == hi gives a range around the value; non-finite
/// bounds give {0, 1}.
std::vector<double> nice_ticks(double lo, double hi, int target = 6);

/// A tick value with as many decimals as the step between ticks needs ("0.25", "1500", never "-0").
std::string tick_label(double value, double step);

/// "Label (unit)", or the label alone when it has no unit.
std::string axis_title(const Axis& axis);

/// Linear map from data to pixels.
struct Scale {
    double domain_lo, domain_hi, pixel_lo, pixel_hi;
    double operator()(double value) const;
};

}  // namespace corridor::chart
