#pragma once
// What the chart kinds share: the plot area, axes with round ticks, the title, the legend and the
// figure around the svg. Private to sim/report/charts/.

#include <string>
#include <string_view>
#include <vector>

#include "corridor/report/charts.hpp"
#include "corridor/report/svg.hpp"

namespace corridor::chart::frame {

constexpr double chart_width = 720;
constexpr double title_baseline = 22;
constexpr double plot_top = 38;
constexpr double legend_row = 18;

/// The series colour class: Okabe-Ito's eight colours, dashed from the ninth series on.
std::string series_class(std::size_t index);

/// The width of `text` in pixels at the charts' 12 px font (an estimate: no font metrics here).
double text_width(std::string_view text);

/// `text` cut to `max_chars` with an ellipsis, so a long road name cannot push the plot away.
std::string shorten(std::string_view text, std::size_t max_chars);

/// The plot area in pixels.
struct Area {
    double left, top, right, bottom;
};

/// Ticks and the range they span, from the data's range and the axis's own min and max.
struct Ticks {
    std::vector<double> values;
    double lo, hi, step;
};
Ticks axis_ticks(const Axis& axis, double data_lo, double data_hi, int target);

/// The left margin a value axis needs for its tick labels and its title.
double left_margin(const Ticks& ticks);

void draw_title(svg::Writer& out, std::string_view title);
/// Grid lines, tick labels and the axis title under the plot area.
void draw_x_axis(svg::Writer& out, const Area& area, const Ticks& ticks, const Axis& axis);
/// Grid lines, tick labels and the vertical axis title left of the plot area.
void draw_y_axis(svg::Writer& out, const Area& area, const Ticks& ticks, const Axis& axis);

struct LegendEntry {
    std::string name;
    std::string css_class;  // "s0", "s1 dashed", ...
    enum class Shape { line, box, dot } shape = Shape::line;
};
/// Height of the legend laid out in rows across `width`, 0 without entries.
double legend_height(const std::vector<LegendEntry>& entries);
void draw_legend(svg::Writer& out, const std::vector<LegendEntry>& entries, double top);

/// The <figure class="chart"> around the svg, with the caption (or the title) as figcaption.
std::string figure(std::string_view id, std::string_view title, std::string_view caption, std::string svg);

/// A chart with nothing to draw: its title, its axis titles and a "No data" note with the reason.
std::string no_data(std::string_view id, std::string_view title, std::string_view caption,
                    std::string_view x_title, std::string_view y_title, std::string_view reason);

}  // namespace corridor::chart::frame
