#include "corridor/engine/queueing.hpp"

#include <stdexcept>

namespace corridor {

double erlang_c_probability_of_waiting(int servers, double arrival_rate, double service_rate) {
    if (servers < 1 || arrival_rate <= 0 || service_rate <= 0 || arrival_rate >= servers * service_rate)
        throw std::invalid_argument("Erlang C needs c >= 1 and 0 < lambda < c mu");
    double offered = arrival_rate / service_rate;  // a
    double utilisation = offered / servers;        // rho
    // sum_{k<c} a^k/k! and a^c/c!, built term by term so nothing overflows for large c.
    double term = 1.0;
    double below = 0.0;
    for (int k = 0; k < servers; ++k) {
        below += term;
        term *= offered / (k + 1);
    }
    double top = term / (1.0 - utilisation);
    return top / (below + top);
}

double erlang_c_mean_wait(int servers, double arrival_rate, double service_rate) {
    return erlang_c_probability_of_waiting(servers, arrival_rate, service_rate) /
           (servers * service_rate - arrival_rate);
}

}  // namespace corridor
