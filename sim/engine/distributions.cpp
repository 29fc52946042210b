#include "corridor/engine/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace corridor {

double draw_uniform(RandomStream& stream, double low, double high) {
    return low + (high - low) * stream.uniform01();
}

double draw_exponential(RandomStream& stream, double mean) {
    return -mean * std::log(stream.uniform01());
}

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
    return static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - cumulative_.begin(),
                                                             cumulative_.size() - 1));
}

}  // namespace corridor
