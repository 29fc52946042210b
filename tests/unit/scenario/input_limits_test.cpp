// The limits that keep a hostile or mistaken scenario file from hanging, exhausting memory or
// overflowing the clock: each is refused where it is read, with its place, in bounded time.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "corridor/engine/time.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/scenario/quantities.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

// A scenario file in a fresh folder, removed at the end of the test.
struct ScratchFile {
    fs::path folder = fs::temp_directory_path() / ("corridor-limits-" + std::to_string(::getpid()));
    fs::path path = folder / "scenario.yaml";
    explicit ScratchFile(const std::string& text) {
        fs::create_directories(folder);
        std::ofstream(path, std::ios::binary) << text;
    }
    ~ScratchFile() { fs::remove_all(folder); }
};

std::string first_error(const std::string& text) {
    ScratchFile file(text);
    LoadedScenario loaded = load_scenario(file.path.string());
    REQUIRE(loaded.diagnostics.has_errors());
    std::string error = loaded.diagnostics.first_error();
    return error.substr(error.find("scenario.yaml"));
}

}  // namespace

TEST_CASE("a file of more values than the limit is refused before yaml-cpp builds them") {
    // 3 MB of empty flow maps once took 2.8 GB in yaml-cpp's nodes. The 200,001st value (the
    // top map, its key, the list, then 199,998 maps) stands at column 12 + 3 x 199,997.
    std::string text = "scenario: [";
    for (int i = 0; i < 750'000; ++i) text += "{},";
    text += "{}]\n";
    CHECK(first_error(text) ==
          "scenario.yaml:1:600003: error: the file has more than 200000 values; a scenario file is limited "
          "to that "
          "many");
}

TEST_CASE("aliases that name the value they are inside are a cycle, found at the alias") {
    CHECK(
        first_error("scenario:\n  x: &x [1, [*x]]\n") ==
        "scenario.yaml:2:14: error: an alias names an anchor whose value it is inside (a cycle of aliases)");
    CHECK(
        first_error("scenario: &top {a: *top}\n") ==
        "scenario.yaml:1:20: error: an alias names an anchor whose value it is inside (a cycle of aliases)");
}

TEST_CASE("aliases that expand past the limit are refused, whatever the file's size") {
    // Nine levels of ten aliases each: 10^9 values from a few hundred bytes.
    std::string text = "a0: &a0 [1,1,1,1,1,1,1,1,1,1]\n";
    for (int level = 1; level <= 9; ++level) {
        std::string previous = "*a" + std::to_string(level - 1);
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int k = 0; k < 10; ++k) text += previous + (k < 9 ? "," : "]\n");
    }
    std::string error = first_error(text);
    CHECK(error.find("error: aliases expand the file to more than 1000000 values") != std::string::npos);
    INFO(error);
    CHECK(error.rfind("scenario.yaml:6:", 0) == 0);  // a5, of 1,111,111 values, is the first past a million
}

TEST_CASE("aliases of aliases count the depth they expand to, not the depth written") {
    // Each level nests the one before three collections deeper: 22 levels written 3 deep each.
    std::string text = "l0: &l0 [1]\n";
    for (int level = 1; level <= 22; ++level)
        text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [[[*l" +
                std::to_string(level - 1) + "]]]\n";
    std::string error = first_error(text);
    INFO(error);
    CHECK(error.find("error: aliases nest values more than 64 levels deep") != std::string::npos);
}

TEST_CASE("aliases within the limits are read as their values") {
    ScratchFile file(
        "scenario: {name: shared, start: 2020-11-10T06:00:00Z, duration: 2d}\n"
        "network:\n  nodes: [{id: A}, {id: B}]\n  roads: [{from: A, to: B, length: &len 50km}]\n"
        "vehicle_types: {truck: {speed: 60km/h, weight: 10t}}\n"
        "posts: {P: {node: B}}\n"
        "units: [{name: u, vehicles: {truck: 2}, origin: A, posts: [P]}]\n");
    LoadedScenario loaded = load_scenario(file.path.string());
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre);
    CHECK(loaded.theatre->network().arc_count() == 2);
}

TEST_CASE("a folder given as the scenario says it is a folder") {
    ScratchFile file("");
    LoadedScenario loaded = load_scenario(file.folder.string());
    CHECK(loaded.diagnostics.first_error() ==
          file.folder.string() + ": error: is a folder, not a scenario file");
}

TEST_CASE("quantities past their range are refused where they are read, not where they overflow") {
    CHECK(parse_speed_kph("1e-300km/h").error() ==
          "bad speed '1e-300km/h': it must lie between 0.1km/h and 2,000km/h");
    CHECK(parse_length_m("1e300km").error() == "bad length '1e300km': it must lie between 1mm and 100,000km");
    CHECK(parse_mass_t("2e6t").error() == "bad mass '2e6t': it must lie between 1g and 1,000,000t");
    CHECK(parse_speed_kph("0km/h").value() == 0);  // zero is the caller's to refuse, with its own words
    CHECK(parse_length_m("100000km").value() == 1e8);
}

TEST_CASE("times far outside a run saturate instead of overflowing, and print") {
    CHECK(from_seconds(1e300) == from_seconds(1e30));
    CHECK(from_seconds(1e300) > 0);
    CHECK(from_seconds(-1e300) < 0);
    CHECK(format_duration(std::numeric_limits<Time>::min()) == "-106751991167d7h12min55s808ms");
    CHECK(format_duration(-90 * kSecond) == "-1min30s");
}
