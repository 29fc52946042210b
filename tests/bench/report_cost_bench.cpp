// What the run report costs a run, in one process: the reference run as `corridor run` made it
// before reports (every CSV sink, the files' text) against the same with the report's own sinks,
// report.html and routes.geojson, interleaved, each the best of several repetitions. The ratio is
// issue 11's figure (at most 1.20); machine noise hits both sides alike.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>

#include "bench.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/report/routes_geojson.hpp"
#include "corridor/report/run_files.hpp"
#include "corridor/report/run_report.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::bench {
namespace {

/// The text of every file a run wrote before reports; its size, so that nothing is optimised away.
std::size_t run_files_bytes(const Theatre& theatre, const DeploymentResult& result) {
    return kpis_json(theatre, result).size() + timeline_csv(theatre, result).size() +
           units_csv(theatre, result).size() + posts_csv(theatre, result).size() +
           convoys_csv(theatre, result).size() + roads_csv(theatre, result).size() +
           airlift_csv(theatre, result).size() +
           (theatre.aid.towns.empty() ? 0 : towns_csv(theatre, result).size());
}

}  // namespace

void add_report_cost_benchmark(CLI::App& app) {
    static std::string file = "scenarios/karabakh-2020/scenario.yaml";
    static int repetitions = 15;
    auto* command = app.add_subcommand("report", "a run with and without report.html and routes.geojson");
    command->add_option("FILE", file, "a scenario file")->capture_default_str();
    command->add_option("--repetitions", repetitions)->capture_default_str();
    command->callback([] {
        LoadedScenario loaded = load_scenario(file);
        if (!loaded.theatre) throw CLI::ValidationError(loaded.diagnostics.first_error());
        const Theatre& theatre = *loaded.theatre;
        Sinks without_report = Sinks::all();
        without_report.report = false;
        double before_s = 1e300, after_s = 1e300;
        std::size_t before_bytes = 0, after_bytes = 0, report_bytes = 0, geojson_bytes = 0;
        auto without = [&] {
            auto start = std::chrono::steady_clock::now();
            DeploymentResult plain = simulate_deployment(theatre, theatre.seed, 0, without_report);
            before_bytes = run_files_bytes(theatre, plain);
            before_s = std::min(before_s, seconds_since(start));
        };
        auto with = [&] {
            auto start = std::chrono::steady_clock::now();
            DeploymentResult full = simulate_deployment(theatre, theatre.seed, 0, Sinks::all());
            after_bytes = run_files_bytes(theatre, full);
            report_bytes = run_report_html(theatre, full, {file, theatre.seed, "bench", 1, {}}).size();
            geojson_bytes = theatre.network().has_coordinates() ? routes_geojson(theatre, full).size() : 0;
            after_s = std::min(after_s, seconds_since(start));
        };
        // Each side goes first every other time, so that neither always finds the caches warm.
        for (int i = 0; i < repetitions; ++i) {
            if (i % 2 == 0) {
                without();
                with();
            } else {
                with();
                without();
            }
            if (after_bytes != before_bytes)
                throw CLI::ValidationError("the report's sinks changed the run's files");
        }
        std::printf(
            "{\"benchmark\":\"report\",\"file\":\"%s\",\"without_report_seconds\":%.4f,"
            "\"with_report_seconds\":%.4f,\"ratio\":%.3f,\"files_bytes\":%zu,\"report_bytes\":%zu,"
            "\"geojson_bytes\":%zu}\n",
            file.c_str(), before_s, after_s, after_s / before_s, before_bytes, report_bytes, geojson_bytes);
    });
}

}  // namespace corridor::bench
