#pragma once
// The files of one run (docs/architecture.md, decision 8): manifest.json, kpis.json, timeline.csv and
// units.csv (published by report/publish.hpp); and the short KPI table printed to the terminal. Every number
// has a fixed format, so the same run gives the same bytes.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "corridor/model/deployment.hpp"

namespace corridor {

struct RunManifest {
    std::string scenario_file;
    std::string scenario_hash;
    std::vector<std::string> input_files;
    std::uint64_t seed = 0;
    std::string command;
    std::vector<std::string> output_files;  // every file of the run's folder, the manifest included
    std::vector<std::pair<std::string, std::string>> checksums;  // of every file but the manifest
};

std::string manifest_json(const Theatre& theatre, const RunManifest& manifest);
std::string kpis_json(const Theatre& theatre, const DeploymentResult& result);
std::string timeline_csv(const Theatre& theatre, const DeploymentResult& result);
std::string units_csv(const Theatre& theatre, const DeploymentResult& result);
/// One row a unit and post: where it is, when the first convoy arrived, when it was established,
/// or why not.
std::string posts_csv(const Theatre& theatre, const DeploymentResult& result);
/// One row a convoy: its size, ends, times, route length and the time it stood still, by cause.
std::string convoys_csv(const Theatre& theatre, const DeploymentResult& result);
/// One row a direction of a road: its class and length, the convoy vehicles that used it, the
/// time it was closed and the longest queue at its gate.
std::string roads_csv(const Theatre& theatre, const DeploymentResult& result);
/// One row a day of the run: sorties unloaded, tonnes, people and vehicles landed.
std::string airlift_csv(const Theatre& theatre, const DeploymentResult& result);
/// towns.csv: one row per day, town and commodity (a scenario with towns only).
std::string towns_csv(const Theatre& theatre, const DeploymentResult& result);
/// "9 units, 28 posts, 31 unit-post assignments": how `validate` and `run` both speak of the force.
std::string posts_summary(const Theatre& theatre);
/// "1 checkpoint", "2 checkpoints": a count with its noun, singular or plural.
std::string count_of(std::size_t n, const std::string& one, const std::string& many);
std::string kpi_table(const Theatre& theatre, const DeploymentResult& result);

}  // namespace corridor
