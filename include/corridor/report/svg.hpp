#pragma once
// SVG markup for the reports: escaped text, fixed-format numbers and a writer that appends
// elements. Everything visual is a CSS class of the page's one stylesheet (report_page.cpp), so the
// markup carries no colours and the same inputs give the same bytes.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor::svg {

/// `text` with & < > " ' replaced by their entities: safe in XML/HTML text and attributes.
std::string escape(std::string_view text);

/// A coordinate: at most two decimals, no trailing zeros, never "-0"; locale-free. NaN and
/// infinities print as "0" so that a bad value cannot break the markup.
std::string num(double x);

class Writer {
  public:
    /// Opens `<svg class="chart-svg" viewBox="0 0 W H" width="W" height="H" role="img">` with its
    /// `<title>`. With an `id`, the title is `id-title` and the svg is aria-labelledby it.
    Writer(double width, double height, std::string_view title, std::string_view id = {});
    void line(double x1, double y1, double x2, double y2, std::string_view css_class);
    void polyline(const std::vector<std::pair<double, double>>& points, std::string_view css_class);
    void rect(double x, double y, double w, double h, std::string_view css_class);
    void circle(double cx, double cy, double r, std::string_view css_class);
    /// anchor: start|middle|end.
    void text(double x, double y, std::string_view text, std::string_view css_class,
              std::string_view anchor = "start");
    /// Text turned a quarter anticlockwise about (x, y): a vertical axis label.
    void vertical_text(double x, double y, std::string_view text, std::string_view css_class);
    /// Escape hatch: already-escaped markup.
    void raw(std::string_view element);
    /// Closes </svg> and returns the markup.
    std::string finish();

  private:
    std::string markup_;
};

}  // namespace corridor::svg
