#pragma once
// Numbers in messages: the shortest form that shows the value a planner typed (%g), so that an
// error quotes "-3" and "15.4", not "-3.000000".

#include <string>

namespace corridor {

std::string format_number(double x);

}  // namespace corridor
