// `corridor merge DIR... --out DIR`: the shards of one sweep (`corridor sweep --shard I/N`, e.g.
// a Slurm job array) put together into the folder the whole sweep would have written, with the
// same runs.csv and summary.csv (docs/user-guide.md, "Scaling out").

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "corridor/report/sweep_files.hpp"
#include "corridor/sweep/store.hpp"
#include "sweep_folder.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct MergeOptions {
    std::vector<std::string> shards;
    std::string out;
};

int merge(const MergeOptions& o) {
    std::vector<StoreHeader> headers;
    std::vector<bool> seen;
    std::uint64_t count = 0;
    for (const std::string& dir : o.shards) {
        std::string path = (fs::path(dir) / "runs.sqlite").string();
        std::error_code error;
        if (!fs::exists(path, error))
            return usage_error(dir + " is not a sweep's folder (it has no runs.sqlite)");
        auto header = read_store_header(path);
        if (!header) return usage_error(header.error());
        const std::string shard = header.value().facts.count("shard") ? header.value().facts.at("shard") : "";
        auto slash = shard.find('/');
        if (slash == std::string::npos)
            return usage_error(dir + " holds a whole sweep, not a shard: there is nothing to merge it with");
        std::uint64_t index = std::stoull(shard.substr(0, slash)), of = std::stoull(shard.substr(slash + 1));
        if (headers.empty()) {
            count = of;
            seen.assign(of, false);
        }
        if (of != count)
            return usage_error(dir + " is shard " + shard + ", but " + o.shards.front() + " is of " +
                               std::to_string(count) + " shards");
        if (seen[index - 1]) return usage_error(dir + ": shard " + shard + " is given twice");
        seen[index - 1] = true;
        StoreHeader mine = header.value();
        if (!headers.empty()) {
            StoreHeader first = headers.front();
            first.facts.erase("shard");
            mine.facts.erase("shard");
            if (first.facts != mine.facts || first.columns != mine.columns || first.kpis != mine.kpis)
                return usage_error(dir + " is a shard of another sweep than " + o.shards.front() +
                                   " (its sweep file, scenario, seed or version differ)");
        }
        headers.push_back(header.value());
    }
    for (std::uint64_t i = 0; i < count; ++i)
        if (!seen[i])
            return usage_error("shard " + std::to_string(i + 1) + "/" + std::to_string(count) +
                               " is missing: merge needs every shard of the sweep");

    StoreHeader whole = headers.front();
    whole.facts.erase("shard");
    if (std::string why = prepare_sweep_folder(o.out, false, o.shards); !why.empty()) return usage_error(why);
    auto made = RunStore::open((fs::path(o.out) / "runs.sqlite").string(), whole, false);
    if (!made) return usage_error(made.error());
    RunStore& merged = *made.value();
    for (std::size_t s = 0; s < o.shards.size(); ++s) {
        auto shard = RunStore::open((fs::path(o.shards[s]) / "runs.sqlite").string(), headers[s], true);
        if (!shard) return usage_error(shard.error());
        std::vector<RunRow> rows;
        Result<bool> stored = true;
        shard.value()->for_each([&](const RunRow& row) { rows.push_back(row); });
        if (stored = merged.commit(rows); !stored) return usage_error(o.shards[s] + ": " + stored.error());
    }
    std::uint64_t expected =
        std::stoull(whole.facts.at("points")) * std::stoull(whole.facts.at("replications"));
    std::uint64_t found = merged.done().size();
    if (found != expected)
        return usage_error("the shards hold " + std::to_string(found) + " of the sweep's " +
                           std::to_string(expected) +
                           " runs: finish each shard (corridor sweep --shard I/N --resume) and merge again");
    if (auto exported = export_sweep(o.out, merged, invoked_command()); !exported)
        return usage_error(exported.error());
    std::printf("  merged %llu shards, %llu runs\n  results in %s%s\n",
                static_cast<unsigned long long>(count), static_cast<unsigned long long>(found), o.out.c_str(),
                o.out.back() == '/' ? "" : "/");
    return 0;
}

}  // namespace

Runner add_merge_command(CLI::App& app) {
    auto o = std::make_shared<MergeOptions>();
    CLI::App* command =
        app.add_subcommand("merge", "put the shards of one sweep together (corridor sweep --shard I/N)");
    command->add_option("SHARD_DIR", o->shards, "the shards' folders")->required();
    command->add_option("--out", o->out, "the merged sweep's folder (new or empty)")->required();
    return [o] { return merge(*o); };
}

}  // namespace corridor::cli
