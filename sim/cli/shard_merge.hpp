#pragma once
// The shards of one sweep put together into the store the whole sweep would have made: by
// `corridor merge` (Slurm job arrays) and by rank 0 under mpirun (rank_sweep.hpp).

#include <memory>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/sweep/store.hpp"

namespace corridor::cli {

/// The headers of `shards`, once they are checked to be every shard of one sweep, each once. The
/// error names the shard at fault.
Result<std::vector<StoreHeader>> read_shards(const std::vector<std::string>& shards);

/// Stores the runs of `shards` (with `headers` from read_shards) in a new `out`/runs.sqlite: the
/// store the whole sweep would have made. `out` exists and holds no store; a shard that is not
/// finished is an error.
Result<std::unique_ptr<RunStore>> merge_shards(const std::vector<std::string>& shards,
                                               const std::vector<StoreHeader>& headers,
                                               const std::string& out);

}  // namespace corridor::cli
