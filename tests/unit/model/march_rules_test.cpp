// The march rules of the road-movement component as pure functions: night (night.hpp), halts and
// rest (halts.hpp).

#include <catch2/catch.hpp>

#include "model/movement/halts.hpp"
#include "model/movement/night.hpp"

using namespace corridor;
using namespace corridor::model;

TEST_CASE("a night that runs past midnight holds from its start to the morning") {
    MarchDoctrine rules;  // night 18:00 to 06:00
    CHECK(is_night(rules, 18 * kHour));
    CHECK(is_night(rules, 23 * kHour));
    CHECK(is_night(rules, 0));
    CHECK(is_night(rules, 5 * kHour + 59 * kMinute));
    CHECK_FALSE(is_night(rules, 6 * kHour));
    CHECK_FALSE(is_night(rules, 12 * kHour));
    CHECK(until_light_changes(rules, 17 * kHour) == kHour);
    CHECK(until_light_changes(rules, 22 * kHour) == 8 * kHour);
    CHECK(until_morning(rules, 22 * kHour) == 8 * kHour);
    CHECK(until_morning(rules, 6 * kHour) == 0);
    CHECK(until_morning(rules, 7 * kHour) == 23 * kHour);
}

TEST_CASE("a night within one day, and rules without a night") {
    MarchDoctrine rules;
    rules.night_from = 1 * kHour;
    rules.night_to = 4 * kHour;
    CHECK(is_night(rules, 2 * kHour));
    CHECK_FALSE(is_night(rules, 23 * kHour));
    CHECK(until_light_changes(rules, 2 * kHour) == 2 * kHour);
    rules.night_to = rules.night_from;
    CHECK_FALSE(is_night(rules, 2 * kHour));
    CHECK(until_light_changes(rules, 2 * kHour) == kDay);
}

TEST_CASE("halts fall due by doctrine: the first after an hour, then every two hours") {
    MarchDoctrine rules;  // FM 55-30: 15 min after the first hour, then 10 min every 2 h
    MarchClock clock;
    CHECK(until_stop_due(rules, clock) == kHour);
    CHECK(stop_due(rules, clock) == Stop::none);
    clock.driving_since_halt = clock.driving_today = kHour;
    REQUIRE(stop_due(rules, clock) == Stop::halt);
    CHECK(stop_length(rules, Stop::halt, clock, 7 * kHour) == 15 * kMinute);
    take_stop(clock, Stop::halt);
    CHECK(clock.halts == 1);
    CHECK(clock.driving_since_halt == 0);
    CHECK(clock.driving_today == kHour);
    CHECK(until_stop_due(rules, clock) == 2 * kHour);
    clock.driving_since_halt = 2 * kHour;
    REQUIRE(stop_due(rules, clock) == Stop::halt);
    CHECK(stop_length(rules, Stop::halt, clock, 9 * kHour) == 10 * kMinute);
}

TEST_CASE("the daily rest comes before a halt and lasts until morning, at least the minimum rest") {
    MarchDoctrine rules;  // 10 h a day; rest at least 8 h, until 06:00
    MarchClock clock;
    clock.halts = 4;
    clock.driving_since_halt = 2 * kHour;
    clock.driving_today = 10 * kHour;
    REQUIRE(stop_due(rules, clock) == Stop::rest);
    CHECK(stop_length(rules, Stop::rest, clock, 20 * kHour) == 10 * kHour);  // until 06:00
    CHECK(stop_length(rules, Stop::rest, clock, 2 * kHour) == 8 * kHour);    // the minimum
    take_stop(clock, Stop::rest);
    CHECK(clock.halts == 0);
    CHECK(clock.driving_today == 0);
    CHECK(until_stop_due(rules, clock) == kHour);
    // Driving past a limit leaves no time before the stop, never a negative one.
    clock.driving_today = 11 * kHour;
    CHECK(until_stop_due(rules, clock) == 0);
}
