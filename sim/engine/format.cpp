#include "corridor/engine/format.hpp"

#include <cstdio>

namespace corridor {

std::string format_number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", x);
    return buffer;
}

}  // namespace corridor
