// `corridor validate SCENARIO.yaml` and `corridor run SCENARIO.yaml [--seed N] [--out DIR]`:
// read and check a scenario, print every problem with its place; run one replication of the
// deployment, print the KPIs and write the run's files (docs/user-guide.md).

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/network/vehicle_limits.hpp"
#include "corridor/report/publish.hpp"
#include "corridor/report/replication_files.hpp"
#include "corridor/report/routes_geojson.hpp"
#include "corridor/report/run_files.hpp"
#include "corridor/report/run_report.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/version.hpp"
#include "open_report.hpp"

namespace corridor::cli {
namespace {

// Prints every diagnostic; returns the scenario if it has no error.
std::optional<LoadedScenario> read_checked(const std::string& path) {
    LoadedScenario loaded = load_scenario(path);
    std::cerr << format_all(loaded.diagnostics);
    if (loaded.diagnostics.has_errors()) {
        std::size_t n = loaded.diagnostics.error_count();
        std::cerr << path << ": " << n << (n == 1 ? " error" : " errors") << "; nothing was run\n";
        return std::nullopt;
    }
    return loaded;
}

// How the runs' routes are searched: with the contraction hierarchy (where it came from and what
// it cost) or without, and why (sim/scenario/network_hierarchy.cpp).
std::string route_hierarchy_summary(const Theatre& t) {
    const RouteHierarchy& h = t.hierarchy;
    switch (h.origin) {
    case RouteHierarchy::Origin::stored:
        return "routes: contraction hierarchy by travel time, " + h.why;
    case RouteHierarchy::Origin::prepared:
        return "routes: contraction hierarchy by travel time, " +
               (h.reused ? std::string("shared with an earlier point") : "prepared in " + format_fixed(h.seconds, 2) + " s") +
               " (" + h.why + ")";
    case RouteHierarchy::Origin::none:
        break;
    }
    return "routes: searched without a contraction hierarchy (" + h.why + ")";
}

struct RunOptions {
    std::string scenario;
    std::optional<std::string> seed;
    std::optional<std::string> out;
    int replications = 1;
    int threads = 0;
    bool open = false;  // show report.html on the desktop, when there is one
};

// The most replications one run command makes: a sweep's work, not a run's.
constexpr int kMostReplications = 100'000;

// A seed as the scenario file takes it: a whole number from 0 to 2^62, never wrapped.
Result<std::uint64_t> parse_seed(const std::string& text) {
    std::uint64_t seed = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (error != std::errc() || end != text.data() + text.size() || seed > kMaxSeed)
        return Error{"--seed must be a whole number from 0 to " + std::to_string(kMaxSeed) + ", not '" +
                     text + "'"};
    return seed;
}

int run(const RunOptions& o) {
    std::optional<std::uint64_t> seed_option;
    if (o.seed) {
        auto parsed = parse_seed(*o.seed);
        if (!parsed) return usage_error(parsed.error());
        seed_option = parsed.value();
    }
    if (o.out && o.out->empty()) return usage_error("--out names no folder");
    if (o.replications < 1 || o.replications > kMostReplications)
        return usage_error("--replications must be from 1 to " + std::to_string(kMostReplications) +
                           ", not " + std::to_string(o.replications));
    if (o.threads < 0)
        return usage_error("--threads must be 0 (all cores) or more, not " + std::to_string(o.threads));
    auto loaded = read_checked(o.scenario);
    if (!loaded) return 2;
    const Theatre& theatre = *loaded->theatre;
    std::uint64_t seed = seed_option.value_or(theatre.seed);
    std::string dir = o.out.value_or("results/" + theatre.name + "-seed" + std::to_string(seed));
    std::vector<std::string> inputs = loaded->files;
    inputs.push_back(o.scenario);
    // Refused before the run, so that a wrong --out costs nothing and touches nothing.
    if (std::string why = check_results_folder(dir, inputs); !why.empty()) return usage_error(why);

    // (To the log, not to a result file: the preparation time differs from run to run.)
    if (theatre.hierarchy.time) std::cerr << route_hierarchy_summary(theatre) << "\n";
    DeploymentResult result = simulate_deployment(theatre, seed);
    std::vector<OutputFile> files = {
        {"kpis.json", kpis_json(theatre, result)},     {"timeline.csv", timeline_csv(theatre, result)},
        {"units.csv", units_csv(theatre, result)},     {"posts.csv", posts_csv(theatre, result)},
        {"convoys.csv", convoys_csv(theatre, result)}, {"roads.csv", roads_csv(theatre, result)},
        {"airlift.csv", airlift_csv(theatre, result)}};
    if (!theatre.aid.towns.empty()) files.push_back({"towns.csv", towns_csv(theatre, result)});
    const bool on_map = theatre.network().has_coordinates();
    if (on_map) files.push_back({"routes.geojson", routes_geojson(theatre, result)});
    // With replications, the files above are replication 0's; these say what all of them give.
    std::vector<KpiSummary> summary;
    if (o.replications > 1) {
        std::vector<std::vector<Kpi>> records = {kpi_record(result)};
        std::vector<std::vector<Kpi>> others =
            run_replications(theatre, seed, 1, static_cast<std::uint32_t>(o.replications - 1), o.threads);
        records.insert(records.end(), others.begin(), others.end());
        summary = summarise(records);
        files.push_back({"replications.csv", replications_csv(records)});
        files.push_back({"summary.csv", summary_csv(summary)});
    }
    RunReportContext report{o.scenario, seed, kVersion, static_cast<std::size_t>(o.replications), summary};
    files.push_back({"report.html", run_report_html(theatre, result, report)});
    std::vector<std::string> names = {kManifestName};
    for (const OutputFile& file : files) names.push_back(file.name);
    RunManifest manifest{o.scenario, loaded->hash, loaded->files, seed, invoked_command(), names, {}};
    for (const OutputFile& file : files)
        manifest.checksums.emplace_back(file.name, content_checksum(file.content));
    files.insert(files.begin(), {kManifestName, manifest_json(theatre, manifest)});
    auto written = publish_folder(dir, files, inputs);
    std::fputs(kpi_table(theatre, result).c_str(), stdout);
    if (!summary.empty())
        std::fputs(summary_table(summary, static_cast<std::size_t>(o.replications)).c_str(), stdout);
    if (!written) return usage_error(written.error());
    std::string folder = dir.back() == '/' ? dir : dir + "/";
    std::printf("  results in %s\n", folder.c_str());
    if (!on_map) std::printf("  no routes.geojson: the network's nodes have no coordinates\n");
    std::printf("  report   %sreport.html\n", folder.c_str());
    if (o.open) {
        std::fflush(stdout);
        open_on_desktop(folder + "report.html");
    }
    return 0;
}

}  // namespace

Runner add_validate_command(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand("validate", "check a scenario and print every problem found");
    command->add_option("SCENARIO", *path, "the scenario's YAML file")->required();
    return [path] {
        auto loaded = read_checked(*path);
        if (!loaded) return 2;
        const Theatre& t = *loaded->theatre;
        std::printf("%s: valid: %s, %s, %s, network of %s and %s\n", path->c_str(), posts_summary(t).c_str(),
                    count_of(t.airlift.size(), "airlift fleet", "airlift fleets").c_str(),
                    count_of(t.checkpoints.size(), "checkpoint", "checkpoints").c_str(),
                    count_of(t.network().node_count(), "node", "nodes").c_str(),
                    count_of(t.network().arc_count(), "one-way arc", "one-way arcs").c_str());
        // The heavy-vehicle rules read: none in the map and none applied would otherwise look alike.
        std::printf("  %s\n", describe(count_heavy_vehicle_rules(t.network())).c_str());
        std::printf("  %s\n", route_hierarchy_summary(t).c_str());
        // The aid part, when there is one: what was checked, so that a planner sees it was read.
        const Humanitarian& aid = t.aid;
        if (!aid.empty()) {
            int trucks = 0;
            for (const Fleet& f : aid.fleets) trucks += f.count;
            std::printf("  aid: %s, %s, %s, %s (%s), %s\n",
                        count_of(aid.commodities.size(), "commodity", "commodities").c_str(),
                        count_of(aid.towns.size(), "town", "towns").c_str(),
                        count_of(aid.depots.size(), "depot", "depots").c_str(),
                        count_of(aid.fleets.size(), "truck fleet", "truck fleets").c_str(),
                        count_of(static_cast<std::size_t>(trucks), "truck", "trucks").c_str(),
                        count_of(aid.returns.size(), "flow of returns", "flows of returns").c_str());
        }
        // Places given by lat/lon: where each was put, so that a wrong coordinate shows.
        for (const PlaceSnap& snap : t.place_snaps)
            std::printf("  %s at %s,%s snapped to %s,%s on %s, %s m away: node %s\n", snap.what.c_str(),
                        format_fixed(snap.given.lat, 6).c_str(), format_fixed(snap.given.lon, 6).c_str(),
                        format_fixed(snap.snapped.lat, 6).c_str(), format_fixed(snap.snapped.lon, 6).c_str(),
                        snap.road.c_str(), format_fixed(snap.distance_m, 1).c_str(), snap.node_id.c_str());
        if (!t.repair_teams.empty() || !t.random_closures.empty() || !t.incidents.empty())
            std::printf(
                "  %s, %s, %s\n",
                count_of(t.repair_teams.size(), "kind of repair team", "kinds of repair team").c_str(),
                count_of(t.random_closures.size(), "random closure rule", "random closure rules").c_str(),
                count_of(t.incidents.size(), "incident rule", "incident rules").c_str());
        return 0;
    };
}

Runner add_run_command(CLI::App& app) {
    auto o = std::make_shared<RunOptions>();
    CLI::App* command = app.add_subcommand(
        "run",
        "run a scenario (one replication, or --replications N): KPIs to the terminal, files to a folder");
    command->add_option("SCENARIO", o->scenario, "the scenario's YAML file")->required();
    command->add_option("--seed", o->seed, "random seed (default: the scenario's)");
    command->add_option("--out", o->out, "results folder (default: results/NAME-seedN)");
    command->add_option("--replications", o->replications,
                        "run replications 0..N-1 and write each KPI's mean and 95% interval (default 1)");
    command->add_option("--threads", o->threads, "replications at once (default 0: every core)");
    command->add_flag("--open", o->open,
                      "open report.html with xdg-open when a desktop exists (DISPLAY or WAYLAND_DISPLAY); "
                      "otherwise nothing");
    return [o] { return run(*o); };
}

}  // namespace corridor::cli
