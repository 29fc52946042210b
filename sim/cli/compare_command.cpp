// `corridor compare DIR_A DIR_B [--format text|csv|markdown|html]`: B - A per KPI (and per point), paired
// when both used the same seed, Welch otherwise, Holm's adjustment over each point's KPIs; and
// `corridor compare DIR`: one sweep's points ranked on each KPI (docs/user-guide.md, "Comparing
// results").

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "corridor/report/comparison_report.hpp"
#include "corridor/report/comparison_tables.hpp"
#include "corridor/sweep/compare.hpp"
#include "corridor/sweep/ranking.hpp"
#include "corridor/sweep/result_folder.hpp"

namespace corridor::cli {
namespace {

struct CompareOptions {
    std::vector<std::string> folders;
    std::string format = "text";
};

int compare(const CompareOptions& o) {
    TableFormat format = TableFormat::text;
    bool html = o.format == "html";  // a self-contained page on stdout, like the other formats
    if (o.format == "csv")
        format = TableFormat::csv;
    else if (o.format == "markdown")
        format = TableFormat::markdown;
    else if (o.format != "text" && !html)
        return usage_error("--format must be text, csv, markdown or html, not '" + o.format + "'");
    if (o.folders.size() == 2) {
        std::error_code ec;
        if (std::filesystem::equivalent(o.folders[0], o.folders[1], ec))
            return usage_error("'" + o.folders[0] + "' and '" + o.folders[1] +
                               "' are the same folder: a comparison needs two results");
    }
    std::vector<ResultFolder> folders;
    for (const std::string& path : o.folders) {
        auto folder = read_result_folder(path);
        if (!folder) {
            std::cerr << folder.error() << "\n";
            return 2;
        }
        folders.push_back(std::move(folder.value()));
    }
    if (folders.size() == 1) {
        std::vector<KpiRanking> rankings = rank_points(folders[0]);
        std::fputs(
            (html ? ranking_report_html(rankings, folders[0]) : ranking_table(rankings, folders[0], format))
                .c_str(),
            stdout);
        return 0;
    }
    auto comparison = compare_folders(folders[0], folders[1]);
    if (!comparison)
        return usage_error("cannot compare '" + o.folders[0] + "' and '" + o.folders[1] +
                           "': " + comparison.error());
    std::fputs((html ? comparison_report_html(comparison.value(), folders[0], folders[1])
                     : comparison_table(comparison.value(), folders[0], folders[1], format))
                   .c_str(),
               stdout);
    return 0;
}

}  // namespace

Runner add_compare_command(CLI::App& app) {
    auto o = std::make_shared<CompareOptions>();
    CLI::App* command = app.add_subcommand(
        "compare",
        "compare two results folders KPI by KPI (B - A, paired when both used the same seed), or rank "
        "the points of one sweep");
    command
        ->add_option("DIR", o->folders,
                     "one sweep's folder, or two folders A and B (runs with --replications "
                     "or sweeps)")
        ->required()
        ->expected(1, 2);
    command->add_option("--format", o->format, "text, csv, markdown or html (a self-contained page)")
        ->capture_default_str();
    return [o] { return compare(*o); };
}

}  // namespace corridor::cli
