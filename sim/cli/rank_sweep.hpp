#pragma once
// `mpirun -np N corridor sweep SWEEP.yaml --out DIR` (docs/user-guide.md, "Scaling out"): rank R
// runs the sweep's shard R+1/N into DIR/.rank-R, exactly as `corridor sweep --shard R+1/N` would;
// rank 0 then merges the shards into DIR (shard_merge.hpp) and removes them, so that DIR holds the
// files of a one-process sweep, with the same bytes. `--resume` resumes each rank's own shard.
//
// No rank may wait for one that has stopped. Every rank makes the same two agreements whatever
// happens to it (before its shard starts, before its runs start); a failure before its runs is said
// once, by rank 0 when rank 0 met it too (a bad sweep file: every rank meets it), and every rank
// exits 2; a rank that fails during its runs ends the whole job (MPI_Abort).

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace corridor::cli {

class RankSweep {
  public:
    /// Under mpirun with more than one rank: every rank's standard output is silenced (rank 0
    /// prints the merged sweep's), and that of ranks other than 0's standard error held back.
    RankSweep();
    ~RankSweep();
    RankSweep(const RankSweep&) = delete;
    RankSweep& operator=(const RankSweep&) = delete;

    /// More than one rank: the sweep is shared out.
    bool spread() const { return spread_; }
    /// This process's rank, and the job's ranks.
    std::uint64_t rank() const;
    std::uint64_t count() const;

    /// This rank's share of the sweep that `dir` (DIR) is to hold, once rank 0 has checked DIR:
    /// `dir` becomes DIR/.rank-R, and `resume` whether that folder has a store to resume. False,
    /// the reason said once, when any rank cannot take part.
    bool share(std::string& dir, bool& resume);
    /// With this rank's store open, before its runs: false when any rank failed to get this far.
    bool ready();
    /// After this rank's share, which ended with `code`, its store closed: once every rank is
    /// done, rank 0 merges the shards into DIR and prints what a one-process sweep prints. The
    /// exit code.
    int finish(int code);

  private:
    bool settle(bool failed);  // one agreement: true when no rank failed

    bool spread_ = false;
    int agreements_ = 0;
    bool running_ = false, finished_ = false;
    std::string merged_;
    int saved_stdout_ = -1, saved_stderr_ = -1;
    std::FILE* held_stderr_ = nullptr;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace corridor::cli
