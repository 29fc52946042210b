// The `depots` section: each depot's node, organisation, stock at the start, capacity, loading
// bays and time, and the cargo arriving at it (once or repeatedly), entered in the name table the
// `fleets` section refers to. Its keys are documented in docs/scenario-reference.md, section `depots`.

#include <algorithm>
#include <string>

#include "corridor/engine/format.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// The most arrivals one inbound line makes over a run: a pipeline, not a flood of events.
constexpr Time kMostInboundArrivals = 100'000;

// `by_air: AIRFIELD`: the cargo is flown from that airfield by an airlift fleet that lands where
// the depot stands (its arrival airfield's node is the depot's node).
void read_air_route(const YAML::Node& node, const Source& source, const Build& build, const Depot& depot,
                    bool depot_placed, const std::string& what, Inbound& in) {
    auto name = scalar_text(node, source, "by_air");
    if (!name) return;
    auto field = find_name(build.airfield, *name, "airfield", node, source);
    if (!field) return;
    const Theatre& t = build.theatre;
    if (!depot_placed) return;  // its node is wrong, and said so
    bool flown = std::any_of(t.airlift.begin(), t.airlift.end(), [&](const AirliftFleet& fleet) {
        return fleet.from == *field && t.airfields[fleet.to].node == depot.node;
    });
    if (!flown)
        source.error(node, "cargo for " + what + " cannot be flown from '" + *name +
                               "': no airlift fleet flies from there to an airfield at the depot's node '" +
                               t.network().node(depot.node).id + "' (put an airhead depot at the arrival airfield)");
    else
        in.by_air = *field;
}

void read_inbound(const YAML::Node& node, const Source& source, Build& build, Depot& depot, bool depot_placed,
                  const std::string& what) {
    if (!node.IsSequence()) {
        source.error(node, "inbound of " + what +
                               " must be a list of {commodity, amount, at, every, until}, not " +
                               describe(node));
        return;
    }
    for (const YAML::Node& item : node) {
        MapReader m(item, source, "an inbound delivery to " + what);
        Inbound in;
        std::optional<std::size_t> commodity;
        if (auto name = m.get("commodity", true))
            if (auto text = scalar_text(*name, source, "commodity"))
                commodity = find_name(build.commodity, *text, "commodity", *name, source);
        auto amount = m.get("amount", true);
        if (amount && commodity) {
            const Commodity& c = build.theatre.aid.commodities[*commodity];
            in.amount =
                read_amount(*amount, source, c, "inbound amount of " + c.name + " to " + what).value_or(0);
        }
        in.at = m.duration("at", false, 0, build.horizon()).value_or(0);
        auto every = m.duration("every");
        // At most a delivery a minute: a pipeline, not a flood of events.
        if (every && *every < kMinute)
            source.error(*m.get("every"),
                         "every must be at least 1min (leave it out for a single delivery)");
        else if (every)
            in.every = *every;
        auto until = m.duration("until");
        in.until = until.value_or(build.theatre.duration);
        if (until && !m.get("every"))
            source.error(*m.get("until"), "'until' needs 'every': a single delivery arrives once, at 'at'");
        else if (until && *until < in.at)
            source.error(*m.get("until"), "inbound deliveries until " + format_duration(*until) +
                                              " would end before they start at " + format_duration(in.at));
        else if (in.every > 0 && (std::min(in.until, build.horizon()) - in.at) / in.every >= kMostInboundArrivals)
            source.error(*m.get("every"), "every " + format_duration(in.every) + " from " + format_duration(in.at) +
                                              " makes more than 100,000 deliveries: give a longer interval "
                                              "(or a larger amount less often)");
        if (auto field = m.get("by_air")) read_air_route(*field, source, build, depot, depot_placed, what, in);
        if (auto priority = m.whole("priority", 0, 1000)) {
            in.priority = static_cast<int>(*priority);
            if (!m.get("by_air"))
                source.error(*m.get("priority"), "'priority' is a place on the airlift: it needs 'by_air'");
        }
        m.finish();
        if (commodity) in.commodity = *commodity;
        depot.inbound.push_back(in);
    }
}

}  // namespace

void read_depots(const Section& s, Build& build) {
    for_each_entry(s, "depots", [&](const YAML::Node& key, const YAML::Node& value) {
        Depot depot;
        depot.name = key.Scalar();
        std::string what = "depot '" + depot.name + "'";
        MapReader m(value, s.source, what);
        bool placed = false;
        if (auto found = read_place_node(m, value, build, true)) {
            depot.node = *found;
            placed = true;
        }
        if (auto org = m.get("organisation", true))
            if (auto name = scalar_text(*org, s.source, "organisation"))
                depot.organisation =
                    find_name(build.organisation, *name, "organisation", *org, s.source).value_or(0);
        depot.stock.assign(build.theatre.aid.commodities.size(), 0.0);
        if (auto stock = m.get("stock")) depot.stock = read_stock(*stock, s.source, build, what);
        if (auto capacity = positive(m, "capacity", &parse_mass_t, false)) {
            depot.capacity_t = *capacity;
            double start = stock_tonnes(depot.stock, build);
            if (start > *capacity * (1 + 1e-9))
                s.source.error(*m.get("capacity"),
                               "the stock of " + what + " at the start, " + format_tonnes(start) +
                                   ", is more than its capacity of " + format_tonnes(*capacity));
        }
        depot.bays = static_cast<int>(m.whole("bays", 1, 100).value_or(depot.bays));
        depot.loading_per_t = per_tonne_distribution(m, "load_time", what).value_or(depot.loading_per_t);
        if (auto inbound = m.get("inbound")) read_inbound(*inbound, s.source, build, depot, placed, what);
        m.finish();
        build.depot.emplace(depot.name, build.theatre.aid.depots.size());
        build.theatre.aid.depots.push_back(depot);
    });
}

}  // namespace corridor::scenario
