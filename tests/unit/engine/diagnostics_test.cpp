#include <catch2/catch.hpp>

#include "corridor/engine/diagnostics.hpp"

using namespace corridor;

TEST_CASE("past a hundred diagnostics the rest are counted, not kept, and said as 'and N more'") {
    Diagnostics diagnostics;
    for (int line = 1; line <= 1'000'000; ++line) diagnostics.error("edges.csv", 1, line, "unknown column");
    CHECK(diagnostics.items().size() == 100);
    CHECK(diagnostics.error_count() == 1'000'000);
    CHECK(diagnostics.omitted() == 999'900);
    std::string text = format_all(diagnostics);
    CHECK(text.rfind("edges.csv:1:1: error: unknown column\n", 0) == 0);
    const std::string last = "\nand 999900 more (only the first 100 are shown)\n";
    CHECK(text.substr(text.size() - last.size()) == last);
}

TEST_CASE("appending keeps the counts of what the other list omitted") {
    Diagnostics network, scenario;
    for (int i = 0; i < 150; ++i) network.error("nodes.csv", i + 1, 1, "bad");
    scenario.error("s.yaml", 1, 1, "first");
    scenario.append(network);
    CHECK(scenario.error_count() == 151);
    CHECK(scenario.items().size() == 100);
    CHECK(scenario.omitted() == 51);
}

TEST_CASE("warnings never crowd the errors out of the kept diagnostics") {
    Diagnostics diagnostics;
    for (int i = 0; i < 300; ++i) diagnostics.warning("s.yaml", i + 1, 1, "a warning");
    diagnostics.error("s.yaml", 400, 1, "the error that matters");
    CHECK(diagnostics.first_error() == "s.yaml:400:1: error: the error that matters");
    CHECK(diagnostics.items().size() == 101);
    CHECK(diagnostics.omitted() == 200);
}
