#pragma once
// Helpers shared by the section readers (sim/scenario/read_*.cpp) and the whole-scenario checks
// (checks.cpp): walking a section's entries or items, reading a quantity that must be more than
// zero, and the amounts, stocks and times per tonne of the aid part. Private to the scenario layer.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corridor/engine/result.hpp"
#include "sections.hpp"

namespace corridor::scenario {

// Calls `each(name_node, value_node)` for every entry of a map section.
template <class Each>
void for_each_entry(const Section& s, const char* what, Each each) {
    if (!s.node.IsMap()) {
        s.source.error(s.node, std::string(what) + " must be a map from names to their description, not " +
                                   describe(s.node));
        return;
    }
    for (auto it = s.node.begin(); it != s.node.end(); ++it) each(it->first, it->second);
}

template <class Each>
void for_each_item(const Section& s, const char* what, Each each) {
    if (!s.node.IsSequence()) {
        s.source.error(s.node, std::string(what) + " must be a list, not " + describe(s.node));
        return;
    }
    for (const YAML::Node& item : s.node) each(item);
}

std::string format_tonnes(double t);

/// The items of a list, or a single value taken as a list of one (`towns: Camp` = `towns: [Camp]`).
std::vector<YAML::Node> one_or_many(const YAML::Node& node);
/// The names of a list (or one name), each looked up in `table`: an unknown one is reported with a
/// hint, and one listed twice as "KIND 'X' is listed twice for WHAT". The indices found, in order,
/// each once, with the node it was written at.
std::vector<std::pair<std::size_t, YAML::Node>> find_names(const YAML::Node& node, const Source& source,
                                                           const std::map<std::string, std::size_t>& table,
                                                           const char* kind, const std::string& what);

/// Times of day in increasing order (`["06:00", "14:00"]`, or one), as `key` (e.g. "departures")
/// of its owner; each wrong one is reported where it stands, and an empty list too.
std::vector<Time> read_times_of_day(const YAML::Node& node, const Source& source, const std::string& key);
/// A road named by its two end nodes (`[GOR, KRN]`): the arcs joining them, both directions, and
/// its name "GOR-KRN"; reported and none when it is not a pair of nodes joined by a road.
std::optional<std::pair<std::vector<ArcIndex>, std::string>> read_road(const YAML::Node& node, const Source& source,
                                                                       const Build& build);

/// A distribution of durations, one of `{fixed: D}`, `{exponential: MEAN}`, `{triangular: [MIN,
/// MODE, MAX]}`, `{lognormal: [MEAN, SD]}`, `{uniform: [MIN, MAX]}`; `noun` names it in messages
/// ("service": "triangular service needs min <= mode <= max"). With `per_tonne_key`, each
/// parameter is a time per tonne instead (`{exponential: 6min/t}`), named as that key in messages.
ServiceTime read_distribution(const YAML::Node& node, const Source& source, const std::string& what,
                              const std::string& noun, const std::string& per_tonne_key = "");

// Random disruptions (read_random_closures.cpp, read_incidents.cpp).

/// A rate (closures per km a day, incidents a day): a plain number more than 0 and at most
/// `most`; `example` shows one in the message.
std::optional<double> read_rate(MapReader& m, const std::string& key, double most, const std::string& what,
                                const std::string& example);
/// How long each random disruption lasts: a fixed duration written plainly, or a distribution.
ServiceTime read_length(MapReader& m, const Build& build, const std::string& what);
/// When a rule of random disruptions applies: `from` (default the start) to `until` (default the
/// end), `until` after `from`; `what` names them in the message ("random closures").
std::pair<Time, Time> read_window(MapReader& m, const YAML::Node& item, const Build& build, const std::string& what);
/// `area: {around: NODE, radius: 20km}`: the roads with an end within the radius of the node.
std::optional<Area> read_area(const YAML::Node& node, const Source& source, const Build& build,
                              const std::string& what);

std::optional<double> positive(MapReader& m, const std::string& key,
                               Result<double> (*parse)(std::string_view), bool required);

/// The keys of a repair job (a disruption's, a town service's; read_repairs.cpp): `repair`, the
/// team-hours of work that end it, more than 0h, not with an `until` (`ends` says how the job
/// otherwise ends: "a disruption ends"); `priority`, 1 to 1,000, lower first, and `team`, the kind
/// of repair team for it, both only with `repair`.
void read_repair_job(MapReader& m, const Build& build, const std::string& ends, Time& work, int& priority,
                     std::optional<std::size_t>& team);

// The aid part (read_commodities.cpp to read_fleets.cpp).

/// The most of a commodity any stock or delivery holds, in its units.
inline constexpr double kMostUnits = 1e12;

/// A plain number from 0 to `most`, without a unit (a need a person a day); `what` names it.
std::optional<double> plain_number(const YAML::Node& node, const Source& source, const std::string& what,
                                   double most);
/// An amount of commodity `c`: a number of its units, or a mass (`20t`, `500kg`) turned into units
/// by its mass per unit, or, when `units_a_day` is given, a duration (`3d`, `12h`) meaning that
/// many days at that rate. At most kMostUnits; `what` names it in messages.
std::optional<double> read_amount(const YAML::Node& node, const Source& source, const Commodity& c,
                                  const std::string& what, std::optional<double> units_a_day = std::nullopt);
/// A `stock` map of commodity: amount, in units by commodity (zero for those not named). A town's
/// stock passes its need a day by commodity (`daily`), which allows days of need.
std::vector<double> read_stock(const YAML::Node& node, const Source& source, const Build& build,
                               const std::string& owner, const std::vector<double>* daily = nullptr);
/// The mass of `stock` in tonnes.
double stock_tonnes(const std::vector<double>& stock, const Build& build);
/// A time per tonne handled (`6min/t`), at most a day a tonne.
std::optional<Time> per_tonne(MapReader& m, const std::string& key);
/// The same written plainly (fixed), or a distribution of it (`{exponential: 6min/t}`, any of
/// read_distribution's forms); `what` names its owner.
std::optional<ServiceTime> per_tonne_distribution(MapReader& m, const std::string& key,
                                                  const std::string& what);

}  // namespace corridor::scenario
