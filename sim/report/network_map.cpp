// The run report's map (docs/user-guide.md, "Reading the run report"): roads drawn along their
// shape points, coloured and dashed by class, as wide as their convoy traffic, red dashes over those
// closed for some of the run; then the theatre's places as symbols with their names and figures; a
// legend, a scale bar in kilometres and a north arrow. The projection is in map_projection.hpp.

#include "corridor/report/network_map.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "corridor/engine/format.hpp"
#include "corridor/report/svg.hpp"
#include "map_projection.hpp"
#include "map_roads.hpp"

namespace corridor {
namespace {

constexpr double kWidth = 760;  // the figure, pixels
constexpr double kMargin = 16;  // around the map's frame
constexpr double kPad = 28;     // inside the frame, so that labels at the edge stay on the map
constexpr double kMaxMapHeight = 560;
constexpr const char* kTitle = "Map of the theatre: roads by class and convoy traffic, closures and places";

// The map's own classes, beside the page's stylesheet: colours by road class (after common
// road-map practice, major roads darker), widths by traffic band, symbols.
constexpr const char* kStyle = R"(<style>
.map-frame { fill: #fbfbf7; stroke: #c8c8c8; }
.map-road { fill: none; stroke-linecap: round; stroke-linejoin: round; }
.map-motorway { stroke: #5e3c99; } .map-trunk { stroke: #0072b2; } .map-primary { stroke: #009e73; }
.map-secondary { stroke: #d58a00; } .map-tertiary { stroke: #8c6d31; stroke-dasharray: 9 3; }
.map-unclassified { stroke: #777; } .map-residential, .map-living_street, .map-service { stroke: #999; stroke-dasharray: 2 3; }
.map-track { stroke: #a67c52; stroke-dasharray: 6 4; }
.map-w0 { stroke-width: 1.2; } .map-w1 { stroke-width: 2.2; } .map-w2 { stroke-width: 3.6; }
.map-w3 { stroke-width: 5.4; } .map-w4 { stroke-width: 8; }
.map-closed { fill: none; stroke: #d62728; stroke-width: 2.4; stroke-dasharray: 7 5; stroke-linecap: butt; }
.map-town { fill: #fff; stroke: #1a1a1a; stroke-width: 1.6; }
.map-post { fill: #1b7837; stroke: #fff; stroke-width: 0.8; }
.map-depot { fill: #8c510a; stroke: #fff; stroke-width: 0.8; }
.map-airfield { fill: #0072b2; stroke: #fff; stroke-width: 0.8; }
.map-runway { stroke: #fff; stroke-width: 1.6; }
.map-checkpoint { fill: #f0e442; stroke: #1a1a1a; stroke-width: 1.2; }
.map-scale { fill: #1a1a1a; stroke: #1a1a1a; stroke-width: 1; }
.map-scale-gap { fill: #fff; stroke: #1a1a1a; stroke-width: 1; }
.map-north { fill: #1a1a1a; }
.chart-svg .map-label { font-size: 10.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart-svg .map-label.map-minor { font-size: 9px; fill: #444; }
</style>
)";

enum class Symbol { town, post, depot, airfield, checkpoint };

struct Place {
    NodeIndex node;
    Symbol symbol;
    std::string label;
};

std::string one_decimal(double x) { return format_fixed(x, 1); }

std::string points_attribute(const std::vector<std::pair<double, double>>& points) {
    std::string out;
    for (const auto& [x, y] : points) out += (out.empty() ? "" : " ") + svg::num(x) + "," + svg::num(y);
    return out;
}

void draw_symbol(svg::Writer& out, Symbol symbol, double x, double y) {
    auto polygon = [&](const std::vector<std::pair<double, double>>& points, const char* css_class) {
        out.raw("<polygon points=\"" + points_attribute(points) + "\" class=\"" + css_class + "\"/>\n");
    };
    switch (symbol) {
        case Symbol::town:
            out.circle(x, y, 5, "map-town");
            break;
        case Symbol::post:
            polygon({{x, y - 6}, {x + 5.5, y + 4}, {x - 5.5, y + 4}}, "map-post");
            break;
        case Symbol::depot:
            out.rect(x - 4.5, y - 4.5, 9, 9, "map-depot");
            break;
        case Symbol::airfield:
            out.circle(x, y, 6.5, "map-airfield");
            out.line(x - 4, y + 3, x + 4, y - 3, "map-runway");
            break;
        case Symbol::checkpoint:
            polygon({{x, y - 6.5}, {x + 6.5, y}, {x, y + 6.5}, {x - 6.5, y}}, "map-checkpoint");
            break;
    }
}

const char* symbol_name(Symbol symbol) {
    switch (symbol) {
        case Symbol::town:
            return "town";
        case Symbol::post:
            return "post";
        case Symbol::depot:
            return "depot";
        case Symbol::airfield:
            return "airfield";
        default:
            return "checkpoint (mean wait)";
    }
}

// The places of the theatre, each with its label: what a planner asks of it first.
std::vector<Place> places_of(const Theatre& theatre, const DeploymentResult& r) {
    const RoadNetwork& net = theatre.network();
    std::vector<Place> places;
    const Humanitarian& aid = theatre.aid;
    for (std::size_t t = 0; t < aid.towns.size(); ++t) {
        // In person-days, as the KPI and the aid section give it: tonnes would hide a shortage of a
        // light commodity (22 kg of medical kits short is 1,301 person-days at Martuni).
        double unmet_person_days = 0;
        for (const SupplyOutcome& s : r.supplies)
            if (s.town == t) unmet_person_days += s.unmet_person_days;
        places.push_back({aid.towns[t].node, Symbol::town,
                          aid.towns[t].name + (unmet_person_days >= 0.5
                                                   ? ": " + std::to_string(std::llround(unmet_person_days)) +
                                                         " person-days unmet"
                                                   : "")});
    }
    for (const Depot& depot : aid.depots) places.push_back({depot.node, Symbol::depot, depot.name});
    for (const Airfield& field : theatre.airfields)
        if (field.node)
            places.push_back(
                {*field.node, Symbol::airfield, field.long_name.empty() ? field.name : field.long_name});
    for (std::size_t c = 0; c < theatre.checkpoints.size(); ++c) {
        double wait_min = c < r.checkpoints.size() ? r.checkpoints[c].mean_wait_s / 60 : 0;
        places.push_back({theatre.checkpoints[c].node, Symbol::checkpoint,
                          theatre.checkpoints[c].name + ": " + one_decimal(wait_min) + " min"});
    }
    // One symbol a post, however many units hold it.
    std::vector<bool> seen(net.node_count(), false);
    for (const Post& post : theatre.posts) {
        if (seen[post.node]) continue;
        seen[post.node] = true;
        places.push_back({post.node, Symbol::post, post.name});
    }
    return places;
}

// The extent of everything drawn: nodes and shape points.
struct Extent {
    double south = std::numeric_limits<double>::infinity(), north = -south, west = south, east = -south;
    void add(double lat, double lon) {
        south = std::min(south, lat), north = std::max(north, lat);
        west = std::min(west, lon), east = std::max(east, lon);
    }
};

std::string figure(std::string svg_markup, std::string_view caption) {
    return "<figure class=\"chart\" id=\"map\">\n" + svg_markup + "\n<figcaption>" + svg::escape(caption) +
           "</figcaption>\n</figure>\n";
}

std::string no_coordinates_figure() {
    svg::Writer out(kWidth, 120, kTitle, "map");
    out.rect(kMargin, kMargin, kWidth - 2 * kMargin, 120 - 2 * kMargin, "no-data-area");
    out.text(kWidth / 2, 66, "No map: the network's nodes have no coordinates", "no-data", "middle");
    return figure(
        out.finish(),
        "Give every node lat and lon (nodes.csv, or a network read from OpenStreetMap) to draw the map.");
}

// Legend items flow left to right in rows under the map, each group's rows right of its heading.
class Legend {
  public:
    Legend(svg::Writer& out, double top) : out_(out), y_(top - kRow) {}
    // An item: its sample drawn by `draw` in a 34 px box left of (x, y), then its label.
    template <typename Draw>
    void item(std::string_view label, Draw draw) {
        double width = 40 + 6.2 * static_cast<double>(label.size()) + 16;
        if (x_ + width > kWidth - kMargin && x_ > kItems) new_row();
        draw(x_, y_ - 4);
        out_.text(x_ + 40, y_, label, "legend");
        x_ += width;
    }
    void heading(std::string_view text) {
        new_row();
        out_.text(kMargin, y_, text, "legend");
    }
    double bottom() const { return y_ + 10; }

  private:
    static constexpr double kRow = 20, kItems = kMargin + 150;
    void new_row() { x_ = kItems, y_ += kRow; }
    svg::Writer& out_;
    double x_ = kItems, y_;
};

void scale_bar(svg::Writer& out, const MapProjection& p, double x, double y, double map_width) {
    // The longest 1-2-5 length in kilometres that takes at most a quarter of the map.
    double most_km = map_width / 4 * p.km_per_px();
    double km = std::pow(10.0, std::floor(std::log10(most_km)));
    for (double step : {5.0, 2.0})
        if (km * step <= most_km) {
            km *= step;
            break;
        }
    double length = km / p.km_per_px();
    out.rect(x, y, length / 2, 5, "map-scale");
    out.rect(x + length / 2, y, length / 2, 5, "map-scale-gap");
    out.text(x, y - 4, "0", "legend", "middle");
    out.text(x + length, y - 4, format_number(km) + " km", "legend", "middle");
}

void north_arrow(svg::Writer& out, double x, double y) {
    out.raw("<polygon points=\"" + points_attribute({{x, y}, {x + 7, y + 20}, {x, y + 15}, {x - 7, y + 20}}) +
            "\" class=\"map-north\"/>\n");
    out.text(x, y + 33, "N", "legend", "middle");
}

}  // namespace

std::string network_map_figure(const Theatre& theatre, const DeploymentResult& result) {
    const RoadNetwork& net = theatre.network();
    if (!net.has_coordinates() || net.node_count() == 0) return no_coordinates_figure();

    Extent extent;
    for (NodeIndex v = 0; v < net.node_count(); ++v) extent.add(net.node_lat(v), net.node_lon(v));
    for (ArcIndex a = 0; a < net.arc_count(); ++a)
        for (const GeoPoint& point : net.shape_points(a)) extent.add(point.lat, point.lon);
    const double map_width = kWidth - 2 * kMargin;
    MapProjection p =
        MapProjection::fit(extent.south, extent.north, extent.west, extent.east, map_width - 2 * kPad,
                           kMaxMapHeight - 2 * kPad, kMargin + kPad, kMargin + kPad);
    const double map_height = p.height + 2 * kPad;

    std::vector<MapRoad> roads = map_roads(net, result);
    std::vector<Place> places = places_of(theatre, result);
    // The legend's rows are known only once laid out: lay it out on a scratch writer first.
    auto draw_legend = [&](svg::Writer& out, double top) {
        Legend legend(out, top);
        legend.heading("Roads:");
        std::vector<bool> classes(static_cast<std::size_t>(RoadClass::track) + 1, false);
        for (const MapRoad& road : roads) classes[static_cast<std::size_t>(net.road_class(road.arc))] = true;
        for (std::size_t c = 0; c < classes.size(); ++c) {
            if (!classes[c]) continue;
            std::string name(to_string(static_cast<RoadClass>(c)));
            legend.item(
                name, [&](double x, double y) { out.line(x, y, x + 34, y, "map-road map-w1 map-" + name); });
        }
        legend.heading("Vehicles, both ways:");
        for (int band = 0; band <= 4; ++band)
            legend.item(traffic_band_label(band), [&](double x, double y) {
                out.line(x, y, x + 34, y, "map-road map-unclassified map-w" + std::to_string(band));
            });
        legend.item("closed for part of the run",
                    [&](double x, double y) { out.line(x, y, x + 34, y, "map-closed"); });
        if (!places.empty()) legend.heading("Places:");
        for (Symbol symbol :
             {Symbol::town, Symbol::post, Symbol::depot, Symbol::airfield, Symbol::checkpoint}) {
            bool present = std::any_of(places.begin(), places.end(),
                                       [&](const Place& place) { return place.symbol == symbol; });
            if (present)
                legend.item(symbol_name(symbol),
                            [&](double x, double y) { draw_symbol(out, symbol, x + 17, y); });
        }
        return legend.bottom();
    };
    svg::Writer scratch(kWidth, 1, kTitle);
    const double legend_top = kMargin + map_height + 22;
    const double height = draw_legend(scratch, legend_top) + kMargin;

    svg::Writer out(kWidth, height, kTitle, "map");
    out.raw(kStyle);
    out.rect(kMargin, kMargin, map_width, map_height, "map-frame");
    auto course_of = [&](ArcIndex a) {
        std::vector<std::pair<double, double>> points;
        for (const GeoPoint& point : net.arc_course(a)) points.push_back(p(point.lat, point.lon));
        return points;
    };
    // Minor roads first, so that the main roads run over them.
    std::vector<std::size_t> order(roads.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return net.road_class(roads[a].arc) > net.road_class(roads[b].arc);
    });
    for (std::size_t i : order) {
        const MapRoad& road = roads[i];
        out.polyline(course_of(road.arc), "map-road map-" + std::string(to_string(net.road_class(road.arc))) +
                                              " map-w" + std::to_string(traffic_band(road.vehicles)));
    }
    for (const MapRoad& road : roads)
        if (road.closed > 0) out.polyline(course_of(road.arc), "map-closed");

    // Symbols, then labels over everything; labels of places at one node stack downwards.
    for (const Place& place : places) {
        auto [x, y] = p(net.node(place.node).lat, net.node(place.node).lon);
        draw_symbol(out, place.symbol, x, y);
    }
    std::map<NodeIndex, int> stacked;
    for (const Place& place : places) {
        auto [x, y] = p(net.node(place.node).lat, net.node(place.node).lon);
        int row = stacked[place.node]++;
        const bool minor = place.symbol == Symbol::post;
        // Posts lie near the towns they guard: their labels go left of the symbol and the others'
        // right, so that the two do not cover each other; either flips near the frame's edge.
        const double length = (minor ? 5.4 : 6.2) * static_cast<double>(place.label.size()) + 9;
        const bool right = minor ? x - length < kMargin : x + length < kMargin + map_width;
        out.text(right ? x + 9 : x - 9, y + 4 + 12 * row, place.label,
                 minor ? "map-label map-minor" : "map-label", right ? "start" : "end");
    }
    scale_bar(out, p, kMargin + 14, kMargin + map_height - 14, map_width);
    north_arrow(out, kMargin + map_width - 20, kMargin + 10);
    draw_legend(out, legend_top);

    return figure(
        out.finish(),
        "Roads drawn along their shape points, coloured by class, as wide as the vehicles that used "
        "them (both directions together); red dashes: closed for part of the run. Checkpoints show their "
        "mean wait, towns their unmet need. Equirectangular projection scaled by the cosine of the middle "
        "latitude, north up.");
}

}  // namespace corridor
