#pragma once
// The folder a sweep writes into (docs/user-guide.md, "Sweeps"): new or empty to start a sweep,
// one holding a sweep's store to resume it, never a folder of anything else, never one holding
// the sweep's own inputs. A finished sweep is never overwritten: its runs may have cost hours.

#include <string>
#include <vector>

namespace corridor::cli {

/// Why `dir` may not take the sweep, or an empty string after making it when it did not exist.
std::string prepare_sweep_folder(const std::string& dir, bool resume, const std::vector<std::string>& inputs);

}  // namespace corridor::cli
