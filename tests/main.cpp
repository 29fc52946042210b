// The test runner: Catch2 2.13 with benchmarking enabled (DESIGN.md, "Dependencies").
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>
