// `corridor prepare NETWORK --out FILE.cnet`: loads a network once and writes it as a prepared
// network file, which `corridor route` and scenarios then load in milliseconds (docs/network.md,
// "Prepared networks").

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"
#include "network_options.hpp"

namespace corridor::cli {
namespace {

struct PrepareOptions {
    std::string network;
    std::string out;
    NetworkOptions reading;
    std::string hierarchy = "none";
};

// What is prepared beside the network: a contraction hierarchy per metric asked for, so that
// point-to-point routes on the loaded file need no preparation (docs/network.md).
std::vector<PreparedSection> sections_prepared_with(const RoadNetwork& network, const std::string& hierarchy) {
    std::vector<PreparedSection> sections;
    for (Metric metric : {Metric::time, Metric::distance}) {
        const bool wanted = hierarchy == "both" || (hierarchy == "time") == (metric == Metric::time);
        if (hierarchy == "none" || !wanted) continue;
        std::ostringstream bytes;
        ContractionHierarchy::build(network, metric).write(bytes);
        sections.push_back({kContractionHierarchySection, std::move(bytes).str()});
    }
    return sections;
}

// --out may replace an earlier prepared network and nothing else: not the source map, a table of
// it, a scenario or a note that happens to sit where the planner pointed.
std::string out_problem(const std::string& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (out.empty()) return "--out needs a file name, such as network.cnet";
    const fs::path path(out);
    if (fs::is_directory(path, ec))
        return "--out '" + out + "' is a folder; give a file name, such as '" + (path / "network.cnet").string() + "'";
    if (fs::exists(path, ec) && !is_prepared_network(out))
        return "--out '" + out +
               "' exists and is not a prepared network; corridor prepare replaces only an earlier prepared file";
    const fs::path parent = path.parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
        return "--out '" + out + "': the folder '" + parent.string() + "' does not exist";
    return {};
}

int run_prepare(const PrepareOptions& o) {
    auto load_options = cli::load_options(o.reading);
    if (!load_options) return usage_error(load_options.error());
    if (o.hierarchy != "none" && o.hierarchy != "time" && o.hierarchy != "distance" && o.hierarchy != "both")
        return usage_error("--hierarchy must be none, time, distance or both, not '" + o.hierarchy + "'");
    if (std::string problem = out_problem(o.out); !problem.empty()) return usage_error(problem);
    if (is_prepared_network(o.network))
        return usage_error("'" + o.network + "' is a prepared network already; prepare its source instead");
    // The source's hash before it is read: one changed while it is read and prepared is refused.
    auto before = prepared_input_hash(o.network, load_options.value());
    LoadedNetwork loaded = load_network(o.network, load_options.value());
    std::cerr << format_all(loaded.diagnostics);
    if (!loaded.network) return 2;
    auto written = save_prepared_network(
        o.out, *loaded.network, o.network, load_options.value(),
        sections_prepared_with(*loaded.network, o.hierarchy),
        before ? std::optional<std::uint64_t>(before.value()) : std::nullopt);
    if (!written) {
        Diagnostics diagnostics;
        diagnostics.error(o.out, 0, 0, written.error());
        std::cerr << format_all(diagnostics);
        return 2;
    }
    std::printf("prepared %s: %zu nodes, %zu arcs, %zu bytes\n", o.out.c_str(), loaded.network->node_count(),
                loaded.network->arc_count(), written.value());
    return 0;
}

}  // namespace

Runner add_prepare_command(CLI::App& app) {
    auto o = std::make_shared<PrepareOptions>();
    CLI::App* command =
        app.add_subcommand("prepare", "write a road network as a prepared file that loads in milliseconds");
    command
        ->add_option("NETWORK", o->network,
                     "a folder with nodes.csv and edges.csv, a DIMACS .gr file, or an OpenStreetMap file")
        ->required();
    command->add_option("--out", o->out, "the prepared network file to write (FILE.cnet)")->required();
    add_network_options(*command, o->reading);
    command
        ->add_option("--hierarchy", o->hierarchy,
                     "contraction hierarchies to store for fast routes: none, time, distance or both")
        ->capture_default_str();
    return [o] { return run_prepare(*o); };
}

}  // namespace corridor::cli
