#pragma once
// Publishing a run's files into its results folder without ever destroying a planner's own files
// (docs/architecture.md, decision 8). A folder is replaced only when a corridor run wrote it: its
// manifest.json names corridor and every entry in it is a file that manifest lists. The new files are written
// into a hidden sibling folder, flushed to disk, and swapped with the old folder in one atomic
// rename, so that at every instant either the old or the new results exist, complete.

#include <string>
#include <utility>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

struct OutputFile {
    std::string name;  // a plain file name, no folder
    std::string content;
};

/// A file's checksum as manifests record it ("fnv1a64:" and 16 hex digits), so that a later run
/// sees whether a planner changed a result before it replaces the folder.
std::string content_checksum(const std::string& content);

/// Why `dir` may not receive a run's results, or an empty string when it may: it does not exist,
/// is an empty folder, or is a folder a corridor run wrote. `inputs` are the files the run read;
/// a folder holding any of them is never replaced.
std::string check_results_folder(const std::string& dir, const std::vector<std::string>& inputs);

/// Writes `files` as the folder `dir`, replacing an earlier run's folder atomically. Refuses (and
/// touches nothing) where check_results_folder() refuses. Left-over hidden folders of runs that
/// were killed while publishing to the same `dir` are removed.
Result<bool> publish_folder(const std::string& dir, const std::vector<OutputFile>& files,
                            const std::vector<std::string>& inputs);

/// Writes one file in place of `path` atomically: a reader sees the old file or the new one,
/// complete, never a part (a sweep's exports, which sit beside its store).
Result<bool> replace_file(const std::string& path, const std::string& content);

/// The manifest every run folder holds; its `"files"` list names the folder's files, itself
/// included, and is what check_results_folder() reads.
inline constexpr const char* kManifestName = "manifest.json";

}  // namespace corridor
