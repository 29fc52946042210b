// The shards of one sweep put together: see shard_merge.hpp.

#include "shard_merge.hpp"

#include <filesystem>

namespace corridor::cli {

namespace fs = std::filesystem;

Result<std::vector<StoreHeader>> read_shards(const std::vector<std::string>& shards) {
    std::vector<StoreHeader> headers;
    std::vector<bool> seen;
    std::uint64_t count = 0;
    for (const std::string& dir : shards) {
        std::string path = (fs::path(dir) / "runs.sqlite").string();
        std::error_code error;
        if (!fs::exists(path, error)) return Error{dir + " is not a sweep's folder (it has no runs.sqlite)"};
        auto header = read_store_header(path);
        if (!header) return Error{header.error()};
        const std::string shard = header.value().facts.count("shard") ? header.value().facts.at("shard") : "";
        auto slash = shard.find('/');
        if (slash == std::string::npos)
            return Error{dir + " holds a whole sweep, not a shard: there is nothing to merge it with"};
        std::uint64_t index = std::stoull(shard.substr(0, slash)), of = std::stoull(shard.substr(slash + 1));
        if (headers.empty()) {
            count = of;
            seen.assign(of, false);
        }
        if (of != count)
            return Error{dir + " is shard " + shard + ", but " + shards.front() + " is of " +
                         std::to_string(count) + " shards"};
        if (seen[index - 1]) return Error{dir + ": shard " + shard + " is given twice"};
        seen[index - 1] = true;
        StoreHeader mine = header.value();
        if (!headers.empty()) {
            StoreHeader first = headers.front();
            first.facts.erase("shard");
            mine.facts.erase("shard");
            if (std::string why = store_difference(mine, first); !why.empty())
                return Error{dir + " is a shard of another sweep than " + shards.front() + " (" + why + ")"};
        }
        headers.push_back(header.value());
    }
    for (std::uint64_t i = 0; i < count; ++i)
        if (!seen[i])
            return Error{"shard " + std::to_string(i + 1) + "/" + std::to_string(count) +
                         " is missing: merge needs every shard of the sweep"};
    // Every run there, before anything is written: a merge either makes the whole sweep's folder
    // or nothing.
    std::uint64_t found = 0;
    for (std::size_t s = 0; s < shards.size(); ++s) {
        auto shard = RunStore::open((fs::path(shards[s]) / "runs.sqlite").string(), headers[s], true);
        if (!shard) return Error{shard.error()};
        found += shard.value()->done().size();
    }
    const StoreHeader& first = headers.front();
    std::uint64_t expected =
        std::stoull(first.facts.at("points")) * std::stoull(first.facts.at("replications"));
    if (found != expected)
        return Error{
            "the shards hold " + std::to_string(found) + " of the sweep's " + std::to_string(expected) +
            " runs: finish each shard (corridor sweep --shard I/N --resume, as it was started) and merge "
            "again"};
    return headers;
}

Result<std::unique_ptr<RunStore>> merge_shards(const std::vector<std::string>& shards,
                                               const std::vector<StoreHeader>& headers,
                                               const std::string& out) {
    StoreHeader whole = headers.front();
    whole.facts.erase("shard");
    auto made = RunStore::open((fs::path(out) / "runs.sqlite").string(), whole, false);
    if (!made) return Error{made.error()};
    RunStore& merged = *made.value();
    for (std::size_t s = 0; s < shards.size(); ++s) {
        auto shard = RunStore::open((fs::path(shards[s]) / "runs.sqlite").string(), headers[s], true);
        if (!shard) return Error{shard.error()};
        std::vector<RunRow> rows;
        shard.value()->for_each([&](const RunRow& row) { rows.push_back(row); });
        if (auto stored = merged.commit(rows); !stored) return Error{shards[s] + ": " + stored.error()};
    }
    std::uint64_t expected =
        std::stoull(whole.facts.at("points")) * std::stoull(whole.facts.at("replications"));
    std::uint64_t found = merged.done().size();
    if (found != expected)
        return Error{"the shards hold " + std::to_string(found) + " of the sweep's " +
                     std::to_string(expected) +
                     " runs: finish each shard (corridor sweep --shard I/N --resume) and merge again"};
    return std::move(made).value();
}

}  // namespace corridor::cli
