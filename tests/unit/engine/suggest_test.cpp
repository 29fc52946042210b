#include <catch2/catch.hpp>

#include "corridor/engine/suggest.hpp"

using namespace corridor;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("vehicles", "vehicles") == 0);
    CHECK(edit_distance("vehicels", "vehicles") == 2);
}

TEST_CASE("a hint is offered only for a near miss") {
    std::vector<std::string> keys{"vehicles", "personnel", "origin", "destination"};
    CHECK(closest_match("vehicels", keys).value() == "vehicles");
    CHECK(closest_match("orgin", keys).value() == "origin");
    CHECK_FALSE(closest_match("speed", keys).has_value());
}
