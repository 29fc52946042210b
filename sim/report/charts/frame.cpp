#include "frame.hpp"

#include <algorithm>
#include <cmath>

#include "corridor/engine/format.hpp"

namespace corridor::chart {

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) {
        // One value: a range of one round unit either side, so that the point sits mid-axis.
        double half = lo == 0 ? 1 : std::pow(10, std::floor(std::log10(std::abs(lo))));
        lo -= half;
        hi += half;
    }
    target = std::max(target, 2);
    double rough = (hi - lo) / target;
    double power = std::pow(10, std::floor(std::log10(rough)));
    double step = power;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * power;
        if (step >= rough) break;
    }
    double first = std::floor(lo / step);
    double last = std::ceil(hi / step);
    std::vector<double> ticks;
    for (double k = first; k <= last + 0.5; ++k) {
        double value = k * step;
        ticks.push_back(value == 0 ? 0.0 : value);  // no -0
    }
    return ticks;
}

std::string tick_label(double value, double step) {
    int decimals = 0;
    if (step > 0 && step < 1) decimals = std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    // A step of 0.25 needs two decimals, though its power of ten says one.
    while (decimals < 6 &&
           std::abs(std::round(step * std::pow(10, decimals)) - step * std::pow(10, decimals)) > 1e-6)
        ++decimals;
    if (std::abs(value) < step * 1e-9) value = 0;
    std::string text = format_fixed(value, decimals);
    return text == "-0" ? "0" : text;
}

std::string axis_title(const Axis& axis) {
    return axis.unit.empty() ? axis.label : axis.label + " (" + axis.unit + ")";
}

double Scale::operator()(double value) const {
    if (domain_hi == domain_lo) return (pixel_lo + pixel_hi) / 2;
    return pixel_lo + (value - domain_lo) / (domain_hi - domain_lo) * (pixel_hi - pixel_lo);
}

namespace frame {

std::string series_class(std::size_t index) {
    std::string name = "s" + std::to_string(index % 8);
    return index >= 8 ? name + " dashed" : name;
}

double text_width(std::string_view text) {
    // UTF-8 continuation bytes take no width of their own.
    std::size_t glyphs = std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
    return 6.6 * static_cast<double>(glyphs);
}

std::string shorten(std::string_view text, std::size_t max_chars) {
    if (text.size() <= max_chars) return std::string(text);
    std::size_t cut = max_chars - 1;
    while (cut > 0 && (text[cut] & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return std::string(text.substr(0, cut)) + "\u2026";
}

Ticks axis_ticks(const Axis& axis, double data_lo, double data_hi, int target) {
    double lo = axis.min.value_or(data_lo);
    double hi = axis.max.value_or(data_hi);
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    std::vector<double> values = nice_ticks(lo, hi, target);
    double step = values.size() > 1 ? values[1] - values[0] : 1;
    Ticks ticks{{}, axis.min ? *axis.min : values.front(), axis.max ? *axis.max : values.back(), step};
    if (ticks.lo > ticks.hi) std::swap(ticks.lo, ticks.hi);
    if (ticks.lo == ticks.hi) ticks.lo = values.front(), ticks.hi = values.back();
    for (double v : values)
        if (v >= ticks.lo - step * 1e-9 && v <= ticks.hi + step * 1e-9) ticks.values.push_back(v);
    return ticks;
}

double left_margin(const Ticks& ticks) {
    double widest = 0;
    for (double v : ticks.values) widest = std::max(widest, text_width(tick_label(v, ticks.step)));
    return 34 + widest + 8;
}

void draw_title(svg::Writer& out, std::string_view title) {
    out.text(12, title_baseline, title, "chart-title");
}

void draw_x_axis(svg::Writer& out, const Area& area, const Ticks& ticks, const Axis& axis) {
    Scale x{ticks.lo, ticks.hi, area.left, area.right};
    for (double v : ticks.values) {
        out.line(x(v), area.top, x(v), area.bottom, "grid");
        out.text(x(v), area.bottom + 16, tick_label(v, ticks.step), "tick", "middle");
    }
    out.line(area.left, area.bottom, area.right, area.bottom, "axis");
    out.text((area.left + area.right) / 2, area.bottom + 36, axis_title(axis), "axis-title", "middle");
}

void draw_y_axis(svg::Writer& out, const Area& area, const Ticks& ticks, const Axis& axis) {
    Scale y{ticks.lo, ticks.hi, area.bottom, area.top};
    for (double v : ticks.values) {
        out.line(area.left, y(v), area.right, y(v), "grid");
        out.text(area.left - 6, y(v) + 4, tick_label(v, ticks.step), "tick", "end");
    }
    out.line(area.left, area.top, area.left, area.bottom, "axis");
    out.vertical_text(16, (area.top + area.bottom) / 2, axis_title(axis), "axis-title");
}

namespace {
constexpr double legend_left = 12;
constexpr double swatch_width = 22;

// Where each entry starts: rows filled left to right across the chart.
std::vector<std::pair<double, double>> legend_layout(const std::vector<LegendEntry>& entries, double top) {
    std::vector<std::pair<double, double>> at;
    double x = legend_left, y = top;
    for (const LegendEntry& entry : entries) {
        double width = swatch_width + 6 + text_width(shorten(entry.name, 72)) + 18;
        if (x > legend_left && x + width > chart_width - 8) x = legend_left, y += legend_row;
        at.emplace_back(x, y);
        x += width;
    }
    return at;
}
}  // namespace

double legend_height(const std::vector<LegendEntry>& entries) {
    if (entries.empty()) return 0;
    return legend_layout(entries, 0).back().second + legend_row + 4;
}

void draw_legend(svg::Writer& out, const std::vector<LegendEntry>& entries, double top) {
    auto at = legend_layout(entries, top);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto [x, y] = at[i];
        const LegendEntry& entry = entries[i];
        double mid = y + legend_row / 2;
        switch (entry.shape) {
            case LegendEntry::Shape::line:
                out.line(x, mid, x + swatch_width, mid, "line " + entry.css_class);
                break;
            case LegendEntry::Shape::box:
                out.rect(x + 4, mid - 6, swatch_width - 8, 12, "swatch " + entry.css_class);
                break;
            case LegendEntry::Shape::dot:
                out.circle(x + swatch_width / 2, mid, 4, "dot " + entry.css_class);
                break;
        }
        out.text(x + swatch_width + 6, mid + 4, shorten(entry.name, 72), "legend");
    }
}

std::string figure(std::string_view id, std::string_view title, std::string_view caption, std::string svg) {
    std::string text = caption.empty() ? std::string(title) : std::string(caption);
    return "<figure class=\"chart\" id=\"" + svg::escape(id) + "\">\n" + svg + "\n<figcaption>" +
           svg::escape(text) + "</figcaption>\n</figure>\n";
}

std::string no_data(std::string_view id, std::string_view title, std::string_view caption,
                    std::string_view x_title, std::string_view y_title, std::string_view reason) {
    constexpr double height = 200;
    svg::Writer out(chart_width, height, title, id);
    draw_title(out, title);
    Area area{60, plot_top, chart_width - 20, height - 48};
    out.rect(area.left, area.top, area.right - area.left, area.bottom - area.top, "no-data-area");
    out.text((area.left + area.right) / 2, (area.top + area.bottom) / 2 - 4, "No data", "no-data", "middle");
    out.text((area.left + area.right) / 2, (area.top + area.bottom) / 2 + 14, reason, "tick", "middle");
    if (!x_title.empty())
        out.text((area.left + area.right) / 2, area.bottom + 30, x_title, "axis-title", "middle");
    if (!y_title.empty()) out.vertical_text(16, (area.top + area.bottom) / 2, y_title, "axis-title");
    return figure(id, title, caption, out.finish());
}

}  // namespace frame
}  // namespace corridor::chart
