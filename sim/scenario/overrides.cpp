// Overrides: values put into a scenario's YAML by path before any reader runs, so that every
// check a reader makes applies to a swept value as to a written one (docs/user-guide.md,
// "Sweeps"). See include/corridor/scenario/load.hpp.

#include <charconv>

#include "corridor/engine/suggest.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        names.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) return names;
        start = dot + 1;
    }
}

// What names an item of a list: its `name`, or an airlift fleet's `aircraft`.
std::optional<std::string> item_name(const YAML::Node& item) {
    if (!item.IsMap()) return std::nullopt;
    for (const char* key : {"name", "aircraft"})
        if (YAML::Node name = item[key]; name && name.IsScalar()) return name.Scalar();
    return std::nullopt;
}

// Every node of a value, itself included: an error at any of them belongs to the sweep file.
void collect(const YAML::Node& node, std::vector<YAML::Node>& out) {
    out.push_back(node);
    if (node.IsSequence())
        for (const YAML::Node& item : node) collect(item, out);
    else if (node.IsMap())
        for (auto it = node.begin(); it != node.end(); ++it) {
            out.push_back(it->first);
            collect(it->second, out);
        }
}

struct Walk {
    const Override& o;
    Diagnostics& diagnostics;
    std::vector<Graft>& grafts;

    void error(const std::string& message) const { diagnostics.error(o.file, o.line, o.column, message); }

    void graft(const YAML::Node& value) const {
        std::vector<YAML::Node> nodes;
        collect(value, nodes);
        for (const YAML::Node& node : nodes)
            grafts.push_back({node, o.file, o.value_line, o.value_column, o.applied});
    }
    // A key the path adds: an error at it (an unknown key) is one of the path's.
    void graft_key(const YAML::Node& key) const {
        grafts.push_back({key, o.file, o.line, o.column, o.applied});
    }

    // Steps from `node` (reached by `names[0..i)`) into `names[i]`, or sets it when it is the last.
    void step(YAML::Node node, const std::vector<std::string>& names, std::size_t i,
              const YAML::Node& value) {
        const std::string& name = names[i];
        bool last = i + 1 == names.size();
        std::string where;
        for (std::size_t k = 0; k < i; ++k) where += (k ? "." : "") + names[k];
        if (node.IsMap()) {
            std::vector<std::string> keys;
            for (auto it = node.begin(); it != node.end(); ++it)
                if (it->first.IsScalar()) {
                    if (it->first.Scalar() != name) {
                        keys.push_back(it->first.Scalar());
                        continue;
                    }
                    if (!last) return step(it->second, names, i + 1, value);
                    it->second = value;
                    return graft(value);
                }
            if (last) {
                // A key the scenario leaves to its default: the reader checks that it is one.
                node[name] = value;
                for (auto it = node.begin(); it != node.end(); ++it)
                    if (it->first.IsScalar() && it->first.Scalar() == name) graft_key(it->first);
                return graft(value);
            }
            std::string message = "'" + where + "' has no '" + name + "'";
            if (auto hint = closest_match(name, keys)) message += "; did you mean '" + *hint + "'?";
            return error(message);
        }
        if (node.IsSequence()) {
            std::vector<std::string> named;
            std::optional<std::size_t> found;
            std::size_t position = 0;
            auto [end, failed] = std::from_chars(name.data(), name.data() + name.size(), position);
            bool is_position = failed == std::errc() && end == name.data() + name.size();
            for (std::size_t k = 0; k < node.size(); ++k) {
                std::optional<std::string> item = item_name(node[k]);
                if (item && *item == name && !found) found = k;
                if (item) named.push_back(*item);
            }
            if (!found && is_position && position < node.size()) found = position;
            if (!found) {
                std::string message = "'" + where + "' has no item named '" + name + "'";
                if (auto hint = closest_match(name, named))
                    message += "; did you mean '" + *hint + "'?";
                else
                    message += " (give an item's name, or its position from 0 to " +
                               std::to_string(node.size() == 0 ? 0 : node.size() - 1) + ")";
                return error(message);
            }
            if (last)
                return error("'" + o.path + "' names a whole item of '" + where +
                             "': name one of its keys, e.g. '" + o.path + ".count'");
            return step(node[*found], names, i + 1, value);
        }
        error("'" + where + "' is " + describe(node) + ", not a map or a list: the path cannot go on to '" +
              name + "'");
    }
};

}  // namespace

void apply_overrides(std::map<std::string, Section>& sections, const std::vector<Override>& overrides,
                     const std::vector<std::string>& known_sections, Diagnostics& diagnostics,
                     std::vector<Graft>& grafts) {
    for (const Override& o : overrides) {
        Walk walk{o, diagnostics, grafts};
        std::vector<std::string> names = split_path(o.path);
        if (names.size() < 2 || std::find(names.begin(), names.end(), "") != names.end()) {
            walk.error("'" + o.path +
                       "' is not a path: give names joined by dots, from a section to a key, e.g. "
                       "'fleets.icrc-trucks.count'");
            continue;
        }
        YAML::Node value;
        try {
            value = YAML::Load(o.value);
        } catch (const YAML::Exception&) {
            diagnostics.error(o.file, o.value_line, o.value_column,
                              "the value '" + o.value + "' is not valid YAML");
            continue;
        }
        auto section = sections.find(names[0]);
        if (section == sections.end()) {
            std::string message;
            if (std::find(known_sections.begin(), known_sections.end(), names[0]) != known_sections.end())
                message = "the scenario has no '" + names[0] + "' section to change";
            else {
                message = "unknown section '" + names[0] + "'";
                if (auto hint = closest_match(names[0], known_sections))
                    message += "; did you mean '" + *hint + "'?";
            }
            walk.error(message);
            continue;
        }
        walk.step(section->second.node, names, 1, value);
    }
}

}  // namespace corridor::scenario
