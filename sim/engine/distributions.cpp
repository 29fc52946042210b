#include "corridor/engine/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "ziggurat_tables.hpp"

namespace corridor {

double draw_uniform(RandomStream& stream, double low, double high) {
    return low + (high - low) * stream.uniform01();
}

namespace {

// The ziggurat of Marsaglia and Tsang ("The ziggurat method for generating random variables",
// J. Stat. Software 5(8), 2000) for the unit exponential: 256 strips of equal area under
// f(x) = exp(-x). Most draws land inside a strip's rectangle and cost one 64-bit word and a
// multiply, no logarithm. Strip i has width x[i]; x[1] = r is where the tail begins, x[0] the
// width of the base strip that carries the tail's area, x[256] = 0. The tables are literal
// constants (ziggurat_tables.hpp), the same bits on every machine.
constexpr double kTailStart = 7.69711747013104972;  // r

double draw_unit_exponential(RandomStream& stream) {
    const double* strip_x = detail::kZigguratX;
    const double* strip_f = detail::kZigguratF;
    while (true) {
        // Low 8 bits pick the strip, the top 53 bits place the point: no bit serves twice.
        std::uint64_t bits = stream.next_u64();
        int i = static_cast<int>(bits & 0xFF);
        double x = static_cast<double>(bits >> 11) * 0x1.0p-53 * strip_x[i];
        if (x < strip_x[i + 1]) return x;  // inside the rectangle, under the curve
        if (i == 0) return kTailStart - std::log(stream.uniform01());  // the tail
        // In the wedge between the rectangle and the curve: accept under the curve.
        if (strip_f[i] + stream.uniform01() * (strip_f[i + 1] - strip_f[i]) < std::exp(-x)) return x;
    }
}

}  // namespace

double draw_exponential(RandomStream& stream, double mean) { return mean * draw_unit_exponential(stream); }

double draw_normal(RandomStream& stream, double mean, double stddev) {
    double u, v, s;
    do {
        u = 2.0 * stream.uniform01() - 1.0;
        v = 2.0 * stream.uniform01() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return mean + stddev * u * std::sqrt(-2.0 * std::log(s) / s);
}

double draw_lognormal(RandomStream& stream, double mu, double sigma) {
    return std::exp(draw_normal(stream, mu, sigma));
}

double draw_triangular(RandomStream& stream, double low, double mode, double high) {
    double u = stream.uniform01();
    double width = high - low;
    double split = (mode - low) / width;
    if (u < split) return low + std::sqrt(u * width * (mode - low));
    return high - std::sqrt((1.0 - u) * width * (high - mode));
}

Result<DiscreteDistribution> DiscreteDistribution::from_weights(const std::vector<double>& weights) {
    if (weights.empty()) return Error{"a discrete distribution needs at least one weight"};
    double total = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!(weights[i] >= 0.0) || !std::isfinite(weights[i]))
            return Error{"weight " + std::to_string(i + 1) + " is negative or not a number"};
        total += weights[i];
    }
    if (total <= 0.0) return Error{"the weights of a discrete distribution add up to zero"};
    DiscreteDistribution distribution;
    double running = 0.0;
    for (double weight : weights) {
        running += weight;
        distribution.cumulative_.push_back(running / total);
    }
    distribution.cumulative_.back() = 1.0;
    return distribution;
}

std::size_t DiscreteDistribution::draw(RandomStream& stream) const {
    double u = stream.uniform01();
    auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return static_cast<std::size_t>(
        std::min<std::ptrdiff_t>(it - cumulative_.begin(), cumulative_.size() - 1));
}

}  // namespace corridor
