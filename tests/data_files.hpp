#pragma once
// Real outside data lives in the build's data folder (CORRIDOR_DEFAULT_DATA_DIR, filled by
// `make data`) or in $CORRIDOR_DATA_DIR. A test whose file is missing reports itself skipped (exit 77,
// ctest's SKIP_RETURN_CODE) unless CORRIDOR_REQUIRE_DATA=1, under which it fails: CI must never
// pass by skipping (docs/testing.md, "Test data").

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace corridor::test {

inline std::string data_file(const std::string& name) {
    const char* dir = std::getenv("CORRIDOR_DATA_DIR");
    std::filesystem::path path = std::filesystem::path(dir ? dir : CORRIDOR_DEFAULT_DATA_DIR) / name;
    if (std::filesystem::exists(path)) return path.string();
    const char* require = std::getenv("CORRIDOR_REQUIRE_DATA");
    if (require && std::string(require) == "1") FAIL("required data file is missing: " << path.string());
    std::printf("skipped: data file %s is missing (run `make data`, or set CORRIDOR_DATA_DIR)\n",
                path.string().c_str());
    std::fflush(stdout);
    std::exit(77);
}

inline std::string test_file(const std::string& relative) {
    return (std::filesystem::path(CORRIDOR_TEST_DIR) / relative).string();
}

}  // namespace corridor::test
