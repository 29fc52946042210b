// The non-template helpers of section_helpers.hpp, shared by the section readers: a mass in
// tonnes for messages, a quantity read with its unit that must be more than zero, and the
// lists written as one value or many, names looked up in a list, distributions of durations, the
// amounts, stocks and times per tonne of the aid part (docs/scenario-reference.md, "Amounts").

#include "section_helpers.hpp"

#include <algorithm>
#include <cmath>

#include "corridor/engine/format.hpp"
#include "corridor/scenario/quantities.hpp"

namespace corridor::scenario {

std::string format_tonnes(double t) { return format_number(t) + " t"; }

std::optional<double> positive(MapReader& m, const std::string& key,
                               Result<double> (*parse)(std::string_view), bool required) {
    auto value = m.parsed<double>(key, parse, required);
    if (value && *value <= 0) {
        m.source().error(*m.get(key), key + " must be more than zero");
        return std::nullopt;
    }
    return value;
}

std::optional<double> read_rate(MapReader& m, const std::string& key, double most, const std::string& what,
                                const std::string& example) {
    auto node = m.get(key, true);
    if (!node) return std::nullopt;
    double value = -1;
    auto text = scalar_text(*node, m.source(), key);
    const char* end = text ? text->data() + text->size() : nullptr;
    if (!text || read_number(text->data(), end, value) != end || !(value > 0) || value > most) {
        m.source().error(*node, key + " must be a number of " + what + ", more than 0 and at most " +
                                    format_number(most) + " (e.g. " + example + "), not '" +
                                    (text ? *text : std::string()) + "'");
        return std::nullopt;
    }
    return value;
}

ServiceTime read_length(MapReader& m, const Build& build, const std::string& what) {
    ServiceTime length;
    auto node = m.get("duration", true);
    if (!node) return length;
    if (node->IsScalar()) {  // a fixed length, written plainly
        auto fixed = m.duration("duration", true, kSecond, build.horizon());
        length.kind = ServiceKind::fixed;
        length.seconds[0] = fixed ? to_seconds(*fixed) : 0;
        return length;
    }
    return read_distribution(*node, m.source(), what, "duration");
}

std::pair<Time, Time> read_window(MapReader& m, const YAML::Node& item, const Build& build,
                                  const std::string& what) {
    Time from = m.duration("from", false, 0, build.horizon()).value_or(0);
    Time until = m.duration("until").value_or(build.theatre.duration);
    auto node = m.get("until");
    // (Without 'until', a scenario whose duration is wrong, and said so, makes no second error.)
    if (until <= from && (node || build.theatre.duration > 0))
        m.source().error(node ? *node : item, what + " must end ('until') after they start ('from')");
    return {from, until};
}

std::optional<Area> read_area(const YAML::Node& node, const Source& source, const Build& build,
                              const std::string& what) {
    MapReader m(node, source, "the area of " + what);
    Area area;
    bool placed = false;
    if (auto around = m.get("around", true))
        if (auto id = scalar_text(*around, source, "around"))
            if (auto found = find_node(build, *id, *around, source)) {
                area.around = *found;
                placed = true;
                if (!build.theatre.network().node(*found).has_coordinates()) {
                    source.error(*around, "the area of " + what + " is drawn around node '" + *id +
                                              "', which has no coordinates (give the network lat and lon)");
                    placed = false;
                }
            }
    auto radius = positive(m, "radius", &parse_length_m, true);
    m.finish();
    if (!placed || !radius) return std::nullopt;
    area.radius_m = *radius;
    const RoadNetwork& net = build.theatre.network();
    const double centre_lat = net.node_lat(area.around), centre_lon = net.node_lon(area.around);
    auto inside = [&](NodeIndex v) {
        return net.node_has_coordinates(v) &&
               great_circle_m(centre_lat, centre_lon, net.node_lat(v), net.node_lon(v)) <= area.radius_m;
    };
    for (ArcIndex a = 0; a < net.arc_count(); ++a)
        if (inside(net.arc_from(a)) || inside(net.arc_to(a))) area.arcs.push_back(a);
    if (area.arcs.empty()) {
        source.error(node, "the area of " + what + " (" + format_number(area.radius_m / 1000.0) +
                               " km around '" + net.node_id(area.around) +
                               "') holds no road: give a larger radius");
        return std::nullopt;
    }
    return area;
}

std::optional<double> plain_number(const YAML::Node& node, const Source& source, const std::string& what,
                                   double most) {
    auto text = scalar_text(node, source, what);
    if (!text) return std::nullopt;
    double value = NAN;
    const char* last = text->data() + text->size();
    const char* end = read_number(text->data(), last, value);
    // (Written so that NaN fails: every comparison with it is false.)
    if (end == text->data() || end != last || !(value >= 0 && value <= most)) {
        source.error(node,
                     what + " must be a number from 0 to " + format_number(most) + ", not " + describe(node));
        return std::nullopt;
    }
    return value;
}

std::optional<double> read_amount(const YAML::Node& node, const Source& source, const Commodity& c,
                                  const std::string& what, std::optional<double> units_a_day) {
    auto text = scalar_text(node, source, what);
    if (!text) return std::nullopt;
    double number = NAN;
    const char* last = text->data() + text->size();
    const char* end = read_number(text->data(), last, number);
    std::string rest(end, last);
    rest.erase(0, rest.find_first_not_of(' '));
    auto refuse = [&](const std::string& why) {
        source.error(node, what + " " + why);
        return std::nullopt;
    };
    if (end != text->data() && number < 0) return refuse("cannot be negative, not '" + *text + "'");
    double units = NAN;
    if (end != text->data() && rest.empty()) {
        units = number;
    } else if (end != text->data() && (rest == "t" || rest == "kg")) {
        auto tonnes = parse_mass_t(*text);
        if (!tonnes) {
            source.error(node, what + ": " + tonnes.error());
            return std::nullopt;
        }
        units = tonnes.value() * 1000 / c.mass_kg;
    } else if (auto time = parse_duration(*text); end != text->data() && time) {
        if (!units_a_day)
            return refuse("cannot be a duration ('" + *text +
                          "'): days of need count only in a town's stock; " + "give a number of " + c.unit +
                          " or a mass");
        units = static_cast<double>(time.value()) / kDay * *units_a_day;
    } else {
        return refuse("must be a number of " + c.unit + " (e.g. 500)" +
                      (units_a_day ? ", a mass (e.g. 20t) or days of the town's need (e.g. 3d)"
                                   : " or a mass (e.g. 20t)") +
                      ", not '" + *text + "'");
    }
    if (!(units <= kMostUnits))
        return refuse("is " + format_number(units) + " " + c.unit +
                      ", more than the limit of 1,000,000,000,000 (a typing slip?)");
    return units;
}

std::vector<double> read_stock(const YAML::Node& node, const Source& source, const Build& build,
                               const std::string& owner, const std::vector<double>* daily) {
    const std::vector<Commodity>& commodities = build.theatre.aid.commodities;
    std::vector<double> stock(commodities.size(), 0.0);
    if (!node.IsMap()) {
        source.error(node,
                     "stock of " + owner + " must be a map of commodity: amount, not " + describe(node));
        return stock;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string name = it->first.Scalar();
        auto c = find_name(build.commodity, name, "commodity", it->first, source);
        if (!c) continue;
        std::optional<double> rate;
        if (daily) rate = (*daily)[*c];
        auto amount =
            read_amount(it->second, source, commodities[*c], "stock of " + name + " in " + owner, rate);
        if (amount) stock[*c] = *amount;
    }
    return stock;
}

double stock_tonnes(const std::vector<double>& stock, const Build& build) {
    double tonnes = 0;
    for (std::size_t c = 0; c < stock.size(); ++c)
        tonnes += stock[c] * build.theatre.aid.commodities[c].mass_kg / 1000;
    return tonnes;
}

namespace {

// A time per tonne (`6min/t`), at most a day a tonne; messages name it as `key`.
Result<Time> parse_per_tonne(const std::string& text, const std::string& key) {
    std::string time = text;
    while (!time.empty() && time.back() == ' ') time.pop_back();
    if (time.size() < 2 || time.compare(time.size() - 2, 2, "/t") != 0)
        return Error{key + " is a time per tonne: write e.g. '6min/t', not '" + text +
                     "' (the '/t' is required)"};
    auto value = parse_duration(std::string_view(time).substr(0, time.size() - 2));
    if (!value) return Error{key + ": " + value.error()};
    if (value.value() > kDay)
        return Error{key + " " + text + " is out of range: it must lie between 0s/t and 1d/t"};
    return value.value();
}

}  // namespace

std::optional<Time> per_tonne(MapReader& m, const std::string& key) {
    auto node = m.get(key);
    if (!node) return std::nullopt;
    auto text = scalar_text(*node, m.source(), key);
    if (!text) return std::nullopt;
    auto value = parse_per_tonne(*text, key);
    if (!value) {
        m.source().error(*node, value.error());
        return std::nullopt;
    }
    return value.value();
}

std::optional<ServiceTime> per_tonne_distribution(MapReader& m, const std::string& key,
                                                  const std::string& what) {
    auto node = m.get(key);
    if (!node) return std::nullopt;
    if (node->IsMap())
        return read_distribution(*node, m.source(), "the " + key + " of " + what, "loading", key);
    auto fixed = per_tonne(m, key);
    if (!fixed) return std::nullopt;
    return ServiceTime{ServiceKind::fixed, {to_seconds(*fixed), 0, 0}};
}

std::vector<YAML::Node> one_or_many(const YAML::Node& node) {
    std::vector<YAML::Node> items;
    if (node.IsSequence())
        for (const YAML::Node& item : node) items.push_back(item);
    else
        items.push_back(node);
    return items;
}

std::vector<Time> read_times_of_day(const YAML::Node& node, const Source& source, const std::string& key) {
    std::vector<Time> times;
    std::vector<YAML::Node> items = one_or_many(node);
    for (const YAML::Node& item : items) {
        auto text = scalar_text(item, source, "a " + (key == "departures" ? std::string("departure time") : key));
        if (!text) continue;
        auto at = parse_time_of_day(*text);
        if (!at) {
            source.error(item, key + ": " + at.error());
            continue;
        }
        if (at.value() >= kDay) {
            source.error(item, key + ": '" + *text + "' is not a time of day (a day runs from 00:00 to "
                                     "23:59): write \"00:00\", first in the list");
            continue;
        }
        if (!times.empty() && at.value() <= times.back()) {
            source.error(item, key + " must come in increasing time of day ('" + *text +
                                   "' is not after the one before)");
            continue;
        }
        times.push_back(at.value());
    }
    if (items.empty()) source.error(node, key + " lists no time of day");
    return times;
}

std::optional<std::pair<std::vector<ArcIndex>, std::string>> read_road(const YAML::Node& node, const Source& source,
                                                                       const Build& build) {
    if (!node.IsSequence() || node.size() != 2) {
        source.error(node, "road must name its two end nodes, e.g. [GOR, KRN], not " + describe(node));
        return std::nullopt;
    }
    std::optional<NodeIndex> ends[2];
    for (std::size_t e = 0; e < 2; ++e)
        if (auto id = scalar_text(node[e], source, "a road end")) ends[e] = find_node(build, *id, node[e], source);
    if (!ends[0] || !ends[1]) return std::nullopt;
    const RoadNetwork& net = build.theatre.network();
    std::vector<ArcIndex> arcs = net.arcs_between(*ends[0], *ends[1]);
    for (ArcIndex a : net.arcs_between(*ends[1], *ends[0])) arcs.push_back(a);
    if (arcs.empty()) {
        source.error(node, "no road joins " + net.node(*ends[0]).id + " and " + net.node(*ends[1]).id);
        return std::nullopt;
    }
    return std::make_pair(arcs, net.node(*ends[0]).id + "-" + net.node(*ends[1]).id);
}

std::vector<std::pair<std::size_t, YAML::Node>> find_names(const YAML::Node& node, const Source& source,
                                                           const std::map<std::string, std::size_t>& table,
                                                           const char* kind, const std::string& what) {
    std::vector<std::pair<std::size_t, YAML::Node>> found;
    for (const YAML::Node& item : one_or_many(node))
        if (auto name = scalar_text(item, source, std::string("a ") + kind))
            if (auto index = find_name(table, *name, kind, item, source)) {
                bool twice = std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.first == *index; });
                if (twice)
                    source.error(item, std::string(kind) + " '" + *name + "' is listed twice for " + what);
                else
                    found.push_back({*index, item});
            }
    return found;
}

ServiceTime read_distribution(const YAML::Node& node, const Source& source, const std::string& what,
                              const std::string& noun, const std::string& per_tonne_key) {
    ServiceTime out;
    MapReader sv(node, source, what);
    int given = 0;
    auto seconds = [&](const YAML::Node& part) -> double {
        auto text = scalar_text(part, source, "a " + noun + " time");
        if (!text) return -1;
        auto t = per_tonne_key.empty() ? parse_duration(*text) : parse_per_tonne(*text, per_tonne_key);
        if (!t) {
            source.error(part, t.error());
            return -1;
        }
        return to_seconds(t.value());
    };
    struct Form {
        const char* key;
        ServiceKind kind;
        std::size_t parameters;
    };
    for (Form form :
         {Form{"fixed", ServiceKind::fixed, 1}, Form{"exponential", ServiceKind::exponential, 1},
          Form{"triangular", ServiceKind::triangular, 3},
          Form{"lognormal", ServiceKind::lognormal, 2}, Form{"uniform", ServiceKind::uniform, 2}}) {
        auto value = sv.get(form.key);
        if (!value) continue;
        ++given;
        out.kind = form.kind;
        std::vector<YAML::Node> parts = one_or_many(*value);
        if (parts.size() != form.parameters) {
            std::string unit = per_tonne_key.empty()
                                   ? (form.parameters == 1 ? " duration" : " durations")
                                   : (form.parameters == 1 ? " time per tonne" : " times per tonne");
            source.error(*value, std::string(form.key) + " " + noun + " takes " +
                                     std::to_string(form.parameters) + unit +
                                     (form.parameters == 1 ? "" : " in a list"));
            continue;
        }
        bool read = true;  // (a part that is not a time is said once, not again as a bad shape)
        for (std::size_t i = 0; i < parts.size(); ++i) {
            out.seconds[i] = seconds(parts[i]);
            read = read && out.seconds[i] >= 0;
        }
        if (!read) continue;
        const auto& p = out.seconds;
        if (form.kind == ServiceKind::triangular && !(p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2]))
            source.error(*value, "triangular " + noun + " needs min <= mode <= max, with min < max");
        if (form.kind == ServiceKind::uniform && !(p[0] < p[1]))
            source.error(*value, "uniform " + noun + " needs min < max");
        if ((form.kind == ServiceKind::exponential || form.kind == ServiceKind::lognormal) &&
            p[0] <= 0)
            source.error(*value, std::string(form.key) + " " + noun + " needs a mean longer than " +
                                     (per_tonne_key.empty() ? "0s" : "0s/t"));
    }
    sv.finish();
    if (given != 1 && sv.is_map())
        source.error(node, "give the " + noun + " time as exactly one of fixed, exponential, triangular, "
                       "lognormal, uniform");
    return out;
}

}  // namespace corridor::scenario
