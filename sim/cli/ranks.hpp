#pragma once
// The processes `mpirun -np N corridor ...` starts: N ranks of one job, which a sweep shares out
// (rank_sweep.hpp). Built with MPI, ranks_mpi.cpp speaks to Open MPI; built without it, or run
// without mpirun, ranks_single.cpp says there is one rank. Nothing else in corridor includes mpi.h.

#include <string>

namespace corridor::cli::ranks {

/// Joins the job when mpirun (or srun) started this process; called by main() only.
void start(int* argc, char*** argv);
/// Leaves it, if start() joined one.
void stop();

/// The job's ranks: 1 without MPI, without mpirun or with `mpirun -np 1`.
int count();
/// This process's rank, 0 to count() - 1.
int index();
/// "Open MPI v4.1.4 ..." when built with MPI, "" without (for `corridor --version`).
std::string library();

/// Waits until every rank gets here, without keeping a core busy meanwhile.
void wait_for_all();

/// Every rank says whether it failed, and learns whether any failed and whether rank 0 did.
struct Verdict {
    bool any_failed = false;
    bool first_failed = false;
};
Verdict agree(bool failed);

/// Prints `corridor: error: rank R: message` and ends every rank of the job.
[[noreturn]] void abort_all(const std::string& message);

}  // namespace corridor::cli::ranks
