// What the sweep machinery costs over the runs themselves (issue 10). The reference theatre's
// KPI-only runs called directly, then the same runs through `corridor sweep`'s machinery (points
// loaded with their overrides through a ScenarioCache, run on oneTBB a batch at a time, each batch
// committed to a real SQLite store, the folder's files exported at the end) at 1 and 2 threads,
// beside a bare parallel loop of the same runs (what the machine gives 2 threads just then); and
// first, before anything else raises the peak, 1,000 runs of 100 points with the peak memory after
// about 100 runs and after all. All in one process, so that the machine's load weighs alike on the
// figures compared.

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <string>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include "bench.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/report/sweep_files.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "corridor/sweep/plan.hpp"
#include "corridor/sweep/point_runs.hpp"
#include "corridor/sweep/run_sweep.hpp"

namespace corridor::bench {
namespace {

namespace fs = std::filesystem;

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Resident now (not the peak): shows growth that an earlier, higher peak would hide.
long current_rss_kb() {
    long pages = 0, resident = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct SweepRun {
    double seconds = 0;         // run_sweep and the export
    std::vector<RunRow> first;  // the stored rows of point 0, for the check against direct runs
};

// One sweep of `scenario` (an absolute path) over fleets.icrc-trucks.count = each of `counts`,
// `replications` each, written as a sweep file in `dir` and run as `corridor sweep` runs it.
SweepRun run_machinery(const fs::path& dir, const std::string& name, const std::string& scenario,
                       const std::vector<int>& counts, std::uint32_t replications, int threads,
                       const std::function<void(std::size_t)>& after_batch = {}) {
    std::string values;
    for (int c : counts) values += (values.empty() ? "" : ", ") + std::to_string(c);
    fs::path file = dir / (name + ".yaml");
    std::ofstream(file) << "sweep:\n  scenario: " << scenario << "\n  replications: " << replications
                        << "\nparameters:\n  fleets.icrc-trucks.count: [" << values << "]\n";
    LoadedSweep loaded = load_sweep(file.string());
    if (!loaded.spec) throw CLI::ValidationError(loaded.diagnostics.first_error());
    const SweepSpec& spec = *loaded.spec;

    ScenarioCache cache;
    LoadedScenario base = load_scenario(spec.scenario, {}, &cache);
    if (!base.theatre) throw CLI::ValidationError(base.diagnostics.first_error());
    std::uint64_t seed = base.theatre->seed;
    auto planned = plan_sweep(spec, seed, *base.theatre);
    if (!planned) throw CLI::ValidationError(planned.error());
    const SweepPlan& plan = planned.value();

    std::vector<std::size_t> kept(kpi_record(DeploymentResult{}).size());
    std::iota(kept.begin(), kept.end(), std::size_t{0});
    StoreHeader header = sweep_store_header(spec, plan, base.hash, seed, kept);
    fs::path out = dir / name;
    fs::create_directories(out);
    auto opened = RunStore::open((out / "runs.sqlite").string(), header, false);
    if (!opened) throw CLI::ValidationError(opened.error());
    RunStore& store = *opened.value();

    std::vector<std::uint64_t> todo(plan.size() * replications);
    std::iota(todo.begin(), todo.end(), std::uint64_t{0});
    SweepHooks hooks = point_run_hooks(spec, plan, *base.theatre, seed, kept, cache, store);
    if (after_batch) hooks.progress = [&](std::size_t done, std::size_t) { after_batch(done); };

    SweepRun result;
    auto start = std::chrono::steady_clock::now();
    if (auto ran = run_sweep(todo, replications, threads, kSweepBatch, hooks); !ran)
        throw CLI::ValidationError(ran.error());
    if (auto exported = export_sweep(out.string(), store, "corridor-bench sweep"); !exported)
        throw CLI::ValidationError(exported.error());
    result.seconds = seconds_since(start);
    store.for_each([&](const RunRow& row) {
        if (row.point == 0) result.first.push_back(row);
    });
    return result;
}

}  // namespace

void add_sweep_benchmark(CLI::App& app) {
    static std::string file = "scenarios/karabakh-2020/scenario.yaml";
    static std::uint32_t runs = 200;
    static int threads = 2;
    static std::uint32_t big_points = 100, big_replications = 10;
    static int rounds = 3;
    auto* command = app.add_subcommand(
        "sweep", "the sweep machinery's cost over direct runs, its speed-up on threads, 1,000 runs, memory");
    command->add_option("FILE", file, "the base scenario")->capture_default_str();
    command->add_option("--runs", runs, "runs R of the overhead and speed-up figures")
        ->check(CLI::Range(1u, 100'000u))
        ->capture_default_str();
    command->add_option("--threads", threads, "threads of the speed-up and of the big sweep")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    command->add_option("--rounds", rounds, "rounds of the overhead and speed-up figures; the best of each")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    command->add_option("--points", big_points, "points of the big sweep")
        ->check(CLI::Range(1u, 100'000u))
        ->capture_default_str();
    command->add_option("--replications", big_replications, "replications of each")
        ->check(CLI::Range(1u, 100'000u))
        ->capture_default_str();
    command->callback([] {
        std::string scenario = fs::absolute(file).lexically_normal().string();
        LoadedScenario loaded = load_scenario(scenario);
        if (!loaded.theatre) throw CLI::ValidationError(loaded.diagnostics.first_error());
        const Theatre& theatre = *loaded.theatre;
        auto fleet = std::find_if(theatre.aid.fleets.begin(), theatre.aid.fleets.end(),
                                  [](const auto& f) { return f.name == "icrc-trucks"; });
        if (fleet == theatre.aid.fleets.end()) throw CLI::ValidationError(file + " has no fleet icrc-trucks");
        int count = static_cast<int>(fleet->count);
        fs::path dir = fs::temp_directory_path() / ("corridor-bench-sweep-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);

        // First, while nothing else has raised the peak: the big sweep, the base fleet and the nine
        // sizes above it, each size ten times over, so that each batch loads its points anew.
        std::vector<int> counts;
        for (std::uint32_t p = 0; p < big_points; ++p)
            counts.push_back(std::max(1, count - 4) + static_cast<int>(p % 10));
        // (Taken after the first batch to end at or past 100 runs: the batches are of 64.)
        long peak_100 = 0, resident_100 = 0;
        std::size_t at_runs = 0;
        long peak_runs_done = 0;  // after the last batch, before the exports
        std::size_t big_runs = std::size_t{big_points} * big_replications;
        SweepRun big =
            run_machinery(dir, "big", scenario, counts, big_replications, threads, [&](std::size_t done) {
                if (peak_100 == 0 && done >= 100) {
                    at_runs = done;
                    peak_100 = peak_rss_kb();
                    resident_100 = current_rss_kb();
                }
                if (done == big_runs) peak_runs_done = peak_rss_kb();
            });
        long peak_all = peak_rss_kb(), resident_all = current_rss_kb();

        // Rounds of: the R runs called directly on one thread, then on `threads` threads with a
        // bare parallel loop (what the machine gives two threads now, machinery or not), then
        // through the machinery on one thread and on `threads`; the best of each side.
        std::vector<std::vector<Kpi>> direct(runs);
        double direct_s = 1e300, bare_s = 1e300, one_s = 1e300, two_s = 1e300;
        for (int round = 0; round < rounds; ++round) {
            auto start = std::chrono::steady_clock::now();
            for (std::uint32_t r = 0; r < runs; ++r)
                direct[r] = kpi_record(simulate_deployment(theatre, theatre.seed, r, Sinks::kpis_only()));
            direct_s = std::min(direct_s, seconds_since(start));
            {
                tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
                start = std::chrono::steady_clock::now();
                tbb::parallel_for(std::uint32_t{0}, runs, [&](std::uint32_t r) {
                    kpi_record(simulate_deployment(theatre, theatre.seed, r, Sinks::kpis_only()));
                });
                bare_s = std::min(bare_s, seconds_since(start));
            }
            std::string tag = "-" + std::to_string(round);
            SweepRun one = run_machinery(dir, "one-thread" + tag, scenario, {count}, runs, 1);
            SweepRun two = run_machinery(dir, "threads" + tag, scenario, {count}, runs, threads);
            one_s = std::min(one_s, one.seconds);
            two_s = std::min(two_s, two.seconds);
            // The machinery must have made the very runs it is compared with.
            for (const SweepRun* s : {&one, &two}) {
                if (s->first.size() != runs)
                    throw CLI::ValidationError("the sweep stored other runs than asked");
                for (std::uint32_t r = 0; r < runs; ++r)
                    for (std::size_t k = 0; k < direct[r].size(); ++k)
                        if (s->first[r].kpis[k] != direct[r][k].value)
                            throw CLI::ValidationError("a sweep's run differs from the direct run " +
                                                       std::to_string(r));
            }
        }

        double t1 = direct_s / runs;
        double load[3] = {0, 0, 0};
        if (getloadavg(load, 3) < 0) load[0] = -1;
        std::printf(
            "{\"benchmark\":\"sweep\",\"file\":\"%s\",\"runs\":%u,\"threads\":%d,\"single_run_seconds\":%.5f,"
            "\"sweep_1_thread_seconds\":%.3f,\"direct_seconds\":%.3f,\"overhead\":%.4f,"
            "\"sweep_%d_threads_seconds\":%.3f,\"speed_up\":%.3f,\"bare_loop_speed_up\":%.3f,"
            "\"big_runs\":%zu,\"big_points\":%u,\"big_seconds\":%.2f,\"big_runs_per_second\":%.1f,"
            "\"first_memory_at_runs\":%zu,\"max_rss_kb_then\":%ld,\"max_rss_kb_runs_done\":%ld,"
            "\"max_rss_kb_after_export\":%ld,\"rss_kb_then\":%ld,\"rss_kb_after_all\":%ld,"
            "\"load_average_1min\":%.2f}\n",
            file.c_str(), runs, threads, t1, one_s, direct_s, one_s / direct_s - 1, threads, two_s,
            one_s / two_s, direct_s / bare_s, big_runs, big_points, big.seconds, big_runs / big.seconds,
            at_runs, peak_100, peak_runs_done, peak_all, resident_100, resident_all, load[0]);
        fs::remove_all(dir);
    });
}

}  // namespace corridor::bench
