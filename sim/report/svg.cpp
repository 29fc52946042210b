#include "corridor/report/svg.hpp"

#include <cmath>

#include "corridor/engine/format.hpp"

namespace corridor::svg {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string num(double x) {
    if (!std::isfinite(x)) return "0";
    std::string text = format_fixed(x, 2);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

namespace {
std::string attribute(std::string_view name, std::string_view value) {
    return " " + std::string(name) + "=\"" + escape(value) + "\"";
}
}  // namespace

Writer::Writer(double width, double height, std::string_view title, std::string_view id) {
    markup_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 " + num(width) +
              " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
              "\" role=\"img\"";
    if (id.empty()) {
        markup_ += attribute("aria-label", title) + "><title>";
    } else {
        std::string title_id = std::string(id) + "-title";
        markup_ += attribute("aria-labelledby", title_id) + "><title" + attribute("id", title_id) + ">";
    }
    markup_ += escape(title) + "</title>\n";
}

void Writer::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
    markup_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
               "\"" + attribute("class", css_class) + "/>\n";
}

void Writer::polyline(const std::vector<std::pair<double, double>>& points, std::string_view css_class) {
    if (points.empty()) return;
    markup_ += "<polyline points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i) markup_ += ' ';
        markup_ += num(points[i].first) + "," + num(points[i].second);
    }
    markup_ += "\"" + attribute("class", css_class) + "/>\n";
}

void Writer::rect(double x, double y, double w, double h, std::string_view css_class) {
    // A negative size is invalid SVG; draw the same rectangle from its other corner.
    if (w < 0) x += w, w = -w;
    if (h < 0) y += h, h = -h;
    markup_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
               "\"" + attribute("class", css_class) + "/>\n";
}

void Writer::circle(double cx, double cy, double r, std::string_view css_class) {
    markup_ += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"" +
               attribute("class", css_class) + "/>\n";
}

void Writer::text(double x, double y, std::string_view text, std::string_view css_class,
                  std::string_view anchor) {
    markup_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attribute("class", css_class);
    if (anchor != "start") markup_ += attribute("text-anchor", anchor);
    markup_ += ">" + escape(text) + "</text>\n";
}

void Writer::vertical_text(double x, double y, std::string_view text, std::string_view css_class) {
    markup_ += "<text transform=\"translate(" + num(x) + "," + num(y) + ") rotate(-90)\"" +
               attribute("class", css_class) + " text-anchor=\"middle\">" + escape(text) + "</text>\n";
}

void Writer::raw(std::string_view element) { markup_ += element; }

std::string Writer::finish() {
    markup_ += "</svg>";
    return std::move(markup_);
}

}  // namespace corridor::svg
