#include "corridor/report/report_page.hpp"

#include "corridor/report/svg.hpp"

namespace corridor {

namespace {

std::string anchor(std::size_t index) { return "section-" + std::to_string(index + 1); }

}  // namespace

std::string_view report_stylesheet() {
    // Okabe and Ito's palette (2008, "Color Universal Design"): told apart by readers with any
    // common colour-vision deficiency, and in greys on a black-and-white print.
    return R"CSS(
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --grid: #e6e6e6; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
       max-width: 780px; margin: 24px auto; padding: 0 16px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 3px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
nav.contents ol { margin: 4px 0 12px; padding-left: 22px; columns: 2; }
nav.contents a { color: var(--ink); }
figure.chart { margin: 14px 0 20px; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
table { border-collapse: collapse; margin: 8px 0 18px; font-size: 12.5px; break-inside: avoid; }
caption { caption-side: top; text-align: left; font-size: 12.5px; color: var(--muted); padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.flag td { font-weight: 600; }
.chart-svg { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; background: #fff; }
.chart-svg text { fill: var(--ink); font-size: 12px; }
.chart-svg .chart-title { font-size: 14px; font-weight: 600; }
.chart-svg .axis-title { font-size: 12px; }
.chart-svg .tick, .chart-svg .legend { font-size: 11px; }
.chart-svg .marker-label, .chart-svg .band-label { font-size: 10.5px; fill: var(--muted); }
.chart-svg .no-data { font-size: 16px; font-weight: 600; fill: var(--muted); }
.axis { stroke: var(--ink); stroke-width: 1; }
.grid { stroke: var(--grid); stroke-width: 1; }
.marker { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 5 4; }
.band { fill: #999; fill-opacity: 0.18; stroke: none; }
.no-data-area { fill: #f6f6f6; stroke: var(--rule); }
.s0 { --c: #0072B2; } .s1 { --c: #D55E00; } .s2 { --c: #009E73; } .s3 { --c: #E69F00; }
.s4 { --c: #56B4E9; } .s5 { --c: #CC79A7; } .s6 { --c: #000000; } .s7 { --c: #F0E442; }
.line { fill: none; stroke: var(--c, #0072B2); stroke-width: 1.8; stroke-linejoin: round; }
.line.dashed { stroke-dasharray: 6 3; }
.dot { fill: var(--c, #0072B2); stroke: #fff; stroke-width: 0.6; }
.bar, .swatch { fill: var(--c, #0072B2); stroke: none; }
.bar.dashed, .swatch.dashed { fill-opacity: 0.55; }
.whisker { stroke: var(--ink); stroke-width: 1.2; fill: none; }
.box { fill: #cfe3f2; stroke: #0072B2; stroke-width: 1.2; }
.swatch.box { fill: #cfe3f2; stroke: #0072B2; }
.median { stroke: #0072B2; stroke-width: 2.2; }
.dot.mean { fill: #D55E00; }
.zero { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 2 2; }
.interval-significant { stroke: #D55E00; stroke-width: 2.4; }
.interval-plain { stroke: #555; stroke-width: 1.6; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: 180mm; margin: 0; padding: 0; font-size: 11pt; }
  nav.contents { display: none; }
  figure.chart svg { max-width: 180mm; }
  h2 { break-after: avoid; }
}
)CSS";
}

ReportPage::ReportPage(std::string title, std::string subtitle)
    : title_(std::move(title)), subtitle_(std::move(subtitle)) {}

void ReportPage::section(std::string_view heading, std::string_view intro) {
    body_ += "<h2 id=\"" + anchor(headings_.size()) + "\">" + svg::escape(heading) + "</h2>\n";
    headings_.emplace_back(heading);
    if (!intro.empty()) paragraph(intro);
}

void ReportPage::figure(std::string figure_markup) { body_ += figure_markup; }

void ReportPage::table(const std::vector<TableColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows, std::string_view caption) {
    body_ += "<table>\n";
    if (!caption.empty()) body_ += "<caption>" + svg::escape(caption) + "</caption>\n";
    body_ += "<thead><tr>";
    for (const TableColumn& c : columns)
        body_ += std::string(c.numeric ? "<th class=\"num\">" : "<th>") + svg::escape(c.header) + "</th>";
    body_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        body_ += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            bool numeric = i < columns.size() && columns[i].numeric;
            body_ += std::string(numeric ? "<td class=\"num\">" : "<td>") + svg::escape(row[i]) + "</td>";
        }
        body_ += "</tr>\n";
    }
    body_ += "</tbody>\n</table>\n";
}

void ReportPage::paragraph(std::string_view text) { body_ += "<p>" + svg::escape(text) + "</p>\n"; }

std::string ReportPage::html() const {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        svg::escape(title_) + "</title>\n<style>" + std::string(report_stylesheet()) +
        "</style>\n</head>\n<body>\n<h1>" + svg::escape(title_) + "</h1>\n";
    if (!subtitle_.empty()) page += "<p class=\"subtitle\">" + svg::escape(subtitle_) + "</p>\n";
    if (headings_.size() > 1) {
        page += "<nav class=\"contents\"><ol>\n";
        for (std::size_t i = 0; i < headings_.size(); ++i)
            page += "<li><a href=\"#" + anchor(i) + "\">" + svg::escape(headings_[i]) + "</a></li>\n";
        page += "</ol></nav>\n";
    }
    return page + body_ + "</body>\n</html>\n";
}

}  // namespace corridor
