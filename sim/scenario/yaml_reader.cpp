#include "yaml_reader.hpp"

#include <algorithm>
#include <map>

#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"

namespace corridor::scenario {

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a map";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Null:
            return "empty";
        case YAML::NodeType::Scalar:
            return "'" + node.Scalar() + "'";
        default:
            return "undefined";
    }
}

MapReader::MapReader(const YAML::Node& node, const Source& source, std::string what)
    : node_(node), source_(source), what_(std::move(what)), is_map_(node.IsMap()) {
    if (!is_map_) source_.error(node, what_ + " must be a map of keys and values, not " + describe(node));
}

std::optional<YAML::Node> MapReader::get(const std::string& key, bool required) {
    known_.push_back(key);
    if (!is_map_) return std::nullopt;
    for (auto it = node_.begin(); it != node_.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            if (it->second.IsNull() && required) {
                source_.error(it->first, "'" + key + "' in " + what_ + " has no value");
                return std::nullopt;
            }
            return it->second;
        }
    if (required) source_.error(node_, what_ + " is missing the required key '" + key + "'");
    return std::nullopt;
}

std::optional<YAML::Node> MapReader::scalar(const std::string& key, bool required) {
    auto node = get(key, required);
    if (!node) return std::nullopt;
    if (!node->IsScalar()) {
        source_.error(*node, "'" + key + "' in " + what_ + " must be a single value, not " + describe(*node));
        return std::nullopt;
    }
    return node;
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) {
    auto node = scalar(key, required);
    if (!node) return std::nullopt;
    return node->Scalar();
}

std::optional<long long> MapReader::whole(const std::string& key, long long min, long long max,
                                          bool required) {
    auto node = scalar(key, required);
    if (!node) return std::nullopt;
    const std::string& s = node->Scalar();
    long long value = 0;
    if (!read_whole(s, value)) {
        source_.error(*node, key + " must be a whole number, not '" + s + "'");
        return std::nullopt;
    }
    if (value < min || value > max) {
        source_.error(*node, key + " " + s + " is out of range (" + std::to_string(min) + " to " +
                                 std::to_string(max) + ")");
        return std::nullopt;
    }
    return value;
}

std::optional<Time> MapReader::duration(const std::string& key, bool required, Time min, Time max) {
    auto value = parsed<Time>(key, &parse_duration, required);
    if (value && (*value < min || *value > max)) {
        source_.error(*get(key), key + " " + format_duration(*value) + " in " + what_ +
                                     " is out of range: it must lie between " + format_duration(min) +
                                     " and " + format_duration(max));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> MapReader::boolean(const std::string& key, bool required) {
    auto node = scalar(key, required);
    if (!node) return std::nullopt;
    const std::string& s = node->Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
    source_.error(*node, key + " must be true or false, not '" + s + "'");
    return std::nullopt;
}

void MapReader::finish() {
    if (!is_map_) return;
    for (auto it = node_.begin(); it != node_.end(); ++it) {
        std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
        if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
        std::string message = "unknown key '" + key + "' in " + what_;
        if (auto hint = closest_match(key, known_)) message += "; did you mean '" + *hint + "'?";
        source_.error(it->first, message);
    }
}

std::optional<std::string> scalar_text(const YAML::Node& node, const Source& source,
                                       const std::string& what) {
    if (!node.IsScalar()) {
        source.error(node, what + " must be a single value, not " + describe(node));
        return std::nullopt;
    }
    return node.Scalar();
}

void check_duplicate_keys(const YAML::Node& node, const Source& source) {
    if (node.IsMap()) {
        std::map<std::string, int> first_line;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar()) {
                auto [seen, inserted] = first_line.emplace(it->first.Scalar(), it->first.Mark().line + 1);
                if (!inserted)
                    source.error(it->first, "duplicate key '" + it->first.Scalar() +
                                                "' (first given on line " + std::to_string(seen->second) +
                                                ")");
            }
            check_duplicate_keys(it->second, source);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node) check_duplicate_keys(item, source);
    }
}

}  // namespace corridor::scenario
