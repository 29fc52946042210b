#include "corridor/report/routes_geojson.hpp"

#include <nlohmann/json.hpp>

#include "corridor/engine/format.hpp"
#include "map_roads.hpp"

namespace corridor {
namespace {

// A JSON string; a byte that is not UTF-8 (a Latin-1 name) becomes U+FFFD, as in kpis.json.
std::string text(const std::string& value) {
    return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Fixed decimals, with "-0.000" written "0.000": the same value gives the same bytes.
std::string fixed(double x, int decimals) {
    std::string out = format_fixed(x, decimals);
    if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

std::string hours_or_null(Time t) { return t == kNever ? "null" : fixed(to_hours(t), 3); }

std::string position(const GeoPoint& p) { return "[" + fixed(p.lon, 6) + "," + fixed(p.lat, 6) + "]"; }

// Builds one feature a line: {"type":"Feature","geometry":...,"properties":{...}}.
class Features {
  public:
    void line(const std::vector<GeoPoint>& course) {
        begin("{\"type\":\"LineString\",\"coordinates\":[");
        for (std::size_t i = 0; i < course.size(); ++i) {
            if (i > 0) out_ += ',';
            out_ += position(course[i]);
        }
        out_ += "]},\"properties\":{";
    }
    void point(const NodeInfo& node, const char* kind, const std::string& name) {
        begin("{\"type\":\"Point\",\"coordinates\":" + position({node.lat, node.lon}) + "},\"properties\":{");
        property("kind", text(kind));
        property("name", text(name));
        property("node", text(node.id));
    }
    // `value` is JSON already: a number, null, or a string through text().
    void property(const char* key, const std::string& value) {
        if (out_.back() != '{') out_ += ",";
        out_ += "\"" + std::string(key) + "\":" + value;
    }
    std::string finish() { return out_ + (first_ ? "" : "}}") + "\n]}\n"; }

  private:
    void begin(const std::string& geometry) {
        if (!first_) out_ += "}},\n";
        first_ = false;
        out_ += "{\"type\":\"Feature\",\"geometry\":" + geometry;
    }
    std::string out_ = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    bool first_ = true;
};

std::string count(std::int64_t n) { return std::to_string(n); }

}  // namespace

std::string routes_geojson(const Theatre& theatre, const DeploymentResult& r) {
    const RoadNetwork& net = theatre.network();
    Features features;
    for (const MapRoad& road : map_roads(net, r)) {
        ArcIndex a = road.arc;
        features.line(net.arc_course(a));
        features.property("kind", text("road"));
        features.property("from", text(net.node(net.arc_from(a)).id));
        features.property("to", text(net.node(net.arc_to(a)).id));
        features.property("name", text(net.road_name(a)));
        features.property("class", text(std::string(to_string(net.road_class(a)))));
        features.property("one_way", road.back ? "false" : "true");
        features.property("length_km", fixed(net.length_m(a) / 1000.0, 3));
        features.property("vehicles", count(road.vehicles));
        features.property("vehicles_forward", count(road.vehicles_forward));
        features.property("vehicles_back", road.back ? count(road.vehicles - road.vehicles_forward) : "null");
        features.property("vehicle_km", fixed(road.vehicle_km, 3));
        features.property("largest_gate_queue", count(road.largest_gate_queue));
        features.property("closed_h", fixed(to_hours(road.closed), 3));
    }
    for (const PostOutcome& post : r.posts) {
        auto node = net.find_node(post.node);
        if (!node) continue;
        features.point(net.node(*node), "post", post.name);
        features.property("unit", text(post.unit));
        features.property("established_h", hours_or_null(post.established));
        features.property("not_reached", text(post.not_reached));
    }
    const Humanitarian& aid = theatre.aid;
    for (std::size_t d = 0; d < aid.depots.size(); ++d) {
        features.point(net.node(aid.depots[d].node), "depot", aid.depots[d].name);
        const bool known = d < r.depots.size();
        features.property("loadings", count(known ? r.depots[d].loadings : 0));
        features.property("mean_bay_wait_min", fixed(known ? r.depots[d].mean_bay_wait_s / 60 : 0, 1));
    }
    for (std::size_t t = 0; t < aid.towns.size(); ++t) {
        double delivered_t = 0, unmet_t = 0, unmet_person_days = 0;
        for (const SupplyOutcome& s : r.supplies) {
            if (s.town != t) continue;
            delivered_t += s.delivered * s.mass_kg / 1000;
            unmet_t += s.unmet * s.mass_kg / 1000;
            unmet_person_days += s.unmet_person_days;
        }
        features.point(net.node(aid.towns[t].node), "town", aid.towns[t].name);
        features.property("population", fixed(aid.towns[t].population, 0));
        features.property("delivered_t", fixed(delivered_t, 3));
        features.property("unmet_t", fixed(unmet_t, 3));
        features.property("unmet_person_days", fixed(unmet_person_days, 1));
    }
    for (std::size_t f = 0; f < theatre.airfields.size(); ++f) {
        const Airfield& field = theatre.airfields[f];
        if (!field.node) continue;  // an airfield off the theatre's map (the force's home base)
        const bool known = f < r.airfields.size();
        features.point(net.node(*field.node), "airfield", field.name);
        features.property("landings", count(known ? r.airfields[f].landings : 0));
        features.property("max_queue", fixed(known ? r.airfields[f].max_queue : 0, 0));
        features.property("mean_wait_min", fixed(known ? r.airfields[f].mean_wait_s / 60 : 0, 1));
    }
    for (std::size_t c = 0; c < theatre.checkpoints.size(); ++c) {
        const bool known = c < r.checkpoints.size();
        features.point(net.node(theatre.checkpoints[c].node), "checkpoint", theatre.checkpoints[c].name);
        features.property("vehicles", count(known ? r.checkpoints[c].vehicles : 0));
        features.property("mean_wait_min", fixed(known ? r.checkpoints[c].mean_wait_s / 60 : 0, 1));
        features.property("max_wait_min", fixed(known ? r.checkpoints[c].max_wait_s / 60 : 0, 1));
    }
    return features.finish();
}

}  // namespace corridor
