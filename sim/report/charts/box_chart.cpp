// Box plots: one box a category (a sweep's point), quartiles as the box, the median as a line,
// minimum and maximum as whiskers and the mean as a dot.
#include <algorithm>
#include <cmath>

#include "frame.hpp"

namespace corridor::chart {

namespace {

bool drawable(const Box& b) {
    return std::isfinite(b.min) && std::isfinite(b.q1) && std::isfinite(b.median) && std::isfinite(b.q3) &&
           std::isfinite(b.max);
}

}  // namespace

std::string box_chart(const BoxChart& c) {
    std::vector<const Box*> boxes;
    double lo = 0, hi = 0;
    for (const Box& b : c.boxes) {
        if (!drawable(b)) continue;
        lo = boxes.empty() ? b.min : std::min(lo, b.min);
        hi = boxes.empty() ? b.max : std::max(hi, b.max);
        boxes.push_back(&b);
        if (b.mean && std::isfinite(*b.mean)) lo = std::min(lo, *b.mean), hi = std::max(hi, *b.mean);
    }
    std::string value_title = axis_title(c.value);
    if (boxes.empty())
        return frame::no_data(c.id, c.title, c.caption, c.category_label, value_title,
                              "no finite value to draw");

    frame::Ticks ticks = frame::axis_ticks(c.value, lo, hi, 6);
    frame::Area area{frame::left_margin(ticks), frame::plot_top + 8, frame::chart_width - 20,
                     frame::plot_top + 268};
    double slot = (area.right - area.left) / static_cast<double>(boxes.size());
    double half = std::min(24.0, slot * 0.35);
    double widest = 0;
    for (const Box* b : boxes) widest = std::max(widest, frame::text_width(frame::shorten(b->label, 16)));
    std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 6) / slot)));
    std::vector<frame::LegendEntry> key{
        {"quartiles Q1\u2013Q3 (box), median (line)", "box", frame::LegendEntry::Shape::box},
        {"minimum\u2013maximum (whiskers)", "whisker", frame::LegendEntry::Shape::line}};
    if (std::any_of(boxes.begin(), boxes.end(), [](const Box* b) { return b->mean.has_value(); }))
        key.push_back({"mean", "mean", frame::LegendEntry::Shape::dot});
    double legend_top = area.bottom + 46;
    double height = legend_top + frame::legend_height(key) + 6;

    svg::Writer out(frame::chart_width, height, c.title, c.id);
    frame::draw_title(out, c.title);
    frame::draw_y_axis(out, area, ticks, c.value);
    out.line(area.left, area.bottom, area.right, area.bottom, "axis");
    Scale y{ticks.lo, ticks.hi, area.bottom, area.top};
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Box& b = *boxes[i];
        double mid = area.left + slot * (static_cast<double>(i) + 0.5);
        out.line(mid, y(b.min), mid, y(b.q1), "whisker");
        out.line(mid, y(b.q3), mid, y(b.max), "whisker");
        out.line(mid - half / 2, y(b.min), mid + half / 2, y(b.min), "whisker");
        out.line(mid - half / 2, y(b.max), mid + half / 2, y(b.max), "whisker");
        // At least a pixel tall, so that a point whose runs all agree still shows its box.
        double top = y(b.q3), bottom = std::max(y(b.q1), y(b.q3) + 1);
        out.rect(mid - half, top, 2 * half, bottom - top, "box");
        out.line(mid - half, y(b.median), mid + half, y(b.median), "median");
        if (b.mean && std::isfinite(*b.mean)) out.circle(mid, y(*b.mean), 2.5, "dot mean");
        if (i % every == 0) out.text(mid, area.bottom + 16, frame::shorten(b.label, 16), "tick", "middle");
    }
    if (!c.category_label.empty())
        out.text((area.left + area.right) / 2, area.bottom + 36, c.category_label, "axis-title", "middle");
    frame::draw_legend(out, key, legend_top);
    return frame::figure(c.id, c.title, c.caption, out.finish());
}

}  // namespace corridor::chart
