// Fuzz target: the command line of each command. The input is the arguments, one a line, then
// optionally the files they name as a bundle (fuzz_files.hpp), all in the process's own folder,
// which is also the working directory:
//
//     route
//     net
//     --from
//     A
//     #### net/nodes.csv
//     ...
//     #### net/edges.csv
//     ...
//
// Exit code 1 means an internal failure (a bug) and stops the fuzzer, like a crash.
// Kept small and inside the folder: `--out` words are dropped and `run` and `sweep` always write
// to `out` there (a sweep of at most 16 runs); `queue` always simulates 2,000 vehicles x 3 replications; `run` skips scenarios
// whose checkpoints or units would take long to simulate.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "corridor/engine/time.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "fuzz_files.hpp"

namespace corridor::cli {
int main_with(int argc, char** argv);  // sim/cli/main.cpp
}

namespace {

constexpr std::size_t kMaxWords = 24;
constexpr double kMaxVehicles = 20000;  // simulated in one `run` (checkpoint traffic and units)
constexpr double kMaxSweepRuns = 16;    // runs of one `sweep`

bool starts_with(const std::string& word, std::string_view prefix) { return word.rfind(prefix, 0) == 0; }

// Whether `run` on this file would simulate a small world (or fail to load, which is quick).
bool small_enough(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return true;
    corridor::LoadedScenario loaded = corridor::load_scenario(path.string());
    if (!loaded.theatre) return true;
    double vehicles = 0;
    for (const corridor::Checkpoint& c : loaded.theatre->checkpoints)
        vehicles += c.traffic_per_h * corridor::to_hours(loaded.theatre->duration);
    for (const corridor::Unit& u : loaded.theatre->units) vehicles += u.vehicle_count() + u.personnel / 10.0;
    return vehicles <= kMaxVehicles && loaded.theatre->duration <= 400 * corridor::kDay;
}

// Whether `sweep` on this file would make few runs of a small world (or fail early, which is quick).
bool small_sweep(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return true;
    corridor::LoadedSweep loaded = corridor::load_sweep(path.string());
    if (!loaded.spec) return true;
    const corridor::SweepSpec& spec = *loaded.spec;
    double points = 1;
    for (const corridor::Parameter& p : spec.parameters) points *= static_cast<double>(std::max<std::size_t>(p.values.size(), 1));
    if (spec.design == corridor::Design::lhs || spec.design == corridor::Design::random) points = static_cast<double>(spec.points);
    if (spec.design == corridor::Design::sobol)
        points = static_cast<double>(spec.points) * static_cast<double>(spec.parameters.size() + 2);
    if (spec.design == corridor::Design::each_road_closed) {
        corridor::LoadedScenario base = corridor::load_scenario(spec.scenario);
        if (base.theatre) points = static_cast<double>(base.theatre->network().arc_count()) + 1;
    }
    return points * spec.replications <= kMaxSweepRuns && small_enough(spec.scenario);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    std::vector<BundleFile> files = split_bundle(bytes(data, size), "arguments");
    std::string_view arguments = files.front().bytes;
    files.erase(files.begin());
    const std::string& folder = fresh_folder(files);

    std::vector<std::string> words{"corridor"};
    for (std::size_t start = 0; start < arguments.size() && words.size() <= kMaxWords;) {
        std::size_t end = std::min(arguments.find('\n', start), arguments.size());
        std::string word(arguments.substr(start, end - start));
        if (!starts_with(word, "--o")) words.push_back(word);  // --out: only the one added below
        start = end + 1;
    }
    bool run = false, queue = false, sweep = false;
    for (const std::string& word : words) {
        run = run || word == "run";
        queue = queue || word == "queue";
        sweep = sweep || word == "sweep";
    }
    if (run) {
        for (std::size_t i = 1; i < words.size(); ++i)
            if (!small_enough(std::filesystem::path(folder) / words[i])) return 0;
        words.insert(words.end(), {"--out", "out"});
    }
    if (sweep) {
        for (std::size_t i = 1; i < words.size(); ++i)
            if (!small_sweep(std::filesystem::path(folder) / words[i])) return 0;
        words.insert(words.end(), {"--out", "out", "--quiet"});
    }
    if (queue) {
        std::erase_if(words,
                      [](const std::string& w) { return starts_with(w, "--c") || starts_with(w, "--r"); });
        words.insert(words.end(), {"--customers", "2000", "--replications", "3"});
    }

    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    // The command runs in the folder; the fuzzer's own relative paths need the old directory back.
    static const int caller_directory = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (caller_directory < 0 || chdir(folder.c_str()) != 0) std::abort();
    int status = corridor::cli::main_with(static_cast<int>(words.size()), argv.data());
    if (fchdir(caller_directory) != 0) std::abort();
    if (status != 0 && status != 2) std::abort();  // 1: "internal error (a bug, please report it)"
    return 0;
}
