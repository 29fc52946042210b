// Standardised regression and partial rank correlation coefficients: see
// include/corridor/sweep/analysis.hpp and docs/statistics.md.

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "corridor/sweep/analysis.hpp"

namespace corridor {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

bool constant(const VectorXd& column) { return column.size() == 0 || column.maxCoeff() == column.minCoeff(); }

// Mean 0, sample standard deviation 1.
VectorXd standardised(const VectorXd& column) {
    VectorXd centred = column.array() - column.mean();
    double sd = std::sqrt(centred.squaredNorm() / static_cast<double>(column.size() - 1));
    return centred / sd;
}

// The points as a matrix, one row per point; nothing when the shapes do not match or a value is
// not finite (an estimate from them would be NaN, silently).
std::optional<MatrixXd> matrix_of(const std::vector<std::vector<double>>& points,
                                  const std::vector<double>& kpi) {
    if (points.size() != kpi.size() || points.empty()) return std::nullopt;
    const std::size_t k = points.front().size();
    if (k == 0 || points.size() < fewest_points_for_fit(k))
        return std::nullopt;  // no residual degree of freedom
    MatrixXd x(points.size(), k);
    for (std::size_t p = 0; p < points.size(); ++p) {
        if (points[p].size() != k || !std::isfinite(kpi[p])) return std::nullopt;
        for (std::size_t i = 0; i < k; ++i) {
            if (!std::isfinite(points[p][i])) return std::nullopt;
            x(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(i)) = points[p][i];
        }
    }
    return x;
}

VectorXd vector_of(const std::vector<double>& values) {
    return Eigen::Map<const VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// Ranks 1 .. n, ties sharing the mean of the ranks they span (Spearman's convention).
VectorXd ranks(const VectorXd& values) {
    const Eigen::Index n = values.size();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return values(a) < values(b); });
    VectorXd rank(n);
    for (Eigen::Index first = 0; first < n;) {
        Eigen::Index last = first;
        while (last + 1 < n && values(order[last + 1]) == values(order[first])) ++last;
        double shared = (static_cast<double>(first + last) / 2.0) + 1.0;
        for (Eigen::Index r = first; r <= last; ++r) rank(order[r]) = shared;
        first = last + 1;
    }
    return rank;
}

}  // namespace

std::optional<Regression> standardised_regression(const std::vector<std::vector<double>>& points,
                                                  const std::vector<double>& kpi) {
    std::optional<MatrixXd> raw = matrix_of(points, kpi);
    if (!raw) return std::nullopt;
    VectorXd y = vector_of(kpi);
    if (constant(y)) return std::nullopt;
    MatrixXd x(raw->rows(), raw->cols());
    for (Eigen::Index i = 0; i < raw->cols(); ++i) {
        if (constant(raw->col(i))) return std::nullopt;
        x.col(i) = standardised(raw->col(i));
    }
    y = standardised(y);
    // Every column has mean 0, so the fit needs no intercept. Column pivoting finds parameters
    // that move together (a rank below k), where no coefficient would mean anything.
    Eigen::ColPivHouseholderQR<MatrixXd> qr(x);
    if (qr.rank() < x.cols()) return std::nullopt;
    VectorXd b = qr.solve(y);
    Regression regression;
    regression.src.assign(b.data(), b.data() + b.size());
    regression.r2 = 1.0 - (y - x * b).squaredNorm() / y.squaredNorm();
    // Values near the largest double overflow the sums of squares: no estimate rather than NaN.
    if (!std::isfinite(regression.r2) || !b.allFinite()) return std::nullopt;
    return regression;
}

std::optional<std::vector<std::optional<double>>> partial_rank_correlation(
    const std::vector<std::vector<double>>& points, const std::vector<double>& kpi) {
    std::optional<MatrixXd> raw = matrix_of(points, kpi);
    if (!raw) return std::nullopt;
    VectorXd y = vector_of(kpi);
    if (constant(y)) return std::nullopt;
    const Eigen::Index n = raw->rows(), k = raw->cols();
    MatrixXd r(n, k);
    for (Eigen::Index i = 0; i < k; ++i) {
        if (constant(raw->col(i))) return std::nullopt;
        r.col(i) = ranks(raw->col(i));
    }
    VectorXd ry = ranks(y);
    std::vector<std::optional<double>> prcc;
    for (Eigen::Index i = 0; i < k; ++i) {
        // Marino et al. (2008), eq. 6-7: the ranks of parameter i and of the KPI, each less its
        // linear fit on an intercept and the ranks of the other parameters.
        MatrixXd others(n, k);
        others.col(0).setOnes();
        for (Eigen::Index j = 0, c = 1; j < k; ++j)
            if (j != i) others.col(c++) = r.col(j);
        Eigen::ColPivHouseholderQR<MatrixXd> qr(others);
        VectorXd residual_x = r.col(i) - others * qr.solve(VectorXd(r.col(i)));
        VectorXd residual_y = ry - others * qr.solve(ry);
        double norms = residual_x.norm() * residual_y.norm();
        // A parameter the others fix, or a KPI they explain entirely: no partial correlation.
        if (!(norms > 1e-12 * static_cast<double>(n) * static_cast<double>(n))) {
            prcc.push_back(std::nullopt);
            continue;
        }
        prcc.push_back(std::clamp(residual_x.dot(residual_y) / norms, -1.0, 1.0));
    }
    return prcc;
}

}  // namespace corridor
