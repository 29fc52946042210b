// One rank (ranks.hpp): corridor built without MPI, and the fuzz targets, which run the command
// line in one process.

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "ranks.hpp"

namespace corridor::cli::ranks {

void start(int*, char***) {}
void stop() {}
int count() { return 1; }
int index() { return 0; }
std::string library() { return ""; }
void wait_for_all() {}
Verdict agree(bool failed) { return {failed, failed}; }

void abort_all(const std::string& message) {
    std::fflush(stdout);
    std::cerr << "corridor: error: " << message << std::endl;
    std::_Exit(2);
}

}  // namespace corridor::cli::ranks
