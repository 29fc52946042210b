// A sweep shared out over the ranks of an MPI job: see rank_sweep.hpp.

#include "rank_sweep.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "commands.hpp"
#include "corridor/report/sweep_files.hpp"
#include "ranks.hpp"
#include "shard_merge.hpp"

namespace corridor::cli {

namespace {

namespace fs = std::filesystem;

std::string rank_folder(const std::string& dir, int rank) {
    return (fs::path(dir) / (".rank-" + std::to_string(rank))).string();
}

// The ranks a shard's store was made by (its header's shard I/N), or 0.
int ranks_of(const std::string& shard) {
    std::error_code error;
    fs::path store = fs::path(shard) / "runs.sqlite";
    if (!fs::exists(store, error)) return 0;
    auto header = read_store_header(store.string());
    if (!header || !header.value().facts.count("shard")) return 0;
    const std::string& split = header.value().facts.at("shard");
    return std::atoi(split.substr(split.find('/') + 1).c_str());
}

// Why DIR may not take this sweep, or "" once it exists: new or empty, or, with --resume, holding
// the shards of a sweep stopped on as many ranks (and perhaps what its failed merge left).
std::string check_merged_folder(const std::string& dir, bool resume, int ranks) {
    std::error_code error;
    fs::file_status status = fs::status(dir, error);
    if (fs::exists(status) && !fs::is_directory(status))
        return "--out " + dir + " is a file, not a folder: give a new or empty folder for the sweep";
    if (!fs::exists(status)) {
        if (resume) return "there is no sweep to resume in " + dir + " (no such folder)";
        fs::create_directories(dir, error);
        return error ? "cannot make the folder " + dir + ": " + error.message() : "";
    }
    int shards = 0, started_on = 0;
    bool store = false, other = false;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(".rank-", 0) == 0) {
            ++shards;
            started_on = std::max(started_on, ranks_of(entry.path().string()));
        } else if (name == "runs.sqlite") {
            store = true;
        } else {
            other = true;
        }
    }
    if (error) return "cannot read the folder " + dir + ": " + error.message();
    if (started_on == 0) started_on = shards;  // (no rank had made its store)
    std::string started = std::to_string(started_on);
    if (shards > 0 && !resume)
        return dir +
               " holds a sweep stopped under mpirun before its shards were merged: add --resume to finish it "
               "(mpirun -np " +
               started + ")";
    if (shards > 0 && started_on != ranks)
        return dir + " holds a sweep started on " + started + " ranks: resume it with mpirun -np " + started;
    if (shards > 0) return "";
    if (store)
        return resume
                   ? dir + " holds a finished sweep, not one stopped under mpirun: resume it without mpirun"
                   : dir + " holds a sweep already: give another --out";
    if (other) return dir + " is not a sweep's folder (it holds other files): give a new or empty folder";
    if (resume) return "there is no sweep to resume in " + dir + " (it is empty)";
    return "";
}

// Points file descriptor `fd` at `file`, returning a copy of what it pointed at.
int redirect(int fd, int file) {
    std::fflush(nullptr);
    std::cout.flush();
    std::cerr.flush();
    int saved = ::dup(fd);
    ::dup2(file, fd);
    return saved;
}

void restore(int fd, int& saved) {
    if (saved < 0) return;
    std::fflush(nullptr);
    std::cout.flush();
    std::cerr.flush();
    ::dup2(saved, fd);
    ::close(saved);
    saved = -1;
}

}  // namespace

RankSweep::RankSweep() : spread_(ranks::count() > 1), start_(std::chrono::steady_clock::now()) {
    if (!spread_) return;
    int null = ::open("/dev/null", O_WRONLY);
    saved_stdout_ = redirect(STDOUT_FILENO, null);
    ::close(null);
    if (ranks::index() == 0) return;
    held_stderr_ = std::tmpfile();
    if (held_stderr_) saved_stderr_ = redirect(STDERR_FILENO, ::fileno(held_stderr_));
}

std::uint64_t RankSweep::rank() const { return static_cast<std::uint64_t>(ranks::index()); }
std::uint64_t RankSweep::count() const { return static_cast<std::uint64_t>(ranks::count()); }

RankSweep::~RankSweep() {
    if (!spread_) return;
    while (agreements_ < 2) settle(true);
    if (running_ && !finished_)
        ranks::abort_all("its share of the sweep failed (the reason is above); every rank stops");
    restore(STDOUT_FILENO, saved_stdout_);
}

// One agreement. What a rank other than 0 held back is said when it failed and rank 0 did not
// (rank 0 said it otherwise), and dropped once its runs may start.
bool RankSweep::settle(bool failed) {
    ranks::Verdict verdict = ranks::agree(failed);
    ++agreements_;
    if (!held_stderr_ || (!verdict.any_failed && agreements_ < 2)) return !verdict.any_failed;
    restore(STDERR_FILENO, saved_stderr_);
    if (failed && !verdict.first_failed) {
        std::rewind(held_stderr_);
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, held_stderr_)) > 0;)
            std::fwrite(buffer, 1, n, stderr);
    }
    std::fclose(held_stderr_);
    held_stderr_ = nullptr;
    return !verdict.any_failed;
}

bool RankSweep::share(std::string& dir, bool& resume) {
    std::string why = ranks::index() == 0 ? check_merged_folder(dir, resume, ranks::count()) : "";
    if (!why.empty()) usage_error(why);
    if (!settle(!why.empty())) return false;
    merged_ = dir;
    dir = rank_folder(merged_, ranks::index());
    std::error_code error;
    resume = resume && fs::exists(fs::path(dir) / "runs.sqlite", error);
    return true;
}

bool RankSweep::ready() {
    if (!spread_) return true;
    running_ = settle(false);
    return running_;
}

int RankSweep::finish(int code) {
    if (!spread_ || code != 0) return code;  // (a failure during the runs: see ~RankSweep)
    finished_ = true;
    ranks::wait_for_all();
    if (ranks::index() != 0) return 0;
    restore(STDOUT_FILENO, saved_stdout_);
    std::vector<std::string> shards;
    for (int r = 0; r < ranks::count(); ++r) shards.push_back(rank_folder(merged_, r));
    auto headers = read_shards(shards);
    if (!headers) return usage_error(headers.error());
    // (What a merge that failed before left: the shards still hold every run.)
    std::error_code error;
    for (const char* file : {"runs.sqlite", "runs.sqlite-wal", "runs.sqlite-shm"})
        fs::remove(fs::path(merged_) / file, error);
    {
        auto merged = merge_shards(shards, headers.value(), merged_);
        if (!merged) return usage_error(merged.error());
        const RunStore& store = *merged.value();
        if (auto exported = export_sweep(merged_, store, invoked_command()); !exported)
            return usage_error(exported.error());
        std::fputs(sweep_table(store, 10).c_str(), stdout);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        std::size_t runs = store.done().size();
        std::printf("  %zu runs of %s points x %s replications on %d ranks in %.1f s (%.1f runs/s)\n", runs,
                    store.header().facts.at("points").c_str(),
                    store.header().facts.at("replications").c_str(), ranks::count(), seconds,
                    seconds > 0 ? static_cast<double>(runs) / seconds : 0.0);
        std::string folder = merged_.back() == '/' ? merged_ : merged_ + "/";
        std::printf("  results in %s\n  report   %sreport.html\n", folder.c_str(), folder.c_str());
    }  // (the merged store is closed before the shards go)
    for (const std::string& shard : shards) fs::remove_all(shard, error);
    return 0;
}

}  // namespace corridor::cli
