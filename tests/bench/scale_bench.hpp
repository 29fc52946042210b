#pragma once
// Parts of `corridor-bench scale` shared between its files: the peak memory of the process and the
// scenario of many convoys on the generated grid (scale_scenario.cpp).

#include <filesystem>
#include <string>
#include <vector>

namespace corridor::bench {

/// The process's peak resident memory, kB (VmHWM of /proc/self/status).
long peak_rss_kb();
/// Starts the peak afresh (Linux: `5` to /proc/self/clear_refs), so that a phase's peak is its own;
/// false where the system does not allow it.
bool reset_peak_rss();

/// One unit's march: the node it sets out from and the node of its post, by id.
struct ConvoyEnds {
    std::string origin, post;
};

/// Writes a scenario of one unit (one convoy) per entry onto the CSV network in `folder`/network,
/// its `network: {hierarchy}` rule `hierarchy` (auto, none or time), loads it through the normal
/// loader and runs it; prints the figures, the routing's among them.
void convoy_phase(const std::filesystem::path& folder, const std::vector<ConvoyEnds>& ends,
                  std::uint64_t seed, const std::string& hierarchy);

}  // namespace corridor::bench
