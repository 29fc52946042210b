#pragma once
// Reading a sweep file (docs/sweep-reference.md): its sections checked, every problem reported
// with its file, line and column, before any run starts.

#include <optional>
#include <string>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/sweep/sweep_spec.hpp"

namespace corridor {

struct LoadedSweep {
    std::optional<SweepSpec> spec;  // empty when there were errors
    Diagnostics diagnostics;
};

LoadedSweep load_sweep(const std::string& path);

}  // namespace corridor
