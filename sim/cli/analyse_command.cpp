// `corridor analyse DIR`: which parameters of a sweep move each KPI (docs/user-guide.md, "Analysing
// a sweep"). Standardised regression and partial rank correlation coefficients for lhs and random
// designs, Sobol indices with bootstrap intervals for sobol; the estimates go to DIR/analysis.csv
// and a table to the terminal.

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/sweep/analysis.hpp"
#include "analysed_folder.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct Row {
    std::string kpi, parameter, method;
    double estimate = 0;
    std::optional<double> low, high;
};

struct Analysis {
    std::vector<Row> rows;
    std::string table;  // for the terminal
    std::string notes;  // what was left out, and why
};

// Six decimals with the zeros that follow them dropped, as the sweep's own files.
std::string number(double x) {
    std::string text = format_fixed(x, 6);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string readable(double x) {
    std::string text = format_fixed(x, 3);
    return text == "-0.000" ? "0.000" : text;
}

std::size_t name_width(const SweepFolder& folder) {
    std::size_t width = 24;
    for (const SweepParameter& p : folder.parameters) width = std::max(width, p.path.size() + 2);
    return width;
}

std::string points_left_out(std::size_t missing, std::size_t of, const std::string& kpi, const char* what) {
    return "note: " + kpi + ": " + std::to_string(missing) + " of " + std::to_string(of) + " " + what +
           " have no value (not reached in any replication) and are left out\n";
}

// lhs and random designs: SRC with R^2, and PRCC, of each KPI on the number parameters that vary.
Analysis regress(const SweepFolder& folder) {
    Analysis out;
    std::vector<std::size_t> used;
    std::size_t with_runs = std::count(folder.has_runs.begin(), folder.has_runs.end(), true);
    if (with_runs < folder.points)
        out.notes += "note: " + std::to_string(folder.points - with_runs) + " of " +
                     std::to_string(folder.points) + " points have no run in runs.csv and are left out\n";
    for (std::size_t i = 0; i < folder.parameters.size(); ++i) {
        const SweepParameter& parameter = folder.parameters[i];
        if (parameter.text) {
            out.notes += "note: parameter '" + parameter.path +
                         "' is text (a name, not a number): it cannot be regressed and is skipped\n";
            continue;
        }
        std::optional<double> first;
        bool varies = false;
        for (std::size_t p = 0; p < folder.points; ++p) {
            if (!folder.has_runs[p]) continue;
            if (!first) first = folder.numbers[p][i];
            if (folder.numbers[p][i] != *first) varies = true;
        }
        if (!varies) {
            out.notes +=
                "note: parameter '" + parameter.path + "' has the same value at every point and is skipped\n";
            continue;
        }
        used.push_back(i);
    }
    if (used.empty()) {
        out.notes += "note: no number parameter varies: nothing to regress\n";
        return out;
    }
    const std::size_t width = name_width(folder);
    for (std::size_t k = 0; k < folder.kpis.size(); ++k) {
        const std::string& kpi = folder.kpis[k];
        std::vector<std::vector<double>> points;
        std::vector<double> values;
        for (std::size_t p = 0; p < folder.points; ++p) {
            if (!folder.has_runs[p] || !folder.kpi_means[p][k]) continue;
            std::vector<double> row;
            for (std::size_t i : used) row.push_back(folder.numbers[p][i]);
            points.push_back(std::move(row));
            values.push_back(*folder.kpi_means[p][k]);
        }
        if (values.size() < with_runs)
            out.notes += points_left_out(with_runs - values.size(), with_runs, kpi, "points");
        std::optional<Regression> src = standardised_regression(points, values);
        std::optional<std::vector<std::optional<double>>> prcc = partial_rank_correlation(points, values);
        if (!src || !prcc) {
            out.notes +=
                "note: " + kpi + ": no estimate: it is the same at every point, or there are fewer than " +
                std::to_string(fewest_points_for_fit(used.size())) + " points with a value, or parameters move together\n";
            continue;
        }
        out.table +=
            "\n" + kpi + "  (" + std::to_string(values.size()) + " points, R^2 " + readable(src->r2) + ")\n";
        out.table += "  " + padded("parameter", width) + "      SRC     PRCC\n";
        for (std::size_t j = 0; j < used.size(); ++j) {
            const std::string& path = folder.parameters[used[j]].path;
            out.rows.push_back({kpi, path, "src", src->src[j], {}, {}});
            const std::optional<double>& rank = (*prcc)[j];
            char figures[64];
            std::snprintf(figures, sizeof figures, "%9s%9s", readable(src->src[j]).c_str(),
                          rank ? readable(*rank).c_str() : "-");
            out.table += "  " + padded(path, width) + figures + "\n";
            if (!rank)
                out.notes += "note: " + kpi + ": no PRCC for '" + path +
                             "': the other parameters account for the KPI's ranks entirely\n";
        }
        out.rows.push_back({kpi, "", "r2", src->r2, {}, {}});
        for (std::size_t j = 0; j < used.size(); ++j)
            if ((*prcc)[j])
                out.rows.push_back({kpi, folder.parameters[used[j]].path, "prcc", *(*prcc)[j], {}, {}});
        if (src->r2 < 0.7)
            out.table +=
                "  R^2 below 0.7: the linear fit explains little; read PRCC (or run a sobol design)\n";
    }
    return out;
}

// sobol design: S1 and ST of each KPI, base rows with a value in every block.
Analysis sobol(const SweepFolder& folder) {
    Analysis out;
    const std::size_t base = folder.sobol_base, k = folder.parameters.size(), width = name_width(folder);
    for (std::size_t q = 0; q < folder.kpis.size(); ++q) {
        const std::string& kpi = folder.kpis[q];
        // A base row is kept with all its blocks or not at all: the estimators pair A, B and AB_i.
        std::vector<std::size_t> kept;
        for (std::size_t n = 0; n < base; ++n) {
            bool complete = true;
            for (std::size_t b = 0; b < k + 2 && complete; ++b)
                complete = folder.has_runs[b * base + n] && folder.kpi_means[b * base + n][q].has_value();
            if (complete) kept.push_back(n);
        }
        std::vector<double> values;
        for (std::size_t b = 0; b < k + 2; ++b)
            for (std::size_t n : kept) values.push_back(*folder.kpi_means[b * base + n][q]);
        if (kept.size() < base)
            out.notes +=
                "note: " + kpi + ": " + std::to_string(base - kept.size()) + " of " + std::to_string(base) +
                " base rows lack a value in one of their blocks (a point not run, or not reached in any "
                "replication) and are left out with all their blocks\n";
        std::optional<SobolIndices> indices = sobol_indices(values, kept.size(), k, folder.seed);
        if (!indices) {
            out.notes += "note: " + kpi +
                         ": no estimate: it is the same over A and B, or fewer than 2 base rows " +
                         "have a value in every block\n";
            continue;
        }
        out.table += "\n" + kpi + "  (N = " + std::to_string(kept.size()) + " base rows, " +
                     std::to_string(kept.size() * (k + 2)) + " points; 95% bootstrap intervals)\n";
        out.table += "  " + padded("parameter", width) + padded("  S1", 30) + "ST\n";
        bool wide = false;
        for (std::size_t i = 0; i < k; ++i) {
            const std::string& path = folder.parameters[i].path;
            const Estimate& s1 = indices->first[i];
            const Estimate& st = indices->total[i];
            out.rows.push_back({kpi, path, "sobol_first", s1.value, s1.low, s1.high});
            out.rows.push_back({kpi, path, "sobol_total", st.value, st.low, st.high});
            auto shown = [](const Estimate& e) {
                return readable(e.value) + " [" + readable(e.low) + ", " + readable(e.high) + "]";
            };
            out.table += "  " + padded(path, width) + "  " + padded(shown(s1), 26) + "  " + shown(st) + "\n";
            wide = wide || s1.high - s1.low > 0.2 || st.high - st.low > 0.2;
        }
        if (wide) out.table += "  intervals wider than 0.2: a larger base N (the sweep file's points) would narrow them\n";
    }
    return out;
}

std::string analysis_csv(const std::vector<Row>& rows) {
    std::string out = "kpi,parameter,method,estimate,low,high\n";
    for (const Row& r : rows)
        out += csv_field(r.kpi) + "," + csv_field(r.parameter) + "," + r.method + "," + number(r.estimate) +
               "," + (r.low ? number(*r.low) : "") + "," + (r.high ? number(*r.high) : "") + "\n";
    return out;
}

// analysis.csv appears whole or not at all: written beside it, flushed, then renamed over it.
// The manifest does not list it (it is derived from the folder's files, after them), so the
// folder's checksums stay as the sweep wrote them.
std::string write_whole(const fs::path& file, const std::string& content) {
    fs::path temporary =
        file.parent_path() / ("." + file.filename().string() + "." + std::to_string(::getpid()));
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write '" + temporary.string() + "': " + std::strerror(errno);
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    int why = errno;
    bool written = done == content.size() && ::fsync(fd) == 0;
    if (written) why = 0;
    if (::close(fd) != 0 && written) {
        written = false;
        why = errno;
    }
    if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
        if (written) why = errno;
        ::unlink(temporary.c_str());
        return "cannot write '" + file.string() + "': " + std::strerror(why);
    }
    int folder = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return "";
}

int run_analyse(const std::string& dir) {
    Diagnostics diagnostics;
    std::optional<SweepFolder> folder = read_sweep_manifest(dir, diagnostics);
    if (folder && !read_sweep_runs(dir, *folder, diagnostics)) folder.reset();
    if (!folder) {
        std::cerr << format_all(diagnostics);
        return 2;
    }
    Analysis analysis = folder->design == "sobol" ? sobol(*folder) : regress(*folder);
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::cout << "analysis of " << dir << ": design " << folder->design << ", "
              << count(folder->points, "point", "points") << ", "
              << count(folder->parameters.size(), "parameter", "parameters") << ", "
              << count(folder->kpis.size(), "KPI", "KPIs") << "\n"
              << analysis.notes << analysis.table;
    if (analysis.rows.empty())
        return usage_error("no KPI of " + dir + " could be analysed (see the notes above)");
    fs::path file = fs::path(dir) / "analysis.csv";
    if (std::string why = write_whole(file, analysis_csv(analysis.rows)); !why.empty())
        return usage_error(why);
    std::cout << "\nanalysis in " << file.string() << "\n";
    return 0;
}

}  // namespace

Runner add_analyse_command(CLI::App& app) {
    auto dir = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "analyse",
        "which parameters of a sweep move each KPI: regression and rank correlation (lhs, random) or "
        "Sobol indices (sobol); writes DIR/analysis.csv");
    command->add_option("dir", *dir, "the sweep folder (corridor sweep --out DIR)")->required();
    return [dir] { return run_analyse(*dir); };
}

}  // namespace corridor::cli
