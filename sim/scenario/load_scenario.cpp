// The top level of a scenario: files and includes, the sections in the order they depend on each
// other, and the `scenario` and `network` sections themselves.

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/network/load.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/quantities.hpp"
#include "network_hierarchy.hpp"
#include "scenario_cache.hpp"
#include "sections.hpp"
#include "yaml_shape.hpp"

namespace corridor {
namespace scenario {
namespace {

const std::vector<std::string> kSections = {"scenario",       "include",   "network",     "vehicle_types",
                                            "aircraft_types", "airfields", "airlift",     "march",
                                            "posts",          "units",     "checkpoints", "disruptions",
                                            "commodities",    "organisations", "depots",  "towns",
                                            "escorts",        "fleets",         "returns",  "repair_teams",
                                            "random_closures", "incidents"};

struct Reading {
    std::map<std::string, Section> sections;
    std::set<std::string> open;  // files being read, against include cycles
    std::vector<std::string> files;
    Diagnostics* diagnostics;
    ScenarioCache::Store* cache = nullptr;
    std::vector<Graft> grafts;  // the overrides' values
};

// FNV-1a 64 over the bytes of every input file in reading order (a folder network: its
// nodes.csv then edges.csv), so that the manifest names exactly what was run.
// A scenario from memory hashes its text in place of its file.
std::string hash_files(const std::vector<std::string>& files, const std::string* first_text) {
    namespace fs = std::filesystem;
    std::uint64_t hash = 14695981039346656037ull;
    auto add_bytes = [&](const std::string& bytes) {
        for (char c : bytes) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
    };
    auto add = [&](const fs::path& file) {
        // Only what a reader accepted is hashed: not /dev/zero, a pipe or a folder.
        std::error_code error;
        if (!fs::is_regular_file(file, error)) return;
        std::ifstream in(file, std::ios::binary);
        char c;
        while (in.get(c)) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
    };
    for (const std::string& file : files) {
        std::error_code error;
        if (first_text && &file == &files.front()) {
            add_bytes(*first_text);
        } else if (fs::is_directory(file, error)) {
            add(fs::path(file) / "nodes.csv");
            add(fs::path(file) / "edges.csv");
        } else {
            add(file);
        }
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

// The hash of the files read, once per cache for a scenario read from its file.
std::string hash_of(const std::vector<std::string>& files, const std::string* text, ScenarioCache::Store* cache) {
    if (!cache || text) return hash_files(files, text);
    std::string key;
    for (const std::string& file : files) key += file + '\n';
    std::lock_guard lock(cache->mutex);
    auto [it, inserted] = cache->hashes.emplace(key, "");
    if (inserted) it->second = hash_files(files, nullptr);
    return it->second;
}

void read_text(const std::string& path, const std::string& canonical, const std::string& text, Reading& r);

void read_file(const std::string& path, Reading& r, const std::string& included_from, int line, int column) {
    namespace fs = std::filesystem;
    std::error_code unresolved;  // (a name too long to resolve is refused below, when it is opened)
    std::string canonical = fs::weakly_canonical(path, unresolved).string();
    if (unresolved) canonical = path;
    if (r.open.count(canonical)) {
        r.diagnostics->error(included_from, line, column,
                             "'" + path + "' includes itself (an include cycle)");
        return;
    }
    auto refuse = [&](const std::string& why) {
        if (included_from.empty())
            r.diagnostics->error(path, 0, 0, why);
        else
            r.diagnostics->error(included_from, line, column, "the included file '" + path + "' " + why);
    };
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (fs::is_directory(status)) return refuse("is a folder, not a scenario file");
    if (fs::exists(status) && !fs::is_regular_file(status)) return refuse("is not a regular file");
    if (fs::exists(status) && fs::file_size(path, error) > kMaxScenarioFileBytes)
        return refuse("is larger than " + std::to_string(kMaxScenarioFileBytes >> 20) +
                      " MiB, the limit for a scenario file");
    if (r.files.size() >= kMaxScenarioFiles)
        return refuse("is one file too many: a scenario reads at most " + std::to_string(kMaxScenarioFiles) +
                      " files with its includes");
    std::shared_ptr<const std::string> cached;
    if (r.cache) {
        std::lock_guard lock(r.cache->mutex);
        if (auto it = r.cache->texts.find(canonical); it != r.cache->texts.end()) cached = it->second;
    }
    if (cached) {
        // (Read outside the lock: its includes look the cache up again.)
        r.files.push_back(path);
        return read_text(path, canonical, *cached, r);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (included_from.empty())
            r.diagnostics->error(path, 0, 0,
                                 fs::exists(status)
                                     ? "cannot open the scenario file: " + std::string(std::strerror(errno))
                                     : std::string("cannot open the scenario file: no such file"));
        else
            r.diagnostics->error(included_from, line, column, "cannot open the included file '" + path + "'");
        return;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto text = std::make_shared<const std::string>(buffer.str());
    r.files.push_back(path);
    if (r.cache) {
        std::lock_guard lock(r.cache->mutex);
        r.cache->texts.emplace(canonical, text);
    }
    read_text(path, canonical, *text, r);
}

void read_text(const std::string& path, const std::string& canonical, const std::string& text, Reading& r) {
    namespace fs = std::filesystem;
    if (text.find('\0') != std::string::npos) {
        r.diagnostics->error(path, 0, 0, "this is not a text file (it holds binary data)");
        return;
    }
    if (!check_yaml_shape(text, path, *r.diagnostics)) return;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        r.diagnostics->error(path, e.mark.line + 1, e.mark.column + 1, not_valid_yaml(text, e.msg));
        return;
    }
    Source source{path, r.diagnostics, &r.grafts};
    if (root.IsNull()) {
        r.diagnostics->error(path, 0, 0, "the file is empty");
        return;
    }
    if (!root.IsMap()) {
        source.error(root,
                     "a scenario file must be a map of sections (scenario:, network:, units:, ...), not " +
                         describe(root));
        return;
    }
    check_duplicate_keys(root, source);
    r.open.insert(canonical);
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
        if (std::find(kSections.begin(), kSections.end(), key) == kSections.end()) {
            std::string message = "unknown section '" + key + "'";
            if (auto hint = closest_match(key, kSections)) message += "; did you mean '" + *hint + "'?";
            source.error(it->first, message);
            continue;
        }
        if (key == "include") {
            // (A copy: yaml-cpp's iterator hands out a temporary pair.)
            YAML::Node list = it->second;
            std::vector<YAML::Node> items;
            if (list.IsSequence())
                for (const YAML::Node& item : list) items.push_back(item);
            else
                items.push_back(list);
            for (const YAML::Node& item : items) {
                auto name = scalar_text(item, source, "an include");
                if (!name) continue;
                fs::path included = fs::path(path).parent_path() / *name;
                read_file(included.string(), r, path, item.Mark().line + 1, item.Mark().column + 1);
            }
            continue;
        }
        auto [existing, inserted] =
            r.sections.emplace(key, Section{it->second, source, it->first.Mark().line + 1});
        if (!inserted &&
            existing->second.source.file != path)  // (twice in one file: a duplicate key, reported above)
            source.error(it->first, "section '" + key + "' is given twice (also in " +
                                        existing->second.source.file + " line " +
                                        std::to_string(existing->second.key_line) + ")");
    }
    r.open.erase(canonical);
}

}  // namespace

std::optional<std::size_t> find_name(const std::map<std::string, std::size_t>& table, const std::string& name,
                                     const char* kind, const YAML::Node& at, const Source& source) {
    auto it = table.find(name);
    if (it != table.end()) return it->second;
    std::vector<std::string> names;
    for (const auto& entry : table) names.push_back(entry.first);
    std::string message = std::string("unknown ") + kind + " '" + name + "'";
    if (auto hint = closest_match(name, names))
        message += "; did you mean '" + *hint + "'?";
    else if (names.empty())
        message += std::string(" (none is defined)");
    source.error(at, message);
    return std::nullopt;
}

std::optional<NodeIndex> find_node(const Build& build, const std::string& id, const YAML::Node& at,
                                   const Source& source) {
    if (!build.network_ok) return std::nullopt;  // the network's own errors were reported
    const RoadNetwork& network = build.theatre.network();
    if (auto index = network.find_node(id)) return *index;
    // A place given by lat/lon is the node "@SECTION:NAME", not its bare name.
    if (auto place = snapped_place_named(network, id)) {
        const auto& [kind, node] = *place;
        source.error(at, "unknown node '" + id + "'; the " + kind + " '" + id + "' given by lat/lon is the node '" +
                             node + "'");
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (NodeIndex v = 0; v < network.node_count(); ++v) ids.push_back(network.node_id(v));
    std::string message = "unknown node '" + id + "' (not in the network)";
    if (auto hint = closest_match(id, ids))
        message = "unknown node '" + id + "'; did you mean '" + *hint + "'?";
    source.error(at, message);
    return std::nullopt;
}

void read_scenario_section(const Section& s, Build& build) {
    MapReader m(s.node, s.source, "the scenario section");
    Theatre& t = build.theatre;
    if (auto name = m.text("name", true)) {
        // The name becomes the results folder's name.
        if (name->empty() || name->find_first_of("/\\") != std::string::npos || name->front() == '.')
            s.source.error(*m.get("name"),
                           "name '" + *name +
                               "' must be usable as a folder name: no '/', no '\\', not starting with '.'");
        t.name = *name;
    }
    if (auto start = m.get("start", true)) {
        if (auto text = scalar_text(*start, s.source, "start")) {
            auto epoch = parse_datetime_utc(*text);
            if (epoch) {
                t.start_text = *text;
                t.start_epoch_s = epoch.value();
            } else {
                s.source.error(*start, "start: " + epoch.error());
            }
        }
    }
    if (auto duration = m.duration("duration", true)) {
        if (*duration == 0) s.source.error(*m.get("duration"), "duration must be longer than 0s");
        t.duration = *duration;
    }
    if (auto seed = m.whole("seed", 0, static_cast<long long>(kMaxSeed), false))
        t.seed = static_cast<std::uint64_t>(*seed);
    m.finish();
}

namespace {

// The network file at `path`, read once per cache (every time without one).
std::shared_ptr<const ScenarioCache::Store::Network> shared_network(const std::string& path,
                                                                    ScenarioCache::Store* cache) {
    auto read = [&] {
        LoadedNetwork loaded = load_network(path);
        auto network = std::make_shared<ScenarioCache::Store::Network>();
        network->diagnostics = std::move(loaded.diagnostics);
        if (!network->diagnostics.has_errors() && loaded.network) {
            network->network = std::make_shared<const RoadNetwork>(std::move(*loaded.network));
            read_stored_hierarchy(loaded.extra_sections, *network);
        }
        return std::shared_ptr<const ScenarioCache::Store::Network>(std::move(network));
    };
    if (!cache) return read();
    // (Held while reading: the points of a sweep that start together wait for one reading.)
    std::lock_guard lock(cache->mutex);
    auto [it, inserted] = cache->networks.emplace(path, nullptr);
    if (inserted) it->second = read();
    return it->second;
}

// `hierarchy: auto | none | time` (docs/scenario-reference.md, "network").
void read_hierarchy_rule(MapReader& m, Build& build) {
    auto rule = m.text("hierarchy");
    if (!rule) return;
    static const std::vector<std::string> kRules = {"auto", "none", "time"};
    auto it = std::find(kRules.begin(), kRules.end(), *rule);
    if (it != kRules.end()) {
        build.theatre.hierarchy.rule = static_cast<HierarchyRule>(it - kRules.begin());
        return;
    }
    std::string message = "unknown hierarchy rule '" + *rule + "'";
    if (*rule == "distance")
        message += ": a run's routes are by travel time, so its hierarchy is too (use time, auto or none)";
    else if (auto hint = closest_match(*rule, kRules))
        message += "; did you mean '" + *hint + "'?";
    else
        message += " (use auto, none or time)";
    m.source().error(*m.get("hierarchy"), message);
}

}  // namespace

void read_network_section(const Section& s, Build& build, std::vector<std::string>& files) {
    MapReader m(s.node, s.source, "the network section");
    auto file = m.get("file");
    auto nodes = m.get("nodes");
    auto roads = m.get("roads");
    // How far from a road a place given by lat/lon may be before it gets a warning (place_snaps.cpp).
    if (auto limit = m.parsed<double>("max_snap", &parse_length_m)) {
        if (*limit > 0)
            build.max_snap_m = *limit;
        else
            s.source.error(*m.get("max_snap"), "max_snap must be more than 0 m");
    }
    read_hierarchy_rule(m, build);
    m.finish();
    if (!m.is_map()) return;
    if (file && (nodes || roads)) {
        s.source.error(*file, "give the network either as 'file' or as inline 'nodes' and 'roads', not both");
        return;
    }
    if (file) {
        auto name = scalar_text(*file, s.source, "file");
        if (!name) return;
        std::string path = (std::filesystem::path(s.source.file).parent_path() / *name).string();
        std::shared_ptr<const ScenarioCache::Store::Network> loaded = shared_network(path, build.cache);
        files.push_back(path);
        for (const Diagnostic& d : loaded->diagnostics.items())
            if (d.severity == Severity::error) build.diagnostics->add(d);
        if (!loaded->network) {
            s.source.error(*file, "the network '" + *name + "' could not be read (errors above)");
            return;
        }
        build.theatre.set_network(loaded->network);
        build.network_ok = true;
        build.file_network = loaded->network;
        build.stored_hierarchy = loaded->stored_hierarchy;
        build.stored_hierarchy_problem = loaded->stored_hierarchy_problem;
        build.network_file.emplace(s.source, *file);
        return;
    }
    if (!nodes || !roads) {
        s.source.error(s.node, "the network section needs 'file', or both 'nodes' and 'roads'");
        return;
    }
    RoadNetworkBuilder builder;
    std::size_t errors_before = build.diagnostics->error_count();
    if (!nodes->IsSequence())
        s.source.error(*nodes, "nodes must be a list, not " + describe(*nodes));
    else
        for (const YAML::Node& item : *nodes) {
            MapReader n(item, s.source, "a node");
            auto id = n.text("id", true);
            NodeInfo node;
            if (auto name = n.text("name")) node.name = *name;
            if (auto kind = n.get("kind")) {
                auto text = scalar_text(*kind, s.source, "kind");
                if (text) {
                    if (auto parsed = parse_node_kind(*text))
                        node.kind = parsed.value();
                    else
                        s.source.error(*kind, parsed.error());
                }
            }
            for (const char* axis : {"lat", "lon"})
                if (auto value = n.get(axis)) {
                    auto text = scalar_text(*value, s.source, axis);
                    double number = NAN;
                    const char* last = text ? text->data() + text->size() : nullptr;
                    const char* end = text ? read_number(text->data(), last, number) : nullptr;
                    // (Written so that NaN fails: every comparison with it is false.)
                    if (!text || end == text->data() || end != last ||
                        !(std::abs(number) <= (axis[1] == 'a' ? 90 : 180)))
                        s.source.error(*value, std::string(axis) + " must be a number of degrees from " +
                                                   (axis[1] == 'a' ? "-90 to 90" : "-180 to 180") + ", not " +
                                                   describe(*value));
                    else
                        (axis[1] == 'a' ? node.lat : node.lon) = number;
                }
            // One coordinate alone would drop the whole network's coordinates without a word.
            if (auto lat = n.get("lat"), lon = n.get("lon"); static_cast<bool>(lat) != static_cast<bool>(lon))
                s.source.error(lat ? *lat : *lon, std::string("a node with '") + (lat ? "lat" : "lon") +
                                                      "' needs '" + (lat ? "lon" : "lat") + "' too");
            n.finish();
            if (!id) continue;
            if (builder.find(*id)) {
                s.source.error(*n.get("id"), "duplicate node id '" + *id + "'");
                continue;
            }
            node.id = *id;
            builder.add_node(std::move(node));
        }
    if (!roads->IsSequence())
        s.source.error(*roads, "roads must be a list, not " + describe(*roads));
    else
        for (const YAML::Node& item : *roads) {
            MapReader r(item, s.source, "a road");
            std::optional<NodeIndex> ends[2];
            const char* end_keys[2] = {"from", "to"};
            for (int e = 0; e < 2; ++e) {
                auto value = r.get(end_keys[e], true);
                if (!value) continue;
                auto id = scalar_text(*value, s.source, end_keys[e]);
                if (!id) continue;
                ends[e] = builder.find(*id);
                if (!ends[e])
                    s.source.error(*value, "unknown node '" + *id + "' (not among the nodes above)");
            }
            RoadAttributes road;
            if (auto cls = r.get("class")) {
                auto text = scalar_text(*cls, s.source, "class");
                if (text) {
                    if (auto parsed = parse_road_class(*text))
                        road.road_class = parsed.value();
                    else
                        s.source.error(*cls, parsed.error());
                }
            }
            auto length = r.parsed<double>("length", &parse_length_m, true);
            road.length_m = length.value_or(0);
            road.speed_kph =
                r.parsed<double>("speed", &parse_speed_kph).value_or(default_speed_kph(road.road_class));
            road.lanes = static_cast<int>(r.whole("lanes", 1, 16).value_or(1));
            road.capacity_vph = static_cast<double>(r.whole("capacity", 1, 100000).value_or(0));
            road.weight_limit_t = r.parsed<double>("weight_limit", &parse_mass_t).value_or(kNoWeightLimit);
            // Heavy-vehicle rules (docs/network.md, "Heavy vehicles").
            road.axle_load_limit_t = r.parsed<double>("axle_load_limit", &parse_mass_t).value_or(kNoLimit);
            road.height_limit_m = r.parsed<double>("height_limit", &parse_length_m).value_or(kNoLimit);
            road.width_limit_m = r.parsed<double>("width_limit", &parse_length_m).value_or(kNoLimit);
            if (auto hgv = r.get("hgv")) {
                if (auto text = scalar_text(*hgv, s.source, "hgv")) {
                    if (auto parsed = parse_hgv_access(*text))
                        road.hgv = parsed.value();
                    else
                        s.source.error(*hgv, parsed.error());
                }
            }
            bool one_way = r.boolean("oneway").value_or(false);
            if (auto name = r.text("name")) road.name = *name;
            r.finish();
            if (!ends[0] || !ends[1] || !length) continue;
            if (*ends[0] == *ends[1]) {
                s.source.error(item, "the road goes from a node to itself");
                continue;
            }
            if (std::string why = check_road(road); !why.empty()) {
                s.source.error(item, why);
                continue;
            }
            builder.add_road(*ends[0], *ends[1], road, one_way);
        }
    if (build.diagnostics->error_count() > errors_before) return;
    build.theatre.set_network(std::make_shared<const RoadNetwork>(std::move(builder).build()));
    build.network_ok = true;
}

}  // namespace scenario

namespace {

// Reads the scenario at `path` (its text given, or read from the file), applies the overrides and
// runs the readers.
LoadedScenario load(const std::string& path, const std::string* text, const std::vector<Override>& overrides,
                    ScenarioCache* cache) {
    using namespace scenario;
    LoadedScenario loaded;
    Reading reading;
    reading.diagnostics = &loaded.diagnostics;
    reading.cache = cache ? &cache->store() : nullptr;
    if (text) {
        reading.files.push_back(path);
        read_text(path, path, *text, reading);
    } else {
        read_file(path, reading, "", 0, 0);
    }
    if (!loaded.diagnostics.has_errors())
        apply_overrides(reading.sections, overrides, kSections, loaded.diagnostics, reading.grafts);
    Build build;
    build.diagnostics = &loaded.diagnostics;
    build.cache = reading.cache;
    auto section = [&](const char* name) -> const Section* {
        auto it = reading.sections.find(name);
        return it == reading.sections.end() ? nullptr : &it->second;
    };
    if (!reading.files.empty() && reading.sections.size() + loaded.diagnostics.error_count() > 0) {
        Source main{path, &loaded.diagnostics};
        // (A pure aid scenario, with towns, needs no units.)
        for (const char* required : {"scenario", "network", section("fleets") || section("towns") ? "" : "units"})
            if (*required && !section(required) && !loaded.diagnostics.has_errors())
                loaded.diagnostics.error(path, 1, 1,
                                         std::string("the scenario has no '") + required + "' section");
        if (const Section* s = section("scenario")) read_scenario_section(*s, build);
        if (const Section* s = section("network")) read_network_section(*s, build, reading.files);
        snap_places(reading.sections, build);
        if (const Section* s = section("vehicle_types")) read_vehicle_types(*s, build);
        if (const Section* s = section("aircraft_types")) read_aircraft_types(*s, build);
        if (const Section* s = section("airfields")) read_airfields(*s, build);
        if (const Section* s = section("airlift")) read_airlift(*s, build);
        if (const Section* s = section("march")) read_march(*s, build);
        if (const Section* s = section("posts")) read_posts(*s, build);
        if (const Section* s = section("units")) read_units(*s, build, section("airlift") != nullptr);
        if (const Section* s = section("checkpoints")) read_checkpoints(*s, build);
        // (Teams first: a disruption may name the kind of team for it.)
        if (const Section* s = section("repair_teams")) read_repair_teams(*s, build);
        if (const Section* s = section("disruptions")) read_disruptions(*s, build);
        if (const Section* s = section("random_closures")) read_random_closures(*s, build);
        if (const Section* s = section("incidents")) read_incidents(*s, build);
        if (const Section* s = section("commodities")) read_commodities(*s, build);
        if (const Section* s = section("organisations")) read_organisations(*s, build);
        if (const Section* s = section("depots")) read_depots(*s, build);
        if (const Section* s = section("towns")) read_towns(*s, build);
        if (const Section* s = section("escorts")) read_escorts(*s, build);
        if (const Section* s = section("fleets")) read_fleets(*s, build);
        if (const Section* s = section("returns")) read_returns(*s, build);
        // (Before the checks, whose routes it speeds up as it does the runs'.)
        if (!loaded.diagnostics.has_errors() && build.network_ok) choose_route_hierarchy(build);
        if (const Section* s = section("units"); s && !loaded.diagnostics.has_errors()) {
            check_air_loads(*s, build);
            check_reachability(*s, build);
        }
        if (const Section* s = section("fleets"); s && !loaded.diagnostics.has_errors())
            check_aid_reachability(*s, build);
        if (const Section* s = section("returns"); s && !loaded.diagnostics.has_errors())
            check_return_routes(*s, build);
    }
    loaded.files = reading.files;
    loaded.hash = hash_of(loaded.files, text, reading.cache);
    if (!loaded.diagnostics.has_errors()) loaded.theatre = std::move(build.theatre);
    return loaded;
}

}  // namespace

LoadedScenario load_scenario(const std::string& path, const std::vector<Override>& overrides,
                             ScenarioCache* cache) {
    return load(path, nullptr, overrides, cache);
}

LoadedScenario load_scenario_text(const std::string& text, const std::string& path,
                                  const std::vector<Override>& overrides, ScenarioCache* cache) {
    return load(path, &text, overrides, cache);
}

ScenarioCache::ScenarioCache() : store_(std::make_unique<Store>()) {}
ScenarioCache::~ScenarioCache() = default;

}  // namespace corridor
