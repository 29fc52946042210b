// The `commodities` and `organisations` sections: each commodity's unit, mass and volume of one
// unit and what a person needs of it a day, and each organisation's loading priorities, entered in
// the name tables the later aid sections refer to. Their keys are documented in
// docs/scenario-reference.md, sections `commodities` and `organisations`.

#include <algorithm>
#include <string>

#include "corridor/engine/format.hpp"
#include "corridor/scenario/quantities.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// A person's need a day when the scenario gives none, in kg: water 15 L (Sphere Handbook 2018,
// water supply standard 2.1), food 555 g (WFP reference food basket of 2,100 kcal); else none.
double default_need_kg(const std::string& name) {
    if (name == "water") return 15;
    if (name == "food") return 0.555;
    return 0;
}

}  // namespace

void read_commodities(const Section& s, Build& build) {
    for_each_entry(s, "commodities", [&](const YAML::Node& key, const YAML::Node& value) {
        Commodity c;
        c.name = key.Scalar();
        MapReader m(value, s.source, "commodity '" + c.name + "'");
        if (auto unit = m.text("unit")) {
            if (unit->empty() || unit->find_first_of(" \t,") != std::string::npos)
                s.source.error(*m.get("unit"), "unit '" + *unit + "' must be one word, e.g. kg, L or kit");
            c.unit = *unit;
        }
        // A kilogram weighs 1kg, and so, near enough, does a litre (of water); any other unit says.
        bool weighs_a_kg = c.unit == "kg" || c.unit == "L";
        if (auto mass = positive(m, "mass", &parse_mass_t, false)) {
            if (c.unit == "kg" && *mass != 0.001)
                s.source.error(*m.get("mass"),
                               "commodity '" + c.name + "' counts in kg, so one unit weighs 1kg, not " +
                                   m.get("mass")->Scalar() + ": leave 'mass' out or change 'unit'");
            else
                c.mass_kg = *mass * 1000;
        } else if (!weighs_a_kg && m.is_map() && !m.get("mass")) {
            s.source.error(value, "commodity '" + c.name + "' counts in '" + c.unit +
                                      "': give the mass of one " + c.unit + ", e.g. 'mass: 25kg'");
        }
        if (c.unit == "L") c.volume_m3 = 0.001;
        c.volume_m3 = positive(m, "volume", &parse_volume_m3, false).value_or(c.volume_m3);
        c.daily_need = default_need_kg(c.name) / c.mass_kg;
        if (auto need = m.get("need"))
            c.daily_need =
                plain_number(*need, s.source, "need of " + c.name + " (" + c.unit + " a person a day)", 10000)
                    .value_or(c.daily_need);
        // The fuel vehicles burn (docs/model.md, "Fuel"): one commodity, in litres as tanks are.
        if (auto fuel = m.boolean("fuel"); fuel && *fuel) {
            std::optional<std::size_t>& named = build.theatre.aid.fuel;
            if (c.unit != "L")
                s.source.error(*m.get("fuel"), "commodity '" + c.name +
                                                   "' is the fuel, so it must count in litres "
                                                   "('unit: L', as tanks and consumption do), not '" +
                                                   c.unit + "'");
            else if (named)
                s.source.error(*m.get("fuel"),
                               "commodity '" + build.theatre.aid.commodities[*named].name +
                                   "' is the fuel already: only one commodity may say 'fuel: true'");
            else {
                c.fuel = true;
                named = build.theatre.aid.commodities.size();
            }
        }
        m.finish();
        build.commodity.emplace(c.name, build.theatre.aid.commodities.size());
        build.theatre.aid.commodities.push_back(c);
    });
}

void read_organisations(const Section& s, Build& build) {
    for_each_entry(s, "organisations", [&](const YAML::Node& key, const YAML::Node& value) {
        Organisation o;
        o.name = key.Scalar();
        MapReader m(value, s.source, "organisation '" + o.name + "'");
        if (auto priorities = m.get("priorities")) {
            if (!priorities->IsSequence())
                s.source.error(*priorities, "priorities of organisation '" + o.name +
                                                "' must be a list of commodities, not " +
                                                describe(*priorities));
            else
                for (const YAML::Node& item : *priorities)
                    if (auto name = scalar_text(item, s.source, "a priority"))
                        if (auto c = find_name(build.commodity, *name, "commodity", item, s.source)) {
                            if (std::find(o.priorities.begin(), o.priorities.end(), *c) != o.priorities.end())
                                s.source.error(item,
                                               "commodity '" + *name +
                                                   "' is listed twice in the priorities of organisation '" +
                                                   o.name + "'");
                            else
                                o.priorities.push_back(*c);
                        }
        }
        m.finish();
        build.organisation.emplace(o.name, build.theatre.aid.organisations.size());
        build.theatre.aid.organisations.push_back(o);
    });
}

}  // namespace corridor::scenario
