// Estimates with their intervals against zero (a comparison's B - A per KPI): the dot is the
// estimate, the bar its 95% interval, and a flagged row is drawn bold, so that a reader sees at once
// which differences are real.
#include <algorithm>
#include <cmath>

#include "frame.hpp"

namespace corridor::chart {

std::string interval_chart(const IntervalChart& c) {
    double lo = 0, hi = 0;  // zero is always on the axis: it is what the intervals are read against
    bool any = false;
    for (const Interval& r : c.rows) {
        if (!std::isfinite(r.value)) continue;
        any = true;
        lo = std::min(lo, r.value), hi = std::max(hi, r.value);
        for (const auto& end : {r.low, r.high})
            if (end && std::isfinite(*end)) lo = std::min(lo, *end), hi = std::max(hi, *end);
    }
    std::string value_title = axis_title(c.value);
    if (!any)
        return frame::no_data(c.id, c.title, c.caption, value_title, "", "no finite difference to draw");
    if (lo == hi) lo = -1, hi = 1;

    frame::Ticks ticks = frame::axis_ticks(c.value, lo, hi, 6);
    double widest = 0;
    for (const Interval& r : c.rows)
        widest = std::max(widest, frame::text_width(frame::shorten(r.label, 40)));
    constexpr double row = 20;
    frame::Area area{std::max(60.0, 20 + widest + 10), frame::plot_top + 8, frame::chart_width - 28, 0};
    area.bottom = area.top + row * static_cast<double>(c.rows.size());
    std::vector<frame::LegendEntry> legend{
        {c.flagged_name, "interval-significant", frame::LegendEntry::Shape::line},
        {c.plain_name, "interval-plain", frame::LegendEntry::Shape::line}};
    double legend_top = area.bottom + 46;
    double height = legend_top + frame::legend_height(legend) + 6;

    svg::Writer out(frame::chart_width, height, c.title, c.id);
    frame::draw_title(out, c.title);
    frame::draw_x_axis(out, area, ticks, c.value);
    Scale x{ticks.lo, ticks.hi, area.left, area.right};
    out.line(x(0), area.top, x(0), area.bottom, "zero");
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        const Interval& r = c.rows[i];
        double mid = area.top + row * (static_cast<double>(i) + 0.5);
        out.text(area.left - 8, mid + 4, frame::shorten(r.label, 40), "tick", "end");
        if (!std::isfinite(r.value)) continue;
        std::string cls = r.flagged ? "interval-significant" : "interval-plain";
        if (r.low && r.high && std::isfinite(*r.low) && std::isfinite(*r.high)) {
            // An interval wider than a fixed axis is cut at its edge, without the cap that marks an end.
            double from = std::max(x(*r.low), area.left), to = std::min(x(*r.high), area.right);
            out.line(from, mid, to, mid, cls);
            if (from == x(*r.low)) out.line(from, mid - 4, from, mid + 4, cls);
            if (to == x(*r.high)) out.line(to, mid - 4, to, mid + 4, cls);
        }
        if (x(r.value) >= area.left && x(r.value) <= area.right)
            out.circle(x(r.value), mid, 3.5, r.flagged ? "dot s1" : "dot s6");
    }
    frame::draw_legend(out, legend, legend_top);
    return frame::figure(c.id, c.title, c.caption, out.finish());
}

}  // namespace corridor::chart
