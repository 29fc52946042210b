#include <CLI/CLI.hpp>

#include "bench.hpp"

namespace corridor::bench {
void add_network_benchmarks(CLI::App&) {}
}  // namespace corridor::bench
