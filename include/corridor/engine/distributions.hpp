#pragma once
// The distributions the models draw from, written here (inverse CDF, polar method, ziggurat) so that a
// result never depends on which standard library built corridor (docs/architecture.md, decision 3).

#include <cstddef>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/result.hpp"

namespace corridor {

double draw_uniform(RandomStream& stream, double low, double high);
/// Exponential with the given mean (Marsaglia and Tsang's ziggurat: no logarithm on most draws).
double draw_exponential(RandomStream& stream, double mean);
/// Normal by Marsaglia's polar method; the second variate of each pair is discarded so that a
/// draw depends only on the stream's position, never on a hidden cache.
double draw_normal(RandomStream& stream, double mean, double stddev);
/// Lognormal whose logarithm is normal(mu, sigma).
double draw_lognormal(RandomStream& stream, double mu, double sigma);
/// Triangular on [low, high] with the given mode (inverse CDF).
double draw_triangular(RandomStream& stream, double low, double mode, double high);

/// A discrete (empirical) distribution over outcomes 0..n-1 with the given weights.
class DiscreteDistribution {
  public:
    static Result<DiscreteDistribution> from_weights(const std::vector<double>& weights);
    std::size_t draw(RandomStream& stream) const;
    std::size_t size() const { return cumulative_.size(); }

  private:
    std::vector<double> cumulative_;  // normalised, last entry exactly 1
};

}  // namespace corridor
