// Reading a sweep file: the `sweep` section (base scenario, design, points, replications, seed,
// KPIs) and the `parameters` map from paths to values or ranges. Every key is documented in
// docs/sweep-reference.md; whether a path leads somewhere and a value suits it is checked when
// the points are loaded (overrides.cpp), with the same places.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/model/theatre.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "corridor/scenario/quantities.hpp"
#include "yaml_reader.hpp"
#include "yaml_shape.hpp"

namespace corridor {
namespace scenario {
namespace {

// The most points and replications a sweep may ask for: beyond them it is a mistake, not a study.
constexpr long long kMostPoints = 1'000'000;
constexpr long long kMostReplications = 100'000;

FilePlace place(const YAML::Node& node) { return {node.Mark().line + 1, node.Mark().column + 1}; }

// A YAML value as the text an override puts into the scenario: a scalar as written, a list in
// flow style.
std::string yaml_text(const YAML::Node& node) {
    if (node.IsScalar()) return node.Scalar();
    YAML::Emitter out;
    out << YAML::Flow << node;
    return out.c_str();
}

// One end of a range: a number and the unit that follows it.
bool split_quantity(const std::string& text, double& number, std::string& unit, bool& whole) {
    const char* first = text.data();
    const char* last = first + text.size();
    const char* end = read_number(first, last, number);
    if (end == first || !std::isfinite(number)) return false;
    unit.assign(end, last);
    whole = std::string_view(first, static_cast<std::size_t>(end - first)).find_first_of(".eE") ==
            std::string_view::npos;
    return unit.find_first_of(" \t[]{},") == std::string::npos;
}

std::optional<Range> read_range(const YAML::Node& node, const Source& source) {
    if (!node.IsSequence() || node.size() != 2 || !node[0].IsScalar() || !node[1].IsScalar()) {
        source.error(node,
                     "range must be a list of two values, low and high (e.g. [2, 8] or [24h, 96h]), not " +
                         describe(node));
        return std::nullopt;
    }
    Range range;
    std::string units[2];
    bool whole[2];
    double ends[2];
    for (int e = 0; e < 2; ++e)
        if (!split_quantity(node[e].Scalar(), ends[e], units[e], whole[e])) {
            source.error(node[e],
                         "a range's end must be a number, with its unit if it has one (2, 24h, 50%), not '" +
                             node[e].Scalar() + "'");
            return std::nullopt;
        }
    if (units[0] != units[1]) {
        source.error(node[1], "both ends of a range must have the same unit: '" + units[0] + "' and '" +
                                  units[1] + "' differ");
        return std::nullopt;
    }
    if (!(ends[0] < ends[1])) {
        source.error(node, "a range's low end must be below its high end");
        return std::nullopt;
    }
    range.low = ends[0];
    range.high = ends[1];
    range.unit = units[0];
    range.whole = whole[0] && whole[1];
    return range;
}

std::optional<Design> parse_design(const std::string& text) {
    for (Design d :
         {Design::single, Design::grid, Design::lhs, Design::random, Design::sobol, Design::each_road_closed})
        if (text == design_name(d)) return d;
    return std::nullopt;
}

void read_sweep_section(const YAML::Node& node, const Source& source, SweepSpec& spec) {
    MapReader m(node, source, "the sweep section");
    if (auto name = m.text("name")) {
        if (name->empty() || name->find_first_of("/\\") != std::string::npos || name->front() == '.')
            source.error(*m.get("name"),
                         "name '" + *name +
                             "' must be usable as a folder name: no '/', no '\\', not starting with '.'");
        spec.name = *name;
    }
    if (auto scenario = m.text("scenario", true)) {
        spec.scenario = (std::filesystem::path(spec.file).parent_path() / *scenario).string();
        spec.scenario_at = place(*m.get("scenario"));
    }
    if (auto design = m.text("design")) {
        if (auto parsed = parse_design(*design)) {
            spec.design = *parsed;
        } else {
            std::vector<std::string> names = {"grid", "lhs", "random", "sobol", "each_road_closed", "single"};
            std::string message =
                "unknown design '" + *design + "' (grid, lhs, random, sobol, each_road_closed or single)";
            if (auto hint = closest_match(*design, names))
                message = "unknown design '" + *design + "'; did you mean '" + *hint + "'?";
            source.error(*m.get("design"), message);
        }
    }
    if (auto points = m.whole("points", 1, kMostPoints)) spec.points = static_cast<std::size_t>(*points);
    if (auto replications = m.whole("replications", 1, kMostReplications))
        spec.replications = static_cast<std::uint32_t>(*replications);
    if (auto seed = m.whole("seed", 0, static_cast<long long>(kMaxSeed)))
        spec.seed = static_cast<std::uint64_t>(*seed);
    if (auto kpis = m.get("kpis")) {
        if (!kpis->IsSequence() || kpis->size() == 0) {
            source.error(*kpis, "kpis must be a list of KPI names, not " + describe(*kpis) +
                                    (kpis->IsSequence() ? " list (leave kpis out to keep every KPI)" : ""));
        } else {
            for (const YAML::Node& kpi : *kpis)
                if (auto name = scalar_text(kpi, source, "a KPI")) {
                    spec.kpis.push_back(*name);
                    spec.kpi_at.push_back(place(kpi));
                }
        }
    }
    if (auto classes = m.get("closed_road_classes")) {
        std::vector<YAML::Node> items;
        if (classes->IsSequence())
            for (const YAML::Node& item : *classes) items.push_back(item);
        else
            items.push_back(*classes);
        if (classes->IsSequence() && classes->size() == 0)
            source.error(*classes,
                         "closed_road_classes lists no class (leave it out to close roads of every class)");
        for (const YAML::Node& item : items)
            if (auto text = scalar_text(item, source, "a road class")) {
                if (auto parsed = parse_road_class(*text))
                    spec.closed_road_classes.push_back(parsed.value());
                else
                    source.error(item, parsed.error());
            }
    }
    m.finish();
}

void read_parameters(const YAML::Node& node, const Source& source, SweepSpec& spec) {
    if (!node.IsMap()) {
        source.error(node,
                     "parameters must be a map from scenario paths to their values, not " + describe(node));
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        Parameter p;
        p.at = place(it->first);
        if (auto path = scalar_text(it->first, source, "a parameter's path")) p.path = *path;
        YAML::Node given = it->second;  // (a copy: yaml-cpp's iterator hands out a temporary pair)
        std::optional<YAML::Node> values;
        if (given.IsSequence()) {
            values = given;
        } else if (given.IsMap()) {
            MapReader m(given, source, "parameter '" + p.path + "'");
            values = m.get("values");
            auto range = m.get("range");
            if (range) {
                p.range = read_range(*range, source);
                p.range_at = place(*range);
            }
            m.finish();
            if (values && range) source.error(given, "give a parameter 'values' or a 'range', not both");
            if (!values && !range)
                source.error(given,
                             "parameter '" + p.path + "' needs 'values' (a list) or a 'range' ([low, high])");
        } else {
            source.error(given, "parameter '" + p.path +
                                    "' must be a list of values, or a map with 'values' or 'range', not " +
                                    describe(given));
        }
        if (values) {
            if (!values->IsSequence() || values->size() == 0)
                source.error(*values,
                             "the values of parameter '" + p.path + "' must be a list of at least one value");
            else
                for (const YAML::Node& value : *values) {
                    p.values.push_back(yaml_text(value));
                    p.value_at.push_back(place(value));
                }
        }
        spec.parameters.push_back(std::move(p));
    }
}

// What the design asks of the rest of the file.
void check_design(const YAML::Node& sweep, const Source& source, SweepSpec& spec, bool design_given) {
    if (!design_given) spec.design = spec.parameters.empty() ? Design::single : Design::grid;
    const std::string design = design_name(spec.design);
    bool draws = spec.design == Design::lhs || spec.design == Design::random || spec.design == Design::sobol;
    if ((spec.design == Design::single || spec.design == Design::each_road_closed) &&
        !spec.parameters.empty())
        source.error(sweep, "the design " + design +
                                " takes no parameters; remove them or choose grid, lhs, random or sobol");
    if (!draws && spec.points > 0)
        source.error(sweep["points"],
                     "points is for the lhs, random and sobol designs, not " + design +
                         (spec.design == Design::grid ? " (a grid has one point per combination)" : ""));
    if (draws && spec.points == 0)
        source.error(sweep, "the design " + design + " needs 'points'" +
                                (spec.design == Design::sobol
                                     ? " (the base N: the sweep runs N x (parameters + 2) points)"
                                     : " (how many to draw)"));
    if (draws && spec.parameters.empty())
        source.error(sweep, "the design " + design + " needs parameters to vary");
    if (spec.design != Design::each_road_closed && !spec.closed_road_classes.empty())
        source.error(sweep["closed_road_classes"], "closed_road_classes is for the design each_road_closed");
    for (const Parameter& p : spec.parameters)
        if (spec.design == Design::grid && p.range)
            source.diagnostics->error(
                source.file, p.range_at.line, p.range_at.column,
                "a grid takes a list of values for '" + p.path +
                    "', not a range: give 'values', or choose the design lhs, random or sobol");
}

}  // namespace
}  // namespace scenario

const char* design_name(Design design) {
    switch (design) {
        case Design::single:
            return "single";
        case Design::grid:
            return "grid";
        case Design::lhs:
            return "lhs";
        case Design::random:
            return "random";
        case Design::sobol:
            return "sobol";
        case Design::each_road_closed:
            return "each_road_closed";
    }
    return "?";
}

LoadedSweep load_sweep(const std::string& path) {
    using namespace scenario;
    LoadedSweep loaded;
    Diagnostics& d = loaded.diagnostics;
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::is_directory(path, error)) {
        d.error(path, 0, 0, "is a folder, not a sweep file");
        return loaded;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        d.error(path, 0, 0, "cannot open the sweep file: no such file");
        return loaded;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    SweepSpec spec;
    spec.file = path;
    spec.hash = fnv1a64_hex(text);
    if (text.find('\0') != std::string::npos) {
        d.error(path, 0, 0, "this is not a text file (it holds binary data)");
        return loaded;
    }
    if (!check_yaml_shape(text, path, d)) return loaded;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        d.error(path, e.mark.line + 1, e.mark.column + 1, not_valid_yaml(text, e.msg));
        return loaded;
    }
    Source source{path, &d};
    if (!root.IsMap()) {
        d.error(path, 0, 0, "a sweep file must be a map with the sections 'sweep' and 'parameters'");
        return loaded;
    }
    check_duplicate_keys(root, source);
    YAML::Node sweep, parameters;
    bool has_sweep = false, has_parameters = false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
        if (key == "sweep") {
            sweep = it->second;
            has_sweep = true;
        } else if (key == "parameters") {
            parameters = it->second;
            has_parameters = true;
        } else {
            std::string message =
                "unknown section '" + key + "' in a sweep file (it has 'sweep' and 'parameters')";
            if (auto hint = closest_match(key, {"sweep", "parameters"}))
                message += "; did you mean '" + *hint + "'?";
            source.error(it->first, message);
        }
    }
    if (!has_sweep) {
        d.error(path, 1, 1, "the sweep file has no 'sweep' section (with at least 'scenario: FILE')");
        return loaded;
    }
    read_sweep_section(sweep, source, spec);
    if (has_parameters) read_parameters(parameters, source, spec);
    const YAML::Node& read_only = sweep;
    bool design_given = read_only.IsMap() && read_only["design"];
    if (!d.has_errors()) check_design(sweep, source, spec, design_given);
    if (!d.has_errors()) loaded.spec = std::move(spec);
    return loaded;
}

}  // namespace corridor
