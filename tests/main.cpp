// The test runner: Catch2 2.13 with benchmarking enabled (docs/architecture.md, decision 10).
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>
