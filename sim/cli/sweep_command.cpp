// `corridor sweep SWEEP.yaml [--threads N] [--out DIR] [--resume] [--shard I/N] [--quiet]`: every
// point and replication of a sweep, checked before any run, run in parallel, stored as they finish
// and exported in (point, replication) order (docs/user-guide.md, "Sweeps").

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <tbb/parallel_for.h>

#include "commands.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/report/publish.hpp"
#include "corridor/report/sweep_files.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "corridor/sweep/plan.hpp"
#include "corridor/sweep/point_runs.hpp"
#include "corridor/sweep/run_sweep.hpp"
#include "corridor/version.hpp"
#include "rank_sweep.hpp"
#include "sweep_folder.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct SweepOptions {
    std::string sweep;
    int threads = 0;
    std::optional<std::string> out;
    bool resume = false;
    std::optional<std::string> shard;
    bool quiet = false;
};

struct Shard {
    std::uint64_t index = 0, count = 1;  // 0-based index of count
};

Result<Shard> parse_shard(const std::string& text) {
    auto slash = text.find('/');
    std::uint64_t i = 0, n = 0;
    auto read = [](std::string_view s, std::uint64_t& v) {
        auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
        return error == std::errc() && end == s.data() + s.size() && !s.empty();
    };
    if (slash == std::string::npos || !read(std::string_view(text).substr(0, slash), i) ||
        !read(std::string_view(text).substr(slash + 1), n) || i < 1 || i > n || n > 100'000)
        return Error{"--shard must be I/N with 1 <= I <= N (this shard of N, as Slurm's array task), not '" +
                     text + "'"};
    return Shard{i - 1, n};
}

// Prints every diagnostic; true when there is no error.
bool report(const Diagnostics& d, const std::string& file, const char* what) {
    std::cerr << format_all(d);
    if (!d.has_errors()) return true;
    std::size_t n = d.error_count();
    std::cerr << file << ": " << n << (n == 1 ? " error" : " errors") << " in " << what
              << "; nothing was run\n";
    return false;
}

// The KPIs the sweep keeps, as positions in a run's record, or an error at the name at fault.
std::optional<std::vector<std::size_t>> kept_kpis(const SweepSpec& spec, Diagnostics& d) {
    std::vector<Kpi> all = kpi_record(DeploymentResult{});
    std::vector<std::string> names;
    for (const Kpi& k : all) names.emplace_back(k.name);
    std::vector<std::size_t> kept;
    if (spec.kpis.empty())
        for (std::size_t k = 0; k < all.size(); ++k) kept.push_back(k);
    for (std::size_t i = 0; i < spec.kpis.size(); ++i) {
        auto it = std::find(names.begin(), names.end(), spec.kpis[i]);
        if (it != names.end()) {
            kept.push_back(static_cast<std::size_t>(it - names.begin()));
            continue;
        }
        std::string message = "unknown KPI '" + spec.kpis[i] + "'";
        if (auto hint = closest_match(spec.kpis[i], names))
            message += "; did you mean '" + *hint + "'?";
        else
            message += " (docs/model.md, \"KPIs\", lists them)";
        d.error(spec.file, spec.kpi_at[i].line, spec.kpi_at[i].column, message);
    }
    if (d.has_errors()) return std::nullopt;
    return kept;
}

// Loads every point once, so that a bad path or value stops the sweep before its first run. The
// same message from many points is printed once.
bool check_points(const SweepSpec& spec, const SweepPlan& plan, ScenarioCache& cache) {
    if (spec.design == Design::single || spec.design == Design::each_road_closed) return true;
    std::vector<Diagnostics> found(plan.size());
    tbb::parallel_for(std::size_t{0}, plan.size(), [&](std::size_t p) {
        found[p] = load_scenario(spec.scenario, point_overrides(spec, plan, p), &cache).diagnostics;
    });
    // (Keyed without the point named at its end, so that one bad value is said once.)
    std::map<std::string, std::pair<std::string, std::size_t>> errors;  // first said, points
    std::vector<std::string> order;
    std::size_t bad = 0;
    for (const Diagnostics& d : found) {
        if (!d.has_errors()) continue;
        ++bad;
        for (const Diagnostic& item : d.items()) {
            if (item.severity != Severity::error) continue;
            std::string text = format(item);
            // An error the point's values caused elsewhere in the scenario names them.
            if (item.file != spec.file) {
                std::string applied;
                for (const Override& o :
                     point_overrides(spec, plan, static_cast<std::size_t>(&d - found.data())))
                    applied += (applied.empty() ? "" : ", ") + o.path + " = " + o.value;
                text += " (point " + std::to_string(&d - found.data()) + ": " + applied + ")";
            }
            std::string key = text.substr(0, text.rfind(" (point "));
            auto [it, inserted] = errors.emplace(key, std::make_pair(text, 0));
            if (inserted) order.push_back(key);
            ++it->second.second;
        }
    }
    for (std::size_t i = 0; i < order.size() && i < 20; ++i) {
        const auto& [text, points] = errors[order[i]];
        std::cerr << text
                  << (points > 2   ? " (and at " + std::to_string(points - 1) + " more points)"
                      : points > 1 ? std::string(" (and at 1 more point)")
                                   : std::string())
                  << "\n";
    }
    if (order.size() > 20) std::cerr << "  and " << order.size() - 20 << " more errors\n";
    if (bad == 0) return true;
    std::cerr << spec.file << ": " << bad << " of " << plan.size()
              << " points cannot be run; nothing was run\n";
    return false;
}

// Done / total, runs a second and time left, redrawn in place on a terminal.
class ProgressBar {
  public:
    explicit ProgressBar(bool shown) : shown_(shown), start_(std::chrono::steady_clock::now()) {}
    void show(std::size_t done, std::size_t total) {
        if (!shown_) return;
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
        double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
        int width = 30;
        int filled = total ? static_cast<int>(width * done / total) : width;
        std::fprintf(stderr, "\r  [%s%s] %zu/%zu runs, %.1f runs/s, %.0f s left ",
                     std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done, total,
                     rate, left);
        if (done == total) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

  private:
    bool shown_;
    std::chrono::steady_clock::time_point start_;
};

int sweep(SweepOptions o, RankSweep& ranks) {
    if (o.shard && ranks.spread())
        return usage_error(
            "--shard and mpirun both split the sweep: under mpirun the ranks take a shard each; drop "
            "--shard");
    if (o.threads < 0)
        return usage_error("--threads must be 0 (all cores) or more, not " + std::to_string(o.threads));
    if (o.out && o.out->empty()) return usage_error("--out names no folder");
    Shard shard;
    if (o.shard) {
        auto parsed = parse_shard(*o.shard);
        if (!parsed) return usage_error(parsed.error());
        shard = parsed.value();
    }
    LoadedSweep loaded = load_sweep(o.sweep);
    if (!report(loaded.diagnostics, o.sweep, "the sweep file")) return 2;
    const SweepSpec& spec = *loaded.spec;
    std::error_code missing;
    if (!fs::exists(spec.scenario, missing)) {
        std::cerr << spec.file << ":" << spec.scenario_at.line << ":" << spec.scenario_at.column
                  << ": error: the base scenario " << spec.scenario << " does not exist\n";
        return 2;
    }
    ScenarioCache cache;
    LoadedScenario base = load_scenario(spec.scenario, {}, &cache);
    if (!report(base.diagnostics, spec.scenario, "the base scenario")) return 2;
    const Theatre& theatre = *base.theatre;
    std::uint64_t seed = spec.seed.value_or(theatre.seed);
    Diagnostics problems;
    auto kept = kept_kpis(spec, problems);
    if (!kept) {
        report(problems, o.sweep, "the sweep file");
        return 2;
    }
    auto planned = plan_sweep(spec, seed, theatre);
    if (!planned) {
        problems.error(spec.file, 0, 0, planned.error());
        report(problems, o.sweep, "the sweep file");
        return 2;
    }
    const SweepPlan& plan = planned.value();
    if (!check_points(spec, plan, cache)) return 2;

    std::string name = spec.name.empty() ? fs::path(spec.file).stem().string() : spec.name;
    std::string dir = o.out.value_or(
        "results/sweeps/" + name +
        (o.shard ? "-shard-" + std::to_string(shard.index + 1) + "-of-" + std::to_string(shard.count) : ""));
    std::vector<std::string> inputs = base.files;
    inputs.push_back(spec.file);
    if (ranks.spread()) {
        if (!ranks.share(dir, o.resume)) return 2;
        shard = {ranks.rank(), ranks.count()};
        o.shard = std::to_string(shard.index + 1) + "/" + std::to_string(shard.count);
    }
    if (std::string why = prepare_sweep_folder(dir, o.resume, inputs); !why.empty()) return usage_error(why);

    StoreHeader header = sweep_store_header(spec, plan, base.hash, seed, *kept);
    if (o.shard) header.facts["shard"] = std::to_string(shard.index + 1) + "/" + std::to_string(shard.count);
    auto opened = RunStore::open((fs::path(dir) / "runs.sqlite").string(), header, o.resume);
    if (!opened) return usage_error(opened.error());
    RunStore& store = *opened.value();

    // This shard's runs (every N-th from its index, so that shards take equal shares of every
    // part of the sweep), less those stored already.
    std::uint64_t total = plan.size() * std::uint64_t{spec.replications};
    std::vector<std::uint64_t> done = store.done(), todo;
    for (std::uint64_t i = shard.index; i < total; i += shard.count)
        if (!std::binary_search(done.begin(), done.end(), i)) todo.push_back(i);

    SweepHooks hooks = point_run_hooks(spec, plan, theatre, seed, *kept, cache, store);
    ProgressBar bar(!o.quiet && ::isatty(STDERR_FILENO));
    hooks.progress = [&](std::size_t n, std::size_t of) { bar.show(n, of); };
    auto start = std::chrono::steady_clock::now();
    if (!ranks.ready()) return 2;
    // A batch: enough runs to keep every thread busy, few enough that a kill loses seconds.
    if (auto ran = run_sweep(todo, spec.replications, o.threads, kSweepBatch, hooks); !ran)
        return usage_error(ran.error());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    auto exported = o.shard ? write_shard_manifest(dir, store, invoked_command())
                            : export_sweep(dir, store, invoked_command());
    if (!exported) return usage_error(exported.error());
    if (!o.shard)
        std::fputs(spec.design == Design::each_road_closed ? road_closure_table(store, 5).c_str()
                                                           : sweep_table(store, 10).c_str(),
                   stdout);
    std::printf("  %zu runs of %zu points x %u replication%s%s in %.1f s (%.1f runs/s)%s\n", todo.size(),
                plan.size(), spec.replications, spec.replications == 1 ? "" : "s",
                o.shard ? (", shard " + *o.shard).c_str() : "", seconds,
                seconds > 0 ? static_cast<double>(todo.size()) / seconds : 0.0,
                done.empty() ? "" : (", " + std::to_string(done.size()) + " stored before").c_str());
    std::string folder = dir.back() == '/' ? dir : dir + "/";
    std::printf("  results in %s\n", folder.c_str());
    // A shard's runs are reported once merged.
    if (!o.shard) std::printf("  report   %sreport.html\n", folder.c_str());
    return 0;
}

}  // namespace

Runner add_sweep_command(CLI::App& app) {
    auto o = std::make_shared<SweepOptions>();
    CLI::App* command = app.add_subcommand("sweep",
                                           "run every point and replication of a sweep file; results in a "
                                           "folder (runs.sqlite, runs.csv, summary.csv)");
    command->add_option("SWEEP", o->sweep, "the sweep's YAML file")->required();
    command->add_option("--threads", o->threads, "runs at once (default 0: every core)");
    command->add_option("--out", o->out, "results folder (default: results/sweeps/NAME)");
    command->add_flag("--resume", o->resume,
                      "finish a sweep that was stopped: run only what its folder lacks");
    command->add_option("--shard", o->shard,
                        "run only shard I of N (I/N, e.g. a Slurm array task), then `corridor merge`");
    command->add_flag("--quiet", o->quiet, "no progress bar");
    return [o] {
        RankSweep ranks;  // under mpirun: a shard per rank, merged by rank 0 (rank_sweep.hpp)
        return ranks.finish(sweep(*o, ranks));  // (once this rank's store is closed)
    };
}

}  // namespace corridor::cli
