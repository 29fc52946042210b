#pragma once
// Each subcommand registers its options on the application and returns the function that runs
// it. A runner returns the exit code: 0 success, 2 bad input or usage, 1 an internal failure.

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace corridor::cli {

using Runner = std::function<int()>;

Runner add_queue_command(CLI::App& app);
Runner add_route_command(CLI::App& app);
Runner add_prepare_command(CLI::App& app);
Runner add_validate_command(CLI::App& app);
Runner add_run_command(CLI::App& app);
Runner add_sweep_command(CLI::App& app);
Runner add_merge_command(CLI::App& app);
Runner add_compare_command(CLI::App& app);
Runner add_analyse_command(CLI::App& app);

/// The command line as typed, for the run manifest.
const std::string& invoked_command();

/// Prints `corridor: error: message` to standard error and returns 2.
int usage_error(const std::string& message);

}  // namespace corridor::cli
