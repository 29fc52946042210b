// The `march` section, the theatre's march doctrine (vehicle interval, convoy size, speeds by road
// class, halts, night rules, driving limit, rest, activation threshold), and `read_march_rules`, which
// also reads a unit's own `march` keys over that doctrine. The keys are documented in
// docs/scenario-reference.md, section `march` (and `units` for a unit's own rules).

#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

// March rules from `node` over `d`: the theatre's march section, or a unit's own `march` keys.
void read_march_rules(const YAML::Node& node, const Source& source, MarchDoctrine& d,
                      const std::string& what) {
    Section section{node, source};
    const Section& s = section;
    MapReader m(node, source, what);
    if (auto v = positive(m, "vehicle_interval", &parse_length_m, false)) d.vehicle_interval_m = *v;
    if (auto v = m.whole("convoy_max_vehicles", 1, 1000)) d.convoy_max_vehicles = static_cast<int>(*v);
    if (auto speeds = m.get("speeds")) {
        MapReader sp(*speeds, s.source, "march speeds");
        for (std::size_t c = 0; c < kRoadClassCount; ++c)
            if (auto v =
                    positive(sp, std::string(to_string(static_cast<RoadClass>(c))), &parse_speed_kph, false))
                d.speed_kph[c] = *v;
        sp.finish();
    }
    if (auto halts = m.get("halts")) {
        MapReader h(*halts, s.source, "march halts");
        // A halt is a short stop in a day's march (FM 55-30); a day's rest is `minimum_rest`.
        d.first_halt_after = h.duration("first_after", false, kMinute, kDay).value_or(d.first_halt_after);
        d.first_halt = h.duration("first", false, 0, 12 * kHour).value_or(d.first_halt);
        d.halt_every = h.duration("every", false, kMinute, kDay).value_or(d.halt_every);
        d.halt = h.duration("duration", false, 0, 12 * kHour).value_or(d.halt);
        h.finish();
    }
    if (auto night = m.get("night")) {
        MapReader n(*night, s.source, "march night rules");
        d.night_from = n.parsed<Time>("from", &parse_time_of_day).value_or(d.night_from);
        d.night_to = n.parsed<Time>("to", &parse_time_of_day).value_or(d.night_to);
        if (d.night_from % kDay == d.night_to % kDay)
            s.source.error(*night,
                           "night 'from' and 'to' are the same time of day, so the night has no length "
                           "(or lasts all day): give a night such as from \"18:00\" to \"06:00\"");
        if (auto mode = n.get("mode")) {
            std::string text = mode->IsScalar() ? mode->Scalar() : "";
            if (text == "drive")
                d.night_mode = NightMode::drive;
            else if (text == "blackout")
                d.night_mode = NightMode::blackout;
            else if (text == "stop")
                d.night_mode = NightMode::stop;
            else
                s.source.error(*mode, "night mode must be drive, blackout or stop, not " + describe(*mode));
        }
        n.finish();
    }
    if (auto limit = m.duration("daily_driving_limit")) {
        if (*limit < kHour || *limit > kDay)
            s.source.error(*m.get("daily_driving_limit"), "daily_driving_limit must lie between 1h and 24h");
        else
            d.daily_driving_limit = *limit;
    }
    if (auto rest = m.duration("minimum_rest")) {
        if (*rest > kDay)
            s.source.error(*m.get("minimum_rest"), "minimum_rest must be at most 24h");
        else
            d.minimum_rest = *rest;
    }
    if (auto threshold = m.parsed<double>("activation_threshold", &parse_fraction)) {
        if (*threshold <= 0)
            s.source.error(*m.get("activation_threshold"), "activation_threshold must be more than 0%");
        else
            d.activation_threshold = *threshold;
    }
    m.finish();
}

void read_march(const Section& s, Build& build) {
    read_march_rules(s.node, s.source, build.theatre.march, "the march section");
}

}  // namespace corridor::scenario
