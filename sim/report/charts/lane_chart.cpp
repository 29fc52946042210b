// Intervals on a time axis, one lane a road: when it was closed, when a repair crew worked on it;
// each kind of interval in a lane on a sub-row of its own, so that none hides another.
#include <algorithm>
#include <cmath>
#include <limits>

#include "frame.hpp"

namespace corridor::chart {

std::string lane_chart(const LaneChart& c) {
    std::vector<std::string> kinds;  // in order of first appearance: the legend's order
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Lane& lane : c.lanes)
        for (const Span& s : lane.spans) {
            if (!std::isfinite(s.from) || !std::isfinite(s.to)) continue;
            lo = std::min({lo, s.from, s.to}), hi = std::max({hi, s.from, s.to});
            if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) kinds.push_back(s.kind);
        }
    std::string time_title = axis_title(c.time);
    if (kinds.empty()) return frame::no_data(c.id, c.title, c.caption, time_title, "", "no interval to draw");

    frame::Ticks ticks = frame::axis_ticks(c.time, lo, hi, 8);
    double widest = 0;
    for (const Lane& lane : c.lanes)
        widest = std::max(widest, frame::text_width(frame::shorten(lane.label, 32)));
    constexpr double lane_height = 20;
    frame::Area area{std::max(60.0, 20 + widest + 10), frame::plot_top + 8, frame::chart_width - 24, 0};
    area.bottom = area.top + lane_height * static_cast<double>(c.lanes.size());
    std::vector<frame::LegendEntry> legend;
    for (std::size_t k = 0; k < kinds.size(); ++k)
        legend.push_back({kinds[k], frame::series_class(k), frame::LegendEntry::Shape::box});
    double legend_top = area.bottom + 46;
    double height = legend_top + frame::legend_height(legend) + 6;

    svg::Writer out(frame::chart_width, height, c.title, c.id);
    frame::draw_title(out, c.title);
    frame::draw_x_axis(out, area, ticks, c.time);
    Scale x{ticks.lo, ticks.hi, area.left, area.right};
    auto clamp_x = [&](double v) { return std::clamp(x(v), area.left, area.right); };
    for (std::size_t i = 0; i < c.lanes.size(); ++i) {
        const Lane& lane = c.lanes[i];
        double top = area.top + lane_height * static_cast<double>(i);
        out.text(area.left - 8, top + lane_height / 2 + 4, frame::shorten(lane.label, 32), "tick", "end");
        // Each kind in the lane gets a sub-row of its own: a road's damage and its repair often cover the
        // same hours, and one bar drawn over the other would hide it.
        std::vector<bool> present(kinds.size(), false);
        for (const Span& s : lane.spans)
            if (std::isfinite(s.from) && std::isfinite(s.to))
                present[static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), s.kind) -
                                                 kinds.begin())] = true;
        std::vector<std::size_t> sub_row(kinds.size(), 0);
        std::size_t rows = 0;
        for (std::size_t k = 0; k < kinds.size(); ++k)
            if (present[k]) sub_row[k] = rows++;
        double row_height = (lane_height - 6) / static_cast<double>(std::max<std::size_t>(rows, 1));
        for (const Span& s : lane.spans) {
            if (!std::isfinite(s.from) || !std::isfinite(s.to)) continue;
            std::size_t k =
                static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), s.kind) - kinds.begin());
            // At least a pixel wide, so that a closure of a few minutes on a month's axis shows.
            double from = clamp_x(std::min(s.from, s.to)),
                   to = std::max(clamp_x(std::max(s.from, s.to)), from + 1);
            double y = top + 3 + row_height * static_cast<double>(sub_row[k]);
            out.rect(from, y, to - from, row_height - (rows > 1 ? 1 : 0), "bar " + frame::series_class(k));
        }
    }
    out.line(area.left, area.top, area.left, area.bottom, "axis");
    frame::draw_legend(out, legend, legend_top);
    return frame::figure(c.id, c.title, c.caption, out.finish());
}

}  // namespace corridor::chart
