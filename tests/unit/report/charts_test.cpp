// The report kit: escaped text, round ticks, data on the right pixel, every chart's title, axis
// titles with units and legend, the same bytes twice, and no crash on empty or degenerate data.

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <regex>
#include <string>

#include "corridor/report/charts.hpp"
#include "corridor/report/report_page.hpp"
#include "corridor/report/svg.hpp"

namespace corridor {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// What every chart must have: the figure, its svg with a size, its title, its axis titles.
void check_chart_frame(const std::string& markup, const std::string& id, const std::string& title) {
    CHECK(markup.rfind("<figure class=\"chart\" id=\"" + id + "\">", 0) == 0);
    CHECK(count(markup, "<svg ") == 1);
    CHECK(std::regex_search(markup,
                            std::regex("viewBox=\"0 0 720 [0-9.]+\" width=\"720\" height=\"[0-9.]+\"")));
    CHECK(markup.find("<title id=\"" + id + "-title\">" + title + "</title>") != std::string::npos);
    CHECK(markup.find("aria-labelledby=\"" + id + "-title\"") != std::string::npos);
    CHECK(markup.find("class=\"chart-title\">" + title + "</text>") != std::string::npos);
    CHECK(markup.find("<figcaption>") != std::string::npos);
    CHECK(markup.find("nan") == std::string::npos);
    CHECK(markup.find("inf") == std::string::npos);
    CHECK(markup.find("style=") == std::string::npos);
}

chart::XyChart closure_profile() {
    chart::XyChart c;
    c.id = "closure";
    c.title = "Closure profile";
    c.caption = "Posts established over time.";
    c.x = {"Time since start", "days", 0.0, 10.0};
    c.y = {"Posts established", "%", 0.0, 100.0};
    c.series = {{"Posts", {0, 5, 10}, {0, 50, 100}}};
    c.markers = {{5, "50%"}};
    return c;
}

}  // namespace

TEST_CASE("user text is escaped for XML and HTML") {
    CHECK(svg::escape("Tom & Jerry's <road> \"A\"") == "Tom &amp; Jerry&#39;s &lt;road&gt; &quot;A&quot;");
    svg::Writer out(100, 50, "<b>&", "x");
    out.text(1, 2, "Goris <-> Lachin", "tick");
    std::string markup = out.finish();
    CHECK(markup.find("&lt;b&gt;&amp;") != std::string::npos);
    CHECK(markup.find("Goris &lt;-&gt; Lachin") != std::string::npos);
    CHECK(markup.find("<b>") == std::string::npos);

    ReportPage page("Run of <Lachin>", "seed 1 & 2");
    page.section("Roads", "R1 < R2");
    page.table({{"Road"}, {"Delay (h)", true}}, {{"A&B", "1.5"}}, "Roads by <delay>");
    std::string html = page.html();
    CHECK(html.find("<h1>Run of &lt;Lachin&gt;</h1>") != std::string::npos);
    CHECK(html.find("<td>A&amp;B</td><td class=\"num\">1.5</td>") != std::string::npos);
    CHECK(html.find("<th class=\"num\">Delay (h)</th>") != std::string::npos);
    CHECK(html.find("Roads by &lt;delay&gt;") != std::string::npos);
}

TEST_CASE("coordinates print with at most two decimals and never -0") {
    CHECK(svg::num(1.0) == "1");
    CHECK(svg::num(2.5) == "2.5");
    CHECK(svg::num(3.14159) == "3.14");
    CHECK(svg::num(-0.001) == "0");
    CHECK(svg::num(-12.3456) == "-12.35");
    CHECK(svg::num(nan) == "0");
    CHECK(svg::num(std::numeric_limits<double>::infinity()) == "0");
}

TEST_CASE("ticks are round 1-2-5 values covering the range") {
    CHECK(chart::nice_ticks(0, 10, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(chart::nice_ticks(0, 97, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(chart::nice_ticks(3.2, 7.9, 5) == std::vector<double>{3, 4, 5, 6, 7, 8});
    auto small = chart::nice_ticks(0, 0.9, 5);  // the smallest 1-2-5 step giving at most 5 intervals
    REQUIRE(small.size() == 6);
    CHECK(small[1] == Approx(0.2));
    CHECK(small.back() == Approx(1.0));
    auto negative = chart::nice_ticks(-35, 12, 5);
    CHECK(negative.front() == -40);
    CHECK(negative.back() == 20);
    // One value: a range around it, the value in the middle.
    CHECK(chart::nice_ticks(5, 5, 4) == std::vector<double>{4, 4.5, 5, 5.5, 6});
    CHECK(chart::nice_ticks(0, 0, 4) == std::vector<double>{-1, -0.5, 0, 0.5, 1});
    CHECK(chart::nice_ticks(nan, 3) == std::vector<double>{0, 1});
    CHECK(chart::tick_label(0.25, 0.25) == "0.25");
    CHECK(chart::tick_label(1500, 500) == "1500");
    CHECK(chart::tick_label(-1e-17, 0.2) == "0.0");
    CHECK(chart::tick_label(0.4, 0.2) == "0.4");
}

TEST_CASE("a series is drawn on the pixels its values map to") {
    chart::XyChart c = closure_profile();
    std::string markup = chart::xy_chart(c);
    // The polyline's three points: x 0, 5, 10 days, y 0, 50, 100 %.
    std::smatch m;
    REQUIRE(std::regex_search(markup, m, std::regex("<polyline points=\"([^\"]+)\" class=\"line s0\"")));
    std::vector<double> v;
    std::string points = m[1];
    const std::regex number("-?[0-9.]+");
    for (auto it = std::sregex_iterator(points.begin(), points.end(), number); it != std::sregex_iterator();
         ++it)
        v.push_back(std::stod(it->str()));
    REQUIRE(v.size() == 6);
    // The middle point is halfway along both axes, and y grows upward.
    CHECK(v[2] == Approx((v[0] + v[4]) / 2).margin(0.01));
    CHECK(v[3] == Approx((v[1] + v[5]) / 2).margin(0.01));
    CHECK(v[1] > v[5]);
    // x = 10 days is the right end of the plot area, where the axis line ends.
    CHECK(markup.find("x2=\"" + svg::num(v[4]) + "\" y2=\"" + svg::num(v[1]) + "\" class=\"axis\"") !=
          std::string::npos);
    // The tick "5" sits at x = 5 days, under the middle point.
    CHECK(markup.find("<text x=\"" + svg::num(v[2]) + "\" y=\"") != std::string::npos);
    // The marker at 5 days is the dashed line through the middle point.
    CHECK(markup.find("<line x1=\"" + svg::num(v[2]) + "\" y1=\"") != std::string::npos);
    CHECK(markup.find("class=\"marker\"") != std::string::npos);
    CHECK(markup.find(">50%</text>") != std::string::npos);
}

TEST_CASE("step series hold their value until the next point") {
    chart::XyChart c = closure_profile();
    c.series[0].style = chart::Series::Style::step;
    std::string markup = chart::xy_chart(c);
    std::smatch m;
    REQUIRE(std::regex_search(markup, m, std::regex("<polyline points=\"([^\"]+)\"")));
    // Three points become five: each rise is vertical.
    CHECK(std::count(m[1].first, m[1].second, ',') == 5);
}

TEST_CASE("every chart kind has a title, axis titles with units and a legend for several series") {
    chart::XyChart xy = closure_profile();
    xy.series.push_back({"Aid convoys", {0, 10}, {10, 20}, chart::Series::Style::points});
    std::string a = chart::xy_chart(xy);
    check_chart_frame(a, "closure", "Closure profile");
    CHECK(a.find("Time since start (days)") != std::string::npos);
    CHECK(a.find("Posts established (%)") != std::string::npos);
    CHECK(a.find("class=\"legend\">Posts</text>") != std::string::npos);
    CHECK(a.find("class=\"legend\">Aid convoys</text>") != std::string::npos);
    CHECK(count(a, "class=\"dot s1\"") == 2 + 1);  // two points and the legend's swatch

    chart::XyChart one = closure_profile();
    CHECK(chart::xy_chart(one).find("class=\"legend\"") == std::string::npos);  // one series: no legend

    chart::BarChart bars{"sobol",
                         "First-order Sobol indices",
                         "",
                         {"Share of variance", "%", {}, {}},
                         {{"first order", {{"speed", 40, 35, 45}, {"crews", 10, {}, {}}}},
                          {"total", {{"speed", 55, 50, 60}, {"crews", 12, {}, {}}}}},
                         true,
                         ""};
    std::string b = chart::bar_chart(bars);
    check_chart_frame(b, "sobol", "First-order Sobol indices");
    CHECK(b.find("Share of variance (%)") != std::string::npos);
    CHECK(count(b, "class=\"bar s0\"") == 2);
    CHECK(count(b, "class=\"bar s1\"") == 2);
    CHECK(count(b, "class=\"whisker\"") == 6);  // two intervals, three strokes each
    CHECK(b.find("class=\"legend\">total</text>") != std::string::npos);
    bars.horizontal = false;
    bars.category_label = "Parameter";
    std::string bv = chart::bar_chart(bars);
    check_chart_frame(bv, "sobol", "First-order Sobol indices");
    CHECK(bv.find(">Parameter</text>") != std::string::npos);

    chart::BoxChart boxes{"wait",  "Wait by point",
                          "",      {"Mean wait", "min", {}, {}},
                          "Point", {{"p1", 1, 2, 3, 4, 5, 3.2}, {"p2", 2, 3, 3, 6, 9, {}}}};
    std::string c = chart::box_chart(boxes);
    check_chart_frame(c, "wait", "Wait by point");
    CHECK(c.find("Mean wait (min)") != std::string::npos);
    CHECK(c.find(">Point</text>") != std::string::npos);
    CHECK(count(c, "class=\"box\"") == 2);
    CHECK(count(c, "class=\"median\"") == 2);
    CHECK(count(c, "class=\"dot mean\"") == 1 + 1);  // one mean and the key's dot

    chart::LaneChart lanes{
        "closures",
        "Closures and repairs",
        "",
        {"Time since start", "days", {}, {}},
        {{"R1 Goris-Lachin", {{1, 2, "closed"}, {2, 3, "repair"}}}, {"R2", {{0.5, 4, "closed"}}}}};
    std::string d = chart::lane_chart(lanes);
    check_chart_frame(d, "closures", "Closures and repairs");
    CHECK(d.find("Time since start (days)") != std::string::npos);
    CHECK(count(d, "class=\"bar s0\"") == 2);
    CHECK(count(d, "class=\"bar s1\"") == 1);
    CHECK(d.find("class=\"legend\">repair</text>") != std::string::npos);

    // Damage and repair of the same road over the same hours: each on its own sub-row, neither hidden.
    chart::LaneChart overlap{"c",
                             "Closures",
                             "",
                             {"Time", "h", {}, {}},
                             {{"Hakari-Lachin", {{0, 73, "damage"}, {0, 80, "repair"}}}}};
    std::string o = chart::lane_chart(overlap);
    auto rect_y = [&](const std::string& cls) {
        std::size_t at = o.find("class=\"" + cls + "\"");
        std::size_t start = o.rfind("<rect", at);
        std::size_t y = o.find(" y=\"", start) + 4;
        return std::stod(o.substr(y, o.find('"', y) - y));
    };
    CHECK(rect_y("bar s0") < rect_y("bar s1"));
}

TEST_CASE("the same input gives the same bytes") {
    chart::XyChart c = closure_profile();
    c.series.push_back({"B", {0.1234567, 3.3333333}, {1.0 / 3, 2.0 / 3}});
    CHECK(chart::xy_chart(c) == chart::xy_chart(c));
    ReportPage page("T", "S");
    page.figure(chart::xy_chart(c));
    CHECK(page.html() == page.html());
}

TEST_CASE("empty and degenerate inputs give a readable chart or a clear no-data figure") {
    chart::XyChart empty = closure_profile();
    empty.series.clear();
    std::string e = chart::xy_chart(empty);
    check_chart_frame(e, "closure", "Closure profile");
    CHECK(e.find(">No data</text>") != std::string::npos);
    CHECK(e.find("Time since start (days)") != std::string::npos);

    chart::XyChart all_nan = closure_profile();
    all_nan.series[0].y = {nan, nan, nan};
    CHECK(chart::xy_chart(all_nan).find(">No data</text>") != std::string::npos);

    chart::XyChart one_point = closure_profile();
    one_point.x = {"Speed", "km/h", {}, {}};
    one_point.y = {"Delay", "h", {}, {}};
    one_point.series[0] = {"only", {40}, {7}};
    std::string p = chart::xy_chart(one_point);
    check_chart_frame(p, "closure", "Closure profile");
    CHECK(count(p, "<circle") == 1);  // one point is drawn as a dot, not an invisible line
    CHECK(p.find(">No data<") == std::string::npos);

    chart::XyChart flat = one_point;
    flat.series[0] = {"flat", {1, 2, 3}, {5, 5, 5}};
    std::string f = chart::xy_chart(flat);
    check_chart_frame(f, "closure", "Closure profile");
    CHECK(f.find("<polyline") != std::string::npos);

    chart::XyChart broken = one_point;
    broken.series[0] = {"gap", {1, 2, 3, 4}, {1, nan, 3, 4}};
    std::string g = chart::xy_chart(broken);
    CHECK(count(g, "<polyline") == 1);  // the NaN breaks the line: a dot, then a line
    CHECK(count(g, "<circle") == 1);

    chart::BarChart no_bars{"b", "Ranking", "", {"Delay", "h", {}, {}}, {}, true, ""};
    CHECK(chart::bar_chart(no_bars).find(">No data</text>") != std::string::npos);
    chart::BarChart zeros{
        "b", "Ranking", "", {"Delay", "h", {}, {}}, {{"", {{"R1", 0, {}, {}}, {"R2", 0, {}, {}}}}}, true, ""};
    std::string z = chart::bar_chart(zeros);
    check_chart_frame(z, "b", "Ranking");
    CHECK(z.find(">R2</text>") != std::string::npos);

    chart::BoxChart nan_boxes{
        "w", "Wait", "", {"Wait", "min", {}, {}}, "Point", {{"p", nan, 1, 2, 3, 4, {}}}};
    CHECK(chart::box_chart(nan_boxes).find(">No data</text>") != std::string::npos);
    chart::BoxChart equal{"w", "Wait", "", {"Wait", "min", {}, {}}, "Point", {{"p", 3, 3, 3, 3, 3, 3.0}}};
    std::string q = chart::box_chart(equal);
    check_chart_frame(q, "w", "Wait");
    CHECK(std::regex_search(q, std::regex("class=\"box\"")));
    CHECK(q.find("height=\"0\"") == std::string::npos);  // all equal: still a visible box

    chart::LaneChart no_lanes{"l", "Closures", "", {"Time", "days", {}, {}}, {}};
    CHECK(chart::lane_chart(no_lanes).find(">No data</text>") != std::string::npos);
}

TEST_CASE("the page is one self-contained document with one stylesheet and no script") {
    ReportPage page("Sweep", "reference theatre");
    page.section("KPIs");
    page.figure(chart::xy_chart(closure_profile()));
    page.section("Roads");
    page.paragraph("text");
    std::string html = page.html();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(html, "<style>") == 1);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("@page { size: A4") != std::string::npos);
    CHECK(html.find("break-inside: avoid") != std::string::npos);
    CHECK(html.find("<a href=\"#section-2\">Roads</a>") != std::string::npos);
}

}  // namespace corridor
