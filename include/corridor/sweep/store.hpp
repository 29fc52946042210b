#pragma once
// The store of a sweep's finished runs: `runs.sqlite` in the sweep's folder (docs/user-guide.md,
// "Sweeps"). SQLite in WAL mode, one transaction per batch of runs, so that a sweep killed at
// any moment keeps every batch it committed and `--resume` runs only the rest. Planners can open
// it in pandas or DB Browser: one table `runs`, one row per run, and a table `sweep` that says
// what the runs are of.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

/// What a store's runs are of: a store is resumed only by the same sweep of the same scenario.
struct StoreHeader {
    std::map<std::string, std::string> facts;  // sweep_hash, scenario_hash, seed, replications, ...
    std::vector<std::string> columns;          // the parameters' columns
    std::vector<std::string> kpis;             // the KPIs kept, in order
    std::vector<std::string> units;            // each KPI's unit
};

struct RunRow {
    std::uint32_t point = 0, replication = 0;
    std::vector<std::string> parameters;        // as applied
    std::vector<std::optional<double>> kpis;    // none: no value within the run
};

class RunStore {
  public:
    /// Creates the store at `path` for `header`, or with `resume` opens the one there, which must
    /// have been made for the same header (the error says which fact differs).
    static Result<std::unique_ptr<RunStore>> open(const std::string& path, const StoreHeader& header, bool resume);
    ~RunStore();

    const StoreHeader& header() const { return header_; }
    /// The runs stored, as point x replications + replication.
    std::vector<std::uint64_t> done() const;
    /// Stores `rows` in one transaction: all of them or, if the process dies, none.
    Result<bool> commit(const std::vector<RunRow>& rows);
    /// Every stored run in (point, replication) order.
    void for_each(const std::function<void(const RunRow&)>& each) const;

  private:
    struct Db;
    RunStore(std::unique_ptr<Db> db, StoreHeader header);
    /// A new store at `path` holding `header` and no run.
    static Result<bool> create(const std::string& path, const StoreHeader& header);
    std::unique_ptr<Db> db_;
    StoreHeader header_;
};

/// How the store `found` differs from `wanted`, said for a planner ("seed was 1, is now 2"), or
/// an empty string when the same sweep made it (wherever its files were read from).
std::string store_difference(const StoreHeader& found, const StoreHeader& wanted);

/// Reads the header of the store at `path` (for `corridor merge`).
Result<StoreHeader> read_store_header(const std::string& path);

}  // namespace corridor
