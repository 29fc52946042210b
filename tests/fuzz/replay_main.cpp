// Replays fuzz inputs without libFuzzer: `corridor-fuzz-replay TARGET PATH...` feeds every file
// under each PATH (files or folders, read recursively, in name order) to the target's
// LLVMFuzzerTestOneInput, as the `fuzz-replay` test does with the corpus and the regressions
// (docs/testing.md). An input that crashes kills the process, naming the input first.
// Each target's source is built here with LLVMFuzzerTestOneInput renamed corridor_fuzz_TARGET.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define CORRIDOR_FUZZ_TARGETS(X) X(scenario) X(csv) X(dimacs) X(osm) X(pbf) X(cli) X(prepared)

#define CORRIDOR_DECLARE(name) extern "C" int corridor_fuzz_##name(const std::uint8_t*, std::size_t);
CORRIDOR_FUZZ_TARGETS(CORRIDOR_DECLARE)

namespace {

namespace fs = std::filesystem;
using Target = int (*)(const std::uint8_t*, std::size_t);

struct Named {
    const char* name;
    Target target;
};

#define CORRIDOR_ENTRY(name) {#name, corridor_fuzz_##name},
const Named kTargets[] = {CORRIDOR_FUZZ_TARGETS(CORRIDOR_ENTRY)};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: corridor-fuzz-replay TARGET PATH...\n");
        return 2;
    }
    const Named* target = std::find_if(std::begin(kTargets), std::end(kTargets),
                                       [&](const Named& t) { return std::string(t.name) == argv[1]; });
    if (target == std::end(kTargets)) {
        std::fprintf(stderr, "corridor-fuzz-replay: unknown target '%s'\n", argv[1]);
        return 2;
    }
    // Absolute paths first: the command-line target changes the working directory.
    std::vector<fs::path> inputs;
    for (int i = 2; i < argc; ++i) {
        fs::path path = fs::absolute(argv[i]);
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::recursive_directory_iterator(path))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
        } else if (fs::is_regular_file(path)) {
            inputs.push_back(path);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& input : inputs) {
        std::fprintf(stderr, "replaying %s\n", input.c_str());
        std::ifstream in(input, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        target->target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%s: %zu inputs replayed\n", target->name, inputs.size());
    return inputs.empty() ? 1 : 0;
}
