// corridor's command line: parses the subcommand, runs it, and turns every failure into a message
// and an exit code (docs/architecture.md, decision 9). Nothing below sim/cli/ exits or prints errors.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "corridor/commit.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/version.hpp"
#include "ranks.hpp"

namespace corridor::cli {

namespace {
std::string g_command;
}

const std::string& invoked_command() { return g_command; }

int usage_error(const std::string& message) {
    std::cerr << "corridor: error: " << message << "\n";
    return 2;
}

// The whole command line; `main` below only calls it, so that the command-line fuzz target
// (tests/fuzz/cli_fuzz.cpp) can call it too, built with CORRIDOR_CLI_NO_MAIN.
int main_with(int argc, char** argv) {
    g_command = "corridor";
    for (int i = 1; i < argc; ++i) g_command += std::string(" ") + argv[i];
    CLI::App app{"corridor: plan peacekeeping deployments and humanitarian operations by simulation"};
    // "corridor 0.1.0 (commit abc1234)": the commit is read at build time (cmake/commit.cmake).
    // A second line when built with MPI: `mpirun -np N corridor sweep` shares the sweep out.
    std::string mpi = ranks::library().empty() ? "" : "\nbuilt with MPI: " + ranks::library();
    app.set_version_flag("--version", std::string("corridor ") + corridor::kVersion + " (commit " +
                                          corridor::kCommit + ")" + mpi);
    app.require_subcommand(1);

    std::map<CLI::App*, Runner> runners;
    for (auto add : {add_validate_command, add_run_command, add_sweep_command, add_merge_command,
                     add_compare_command, add_analyse_command, add_route_command, add_prepare_command,
                     add_queue_command}) {
        std::size_t before = app.get_subcommands({}).size();
        Runner runner = add(app);
        runners[app.get_subcommands({}).at(before)] = std::move(runner);
    }

    // CLI11 says only "a subcommand is required" for a misspelt command; say what was wrong.
    if (argc > 1 && argv[1][0] != '-') {
        std::vector<std::string> names;
        for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
        if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
            std::string message = std::string("unknown command '") + argv[1] + "'";
            if (auto hint = corridor::closest_match(argv[1], names))
                message += "; did you mean '" + *hint + "'?";
            return usage_error(message + " (see corridor --help)");
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    try {
        for (auto& [command, runner] : runners) {
            if (!command->parsed()) continue;
            // Every rank would run the same command and write the same folder.
            if (ranks::count() > 1 && command->get_name() != "sweep")
                return ranks::index() == 0 ? usage_error(
                                                 "only corridor sweep shares its work out over mpirun's "
                                                 "ranks; run corridor " +
                                                 command->get_name() + " without mpirun")
                                           : 2;
            return runner();
        }
    } catch (const std::exception& e) {
        std::cerr << "corridor: internal error (a bug, please report it): " << e.what() << "\n";
        return 1;
    }
    return usage_error("no command given; see corridor --help");
}

}  // namespace corridor::cli

#ifndef CORRIDOR_CLI_NO_MAIN
// Under mpirun (a build with MPI) each rank joins the job first and leaves it last (ranks.hpp).
int main(int argc, char** argv) {
    corridor::cli::ranks::start(&argc, &argv);
    int code = corridor::cli::main_with(argc, argv);
    corridor::cli::ranks::stop();
    // What was printed must have arrived: `compare --format html > page.html` on a full disk
    // would otherwise leave a cut page behind a success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fprintf(stderr, "corridor: error: could not write the output: %s\n", std::strerror(errno));
        return code == 0 ? 2 : code;
    }
    return code;
}
#endif
