#include <catch2/catch.hpp>

#include "corridor/engine/time.hpp"

using namespace corridor;

TEST_CASE("every duration unit reads as the right number of milliseconds") {
    CHECK(parse_duration("250ms").value() == 250);
    CHECK(parse_duration("90s").value() == 90'000);
    CHECK(parse_duration("15min").value() == 900'000);
    CHECK(parse_duration("2h").value() == 7'200'000);
    CHECK(parse_duration("3d").value() == 259'200'000);
    CHECK(parse_duration("0s").value() == 0);
}

TEST_CASE("durations take decimals, sums and spaces, exactly") {
    CHECK(parse_duration("1.5h").value() == 5'400'000);
    CHECK(parse_duration("0.001s").value() == 1);
    CHECK(parse_duration("1h30min").value() == 5'400'000);
    CHECK(parse_duration("1d 2h 3min 4s 5ms").value() == kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 5);
    CHECK(parse_duration(" 45 min ").value() == 45 * kMinute);
}

TEST_CASE("a duration prints so that it reads back the same") {
    CHECK(format_duration(0) == "0s");
    CHECK(format_duration(90'000) == "1min30s");
    CHECK(format_duration(kDay + 2 * kHour + 30 * kMinute) == "1d2h30min");
    CHECK(format_duration(1'250) == "1s250ms");
    for (Time t : {Time{1}, Time{999}, Time{3'600'001}, Time{123'456'789'012}})
        CHECK(parse_duration(format_duration(t)).value() == t);
}

TEST_CASE("malformed durations are errors that name the text and say what is wrong") {
    auto error_of = [](const char* text) {
        auto result = parse_duration(text);
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    CHECK(error_of("") ==
          "bad duration '': it is empty; write a number and a unit (ms, s, min, h, d), e.g. '90s', '15min', "
          "'2h', '3d'");
    CHECK(error_of("90") ==
          "bad duration '90': the number has no unit; write a number and a unit (ms, s, min, h, d), e.g. "
          "'90s', '15min', '2h', '3d'");
    CHECK(error_of("5m") ==
          "bad duration '5m': unknown unit 'm' ('m' could be minutes or metres: write 'min')");
    CHECK(error_of("2hours") == "bad duration '2hours': unknown unit 'hours'; use ms, s, min, h or d");
    CHECK(error_of("3 weeks") == "bad duration '3 weeks': unknown unit 'weeks'; use ms, s, min, h or d");
    CHECK(error_of("h") ==
          "bad duration 'h': there is no number before the unit; write a number and a unit (ms, s, min, h, "
          "d), e.g. '90s', '15min', '2h', '3d'");
    CHECK(error_of("-5min") == "bad duration '-5min': a duration cannot be negative");
    CHECK(error_of("1.2.3s") == "bad duration '1.2.3s': a number has two decimal points");
    CHECK(error_of("0.5ms") == "bad duration '0.5ms': it is not a whole number of milliseconds");
    CHECK(error_of("2h,30min") ==
          "bad duration '2h,30min': unexpected character ','; write a number and a unit (ms, s, min, h, d), "
          "e.g. '90s', '15min', '2h', '3d'");
    CHECK(error_of("99999999999999999999d") ==
          "bad duration '99999999999999999999d': the number is too long");
    CHECK(error_of("999999999999d") == "bad duration '999999999999d': it is too large");
}
