// Bars from zero, one colour per group, with an optional interval as a whisker: rankings (roads by
// the delay their closure causes), Sobol and regression indices, per-day counts.
#include <algorithm>
#include <cmath>
#include <limits>

#include "frame.hpp"

namespace corridor::chart {

namespace {

constexpr std::size_t label_chars = 40;

// Labels in the order they first appear in any group: the caller's order is the ranking.
std::vector<std::string> category_labels(const BarChart& c) {
    std::vector<std::string> labels;
    for (const BarGroup& g : c.groups)
        for (const Bar& b : g.bars)
            if (std::find(labels.begin(), labels.end(), b.label) == labels.end()) labels.push_back(b.label);
    return labels;
}

const Bar* find_bar(const BarGroup& g, const std::string& label) {
    for (const Bar& b : g.bars)
        if (b.label == label) return &b;
    return nullptr;
}

std::vector<frame::LegendEntry> legend(const BarChart& c) {
    std::vector<frame::LegendEntry> entries;
    if (c.groups.size() > 1)
        for (std::size_t g = 0; g < c.groups.size(); ++g)
            entries.push_back({c.groups[g].name, frame::series_class(g), frame::LegendEntry::Shape::box});
    return entries;
}

// One bar and its whisker; `along` maps a value to pixels on the value axis.
struct BarPlace {
    double slot_start, thickness;
};

void draw_horizontal(svg::Writer& out, const Bar& b, const Scale& along, BarPlace at,
                     const std::string& cls) {
    out.rect(along(0), at.slot_start, along(b.value) - along(0), at.thickness, "bar " + cls);
    if (b.low && b.high && std::isfinite(*b.low) && std::isfinite(*b.high)) {
        double mid = at.slot_start + at.thickness / 2;
        out.line(along(*b.low), mid, along(*b.high), mid, "whisker");
        out.line(along(*b.low), mid - 4, along(*b.low), mid + 4, "whisker");
        out.line(along(*b.high), mid - 4, along(*b.high), mid + 4, "whisker");
    }
}

void draw_vertical(svg::Writer& out, const Bar& b, const Scale& along, BarPlace at, const std::string& cls) {
    out.rect(at.slot_start, along(b.value), at.thickness, along(0) - along(b.value), "bar " + cls);
    if (b.low && b.high && std::isfinite(*b.low) && std::isfinite(*b.high)) {
        double mid = at.slot_start + at.thickness / 2;
        out.line(mid, along(*b.low), mid, along(*b.high), "whisker");
        out.line(mid - 4, along(*b.low), mid + 4, along(*b.low), "whisker");
        out.line(mid - 4, along(*b.high), mid + 4, along(*b.high), "whisker");
    }
}

}  // namespace

std::string bar_chart(const BarChart& c) {
    double lo = 0, hi = 0;  // bars start at zero, so zero is always on the axis
    bool any = false;
    for (const BarGroup& g : c.groups)
        for (const Bar& b : g.bars) {
            if (!std::isfinite(b.value)) continue;
            any = true;
            lo = std::min(lo, b.value), hi = std::max(hi, b.value);
            for (const auto& end : {b.low, b.high})
                if (end && std::isfinite(*end)) lo = std::min(lo, *end), hi = std::max(hi, *end);
        }
    std::string value_title = axis_title(c.value);
    if (!any)
        return c.horizontal ? frame::no_data(c.id, c.title, c.caption, value_title, c.category_label,
                                             "no finite value to draw")
                            : frame::no_data(c.id, c.title, c.caption, c.category_label, value_title,
                                             "no finite value to draw");
    if (lo == hi) hi = 1;  // every bar zero: a unit axis rather than a point

    std::vector<std::string> labels = category_labels(c);
    std::vector<frame::LegendEntry> entries = legend(c);
    std::size_t groups = c.groups.size();
    std::string markup;

    if (c.horizontal) {
        frame::Ticks ticks = frame::axis_ticks(c.value, lo, hi, 6);
        double widest = 0;
        for (const std::string& l : labels)
            widest = std::max(widest, frame::text_width(frame::shorten(l, label_chars)));
        double bar = groups > 1 ? 12 : 18;
        double slot = bar * static_cast<double>(groups) + 8;
        frame::Area area{std::max(60.0, 20 + widest + 10), frame::plot_top + 8, frame::chart_width - 28, 0};
        if (!c.category_label.empty()) area.left += 18;
        area.bottom = area.top + slot * static_cast<double>(labels.size());
        double legend_top = area.bottom + 46;
        double height = legend_top + frame::legend_height(entries) + 6;
        svg::Writer out(frame::chart_width, height, c.title, c.id);
        frame::draw_title(out, c.title);
        frame::draw_x_axis(out, area, ticks, c.value);
        Scale along{ticks.lo, ticks.hi, area.left, area.right};
        for (std::size_t i = 0; i < labels.size(); ++i) {
            double top = area.top + slot * static_cast<double>(i) + 4;
            out.text(area.left - 8, top + slot / 2, frame::shorten(labels[i], label_chars), "tick", "end");
            for (std::size_t g = 0; g < groups; ++g)
                if (const Bar* b = find_bar(c.groups[g], labels[i]); b && std::isfinite(b->value))
                    draw_horizontal(out, *b, along, {top + bar * static_cast<double>(g), bar},
                                    frame::series_class(g));
        }
        out.line(along(0), area.top, along(0), area.bottom, "axis");
        if (!c.category_label.empty())
            out.vertical_text(16, (area.top + area.bottom) / 2, c.category_label, "axis-title");
        frame::draw_legend(out, entries, legend_top);
        markup = out.finish();
    } else {
        frame::Ticks ticks = frame::axis_ticks(c.value, lo, hi, 6);
        frame::Area area{frame::left_margin(ticks), frame::plot_top + 8, frame::chart_width - 20,
                         frame::plot_top + 268};
        double slot = (area.right - area.left) / static_cast<double>(labels.size());
        double thickness = slot * 0.8 / static_cast<double>(groups);
        // Label every k-th slot so that labels do not overlap (days 1, 5, 10, ... on a long run).
        double widest = 0;
        for (const std::string& l : labels)
            widest = std::max(widest, frame::text_width(frame::shorten(l, 16)));
        std::size_t every =
            std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 6) / slot)));
        double legend_top = area.bottom + 46;
        double height = legend_top + frame::legend_height(entries) + 6;
        svg::Writer out(frame::chart_width, height, c.title, c.id);
        frame::draw_title(out, c.title);
        frame::draw_y_axis(out, area, ticks, c.value);
        Scale along{ticks.lo, ticks.hi, area.bottom, area.top};
        for (std::size_t i = 0; i < labels.size(); ++i) {
            double start = area.left + slot * static_cast<double>(i) + slot * 0.1;
            if (i % every == 0)
                out.text(area.left + slot * (static_cast<double>(i) + 0.5), area.bottom + 16,
                         frame::shorten(labels[i], 16), "tick", "middle");
            for (std::size_t g = 0; g < groups; ++g)
                if (const Bar* b = find_bar(c.groups[g], labels[i]); b && std::isfinite(b->value))
                    draw_vertical(out, *b, along, {start + thickness * static_cast<double>(g), thickness},
                                  frame::series_class(g));
        }
        out.line(area.left, along(0), area.right, along(0), "axis");
        if (!c.category_label.empty())
            out.text((area.left + area.right) / 2, area.bottom + 36, c.category_label, "axis-title",
                     "middle");
        frame::draw_legend(out, entries, legend_top);
        markup = out.finish();
    }
    return frame::figure(c.id, c.title, c.caption, std::move(markup));
}

}  // namespace corridor::chart
