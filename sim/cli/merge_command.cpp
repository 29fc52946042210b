// `corridor merge DIR... --out DIR`: the shards of one sweep (`corridor sweep --shard I/N`, e.g.
// a Slurm job array) put together into the folder the whole sweep would have written, with the
// same runs.csv and summary.csv (docs/user-guide.md, "Scaling out").

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "corridor/report/sweep_files.hpp"
#include "shard_merge.hpp"
#include "sweep_folder.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct MergeOptions {
    std::vector<std::string> shards;
    std::string out;
};

int merge(const MergeOptions& o) {
    auto headers = read_shards(o.shards);
    if (!headers) return usage_error(headers.error());
    if (std::string why = prepare_sweep_folder(o.out, false, o.shards); !why.empty()) return usage_error(why);
    auto merged = merge_shards(o.shards, headers.value(), o.out);
    if (!merged) {
        // (What it began to write goes: the folder is left as it was found, new or empty.)
        std::error_code ignored;
        for (const char* file : {"runs.sqlite", "runs.sqlite-wal", "runs.sqlite-shm"})
            fs::remove(fs::path(o.out) / file, ignored);
        return usage_error(merged.error());
    }
    if (auto exported = export_sweep(o.out, *merged.value(), invoked_command()); !exported)
        return usage_error(exported.error());
    std::string folder = o.out.back() == '/' ? o.out : o.out + "/";
    std::printf("  merged %zu shards, %zu runs\n  results in %s\n  report   %sreport.html\n", o.shards.size(),
                merged.value()->done().size(), folder.c_str(), folder.c_str());
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
