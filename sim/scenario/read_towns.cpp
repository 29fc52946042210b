// The `towns` section: each town or camp's node, population (fixed, or changing over time), needs
// a person a day, stock at the start, storage and the cover its deliveries aim at, entered in the
// name table the `fleets` section refers to; with a warning for a commodity some town needs that
// no depot stocks or receives. Its keys are documented in docs/scenario-reference.md, section `towns`.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "corridor/engine/format.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

constexpr long long kMostPeople = 100000000;

// `population`: a whole number, or a list of {at, people} in increasing time from 0h.
void read_population(const YAML::Node& node, const Source& source, const Build& build, Town& town,
                     const std::string& what) {
    if (!node.IsSequence()) {
        long long people = 0;
        if (!node.IsScalar() || !read_whole(node.Scalar(), people) || people < 0 || people > kMostPeople)
            source.error(node, "population of " + what + " must be a whole number from 0 to " +
                                   std::to_string(kMostPeople) + " or a list of {at, people}, not " +
                                   describe(node));
        else
            town.population = static_cast<double>(people);
        return;
    }
    if (node.size() == 0) source.error(node, "population of " + what + " is an empty list");
    std::vector<PopulationChange> changes;
    for (const YAML::Node& item : node) {
        MapReader m(item, source, "a population change of " + what);
        auto at = m.duration("at", true, 0, build.horizon());
        auto people = m.whole("people", 0, kMostPeople, true);
        m.finish();
        if (!at || !people) continue;
        if (changes.empty() && *at != 0) {
            // (Kept, so that the entries after it are checked against it.)
            source.error(*m.get("at"),
                         "the first population of " + what + " is the one at the start: give it 'at: 0h'");
        }
        if (!changes.empty() && *at <= changes.back().at) {
            source.error(*m.get("at"), "population change at " + format_duration(*at) +
                                           " goes back in time (the one before is at " +
                                           format_duration(changes.back().at) +
                                           "): changes must come in increasing time");
            continue;
        }
        changes.push_back({*at, static_cast<double>(*people)});
    }
    // The entry at 0h is the start; the theatre keeps only later changes.
    if (changes.empty()) return;
    town.population = changes.front().people;
    town.population_changes.assign(changes.begin() + 1, changes.end());
}

// Whether a service gives only its own keys: with another (perhaps a misspelt `damaged`), the
// checks that depend on `damaged` are left to the message on the unknown key.
bool only_service_keys(const YAML::Node& item) {
    static const std::set<std::string> keys{"name", "damaged", "repair", "priority", "team", "until"};
    for (auto it = item.begin(); it != item.end(); ++it)
        if (!keys.count(it->first.Scalar())) return false;
    return true;
}

// `services`: a list of names (working services) or maps {name, damaged, repair, priority, team,
// until}.
void read_services(const YAML::Node& node, const Source& source, const Build& build, Town& town,
                   const std::string& what) {
    if (!node.IsSequence()) {
        const std::string example = "[{name: water, damaged: true, repair: 40h}]";
        source.error(node,
                     "services of " + what + " must be a list, e.g. " + example + ", not " + describe(node));
        return;
    }
    for (const YAML::Node& item : node) {
        TownService service;
        if (item.IsScalar()) {
            service.name = item.Scalar();
        } else {
            MapReader m(item, source, "a service of " + what);
            service.name = m.text("name", true).value_or("");
            service.damaged = m.boolean("damaged").value_or(false);
            read_repair_job(m, build, "a damaged service is restored", service.repair_work, service.priority,
                            service.team);
            auto until = m.duration("until");
            for (const char* key : {"repair", "until"})
                if (!service.damaged && only_service_keys(item) && m.get(key))
                    source.error(*m.get(key), "service '" + service.name + "' of " + what + " is working: '" +
                                                  key + "' is for a damaged one (give 'damaged: true')");
            if (until && *until == 0)
                source.error(*m.get("until"), "until must be later than 0h (the start)");
            service.until = until.value_or(build.theatre.duration + 1);
            m.finish();
        }
        if (service.name.empty()) {
            if (item.IsScalar())
                source.error(item, "a service of " + what + " needs a name (water, power, ...)");
            continue;
        }
        for (const TownService& before : town.services)
            if (before.name == service.name)
                source.error(item, "service '" + service.name + "' is listed twice for " + what);
        town.services.push_back(service);
    }
}

}  // namespace

void read_towns(const Section& s, Build& build) {
    const std::vector<Commodity>& commodities = build.theatre.aid.commodities;
    std::vector<YAML::Node> keys;  // (for the warnings below)
    for_each_entry(s, "towns", [&](const YAML::Node& key, const YAML::Node& value) {
        Town town;
        town.name = key.Scalar();
        std::string what = "town '" + town.name + "'";
        MapReader m(value, s.source, what);
        town.node = read_place_node(m, value, build, true).value_or(0);
        if (auto population = m.get("population", true))
            read_population(*population, s.source, build, town, what);
        for (const Commodity& c : commodities) town.daily_need.push_back(c.daily_need);
        if (auto needs = m.get("needs")) {
            if (!needs->IsMap())
                s.source.error(*needs, "needs of " + what +
                                           " must be a map of commodity: need a person a day, not " +
                                           describe(*needs));
            else
                for (auto it = needs->begin(); it != needs->end(); ++it) {
                    const std::string name = it->first.Scalar();
                    if (auto c = find_name(build.commodity, name, "commodity", it->first, s.source))
                        town.daily_need[*c] =
                            plain_number(it->second, s.source,
                                         "need of " + name + " (" + commodities[*c].unit + " a person a day)",
                                         10000)
                                .value_or(town.daily_need[*c]);
                }
        }
        // Days of need in `stock` are at the population of the start.
        std::vector<double> daily(commodities.size());
        for (std::size_t c = 0; c < commodities.size(); ++c) daily[c] = town.population * town.daily_need[c];
        town.stock.assign(commodities.size(), 0.0);
        if (auto stock = m.get("stock")) town.stock = read_stock(*stock, s.source, build, what, &daily);
        if (auto storage = positive(m, "storage", &parse_mass_t, false)) {
            town.storage_t = *storage;
            double start = stock_tonnes(town.stock, build);
            if (start > *storage * (1 + 1e-9))
                s.source.error(*m.get("storage"),
                               "the stock of " + what + " at the start, " + format_tonnes(start) +
                                   ", is more than its storage of " + format_tonnes(*storage));
        }
        if (auto cover = m.duration("target_cover")) {
            if (*cover == 0)
                s.source.error(*m.get("target_cover"), "target_cover must be longer than 0s");
            else
                town.target_cover = *cover;
        }
        if (auto services = m.get("services")) read_services(*services, s.source, build, town, what);
        m.finish();
        keys.push_back(key);
        build.town.emplace(town.name, build.theatre.aid.towns.size());
        build.theatre.aid.towns.push_back(town);
    });
    // A commodity a town needs but no depot has or receives is never delivered. (Not said after an
    // error, which may have left a stock out.)
    if (build.diagnostics->has_errors()) return;
    const Humanitarian& aid = build.theatre.aid;
    for (std::size_t c = 0; c < commodities.size(); ++c) {
        bool supplied = false;
        for (const Depot& depot : aid.depots) {
            supplied = supplied || depot.stock[c] > 0;
            for (const Inbound& in : depot.inbound)
                supplied = supplied || (in.commodity == c && in.amount > 0);
        }
        for (std::size_t t = 0; t < aid.towns.size() && !supplied; ++t) {
            const Town& town = aid.towns[t];
            double people = town.population;
            for (const PopulationChange& change : town.population_changes)
                people = std::max(people, change.people);
            if (people * town.daily_need[c] <= 0) continue;
            build.diagnostics->warning(
                s.source.file, keys[t].Mark().line + 1, keys[t].Mark().column + 1,
                "town '" + town.name + "' needs " + commodities[c].name + " (" +
                    format_number(town.daily_need[c]) + " " + commodities[c].unit +
                    " a person a day) but no depot stocks it or receives any: beyond the stock it starts with, that "
                    "need is never met");
            break;
        }
    }
}

}  // namespace corridor::scenario
