// Lines, steps and scatter on two value axes, with dashed markers (50/90/100% established) and
// shaded bands (a road closed).
#include <algorithm>
#include <cmath>
#include <limits>

#include "frame.hpp"

namespace corridor::chart {

namespace {

constexpr double plot_height = 260;

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    bool empty() const { return lo > hi; }
};

// The runs of finite points of a series: a NaN breaks the line rather than dragging it to zero.
std::vector<std::vector<std::pair<double, double>>> pieces(const Series& s, const Scale& x, const Scale& y) {
    std::vector<std::vector<std::pair<double, double>>> out(1);
    std::size_t n = std::min(s.x.size(), s.y.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) {
            if (!out.back().empty()) out.emplace_back();
            continue;
        }
        if (s.style == Series::Style::step && !out.back().empty())
            out.back().emplace_back(x(s.x[i]), out.back().back().second);  // hold until this x
        out.back().emplace_back(x(s.x[i]), y(s.y[i]));
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

}  // namespace

std::string xy_chart(const XyChart& c) {
    Range xs, ys;
    for (const Series& s : c.series) {
        std::size_t n = std::min(s.x.size(), s.y.size());
        for (std::size_t i = 0; i < n; ++i)
            if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) xs.add(s.x[i]), ys.add(s.y[i]);
    }
    if (xs.empty())
        return frame::no_data(c.id, c.title, c.caption, axis_title(c.x), axis_title(c.y),
                              "no finite value to plot");
    for (const Marker& m : c.markers) xs.add(m.x);
    for (const Band& b : c.bands) xs.add(b.from), xs.add(b.to);

    frame::Ticks x_ticks = frame::axis_ticks(c.x, xs.lo, xs.hi, 8);
    frame::Ticks y_ticks = frame::axis_ticks(c.y, ys.lo, ys.hi, 6);
    std::vector<frame::LegendEntry> legend;
    if (c.series.size() > 1)
        for (std::size_t i = 0; i < c.series.size(); ++i)
            legend.push_back({c.series[i].name, frame::series_class(i),
                              c.series[i].style == Series::Style::points ? frame::LegendEntry::Shape::dot
                                                                         : frame::LegendEntry::Shape::line});

    frame::Area area{frame::left_margin(y_ticks), frame::plot_top + 14, frame::chart_width - 24, 0};
    area.bottom = area.top + plot_height;
    double legend_top = area.bottom + 46;
    double height = legend_top + frame::legend_height(legend) + 6;

    svg::Writer out(frame::chart_width, height, c.title, c.id);
    frame::draw_title(out, c.title);
    Scale x{x_ticks.lo, x_ticks.hi, area.left, area.right};
    Scale y{y_ticks.lo, y_ticks.hi, area.bottom, area.top};
    auto clamp_x = [&](double v) { return std::clamp(x(v), area.left, area.right); };
    for (const Band& b : c.bands) {
        if (!std::isfinite(b.from) || !std::isfinite(b.to)) continue;
        out.rect(clamp_x(b.from), area.top, clamp_x(b.to) - clamp_x(b.from), area.bottom - area.top, "band");
        out.text(clamp_x(std::min(b.from, b.to)) + 3, area.top + 12, b.label, "band-label");
    }
    frame::draw_x_axis(out, area, x_ticks, c.x);
    frame::draw_y_axis(out, area, y_ticks, c.y);
    for (std::size_t i = 0; i < c.markers.size(); ++i) {
        const Marker& m = c.markers[i];
        if (!std::isfinite(m.x)) continue;
        out.line(x(m.x), area.top, x(m.x), area.bottom, "marker");
        // Staggered on two rows above the plot, so that close markers keep readable labels.
        out.text(x(m.x), area.top - 4 - 12 * static_cast<double>(i % 2 == 1), m.label, "marker-label",
                 "middle");
    }
    for (std::size_t i = 0; i < c.series.size(); ++i) {
        const Series& s = c.series[i];
        std::string cls = frame::series_class(i);
        for (const auto& piece : pieces(s, x, y)) {
            if (s.style == Series::Style::points || piece.size() == 1)
                for (auto [px, py] : piece) out.circle(px, py, 3, "dot " + cls);
            else
                out.polyline(piece, "line " + cls);
        }
    }
    frame::draw_legend(out, legend, legend_top);
    return frame::figure(c.id, c.title, c.caption, out.finish());
}

}  // namespace corridor::chart
