#include <catch2/catch.hpp>

#include "corridor/scenario/quantities.hpp"

using namespace corridor;

TEST_CASE("lengths, speeds and masses read with their units") {
    CHECK(parse_length_m("120km").value() == 120000);
    CHECK(parse_length_m("100 m").value() == 100);
    CHECK(parse_length_m("12.5km").value() == 12500);
    CHECK(parse_speed_kph("60km/h").value() == 60);
    CHECK(parse_mass_t("15.4t").value() == Approx(15.4));
    CHECK(parse_mass_t("3500kg").value() == Approx(3.5));
    CHECK(parse_fraction("80%").value() == Approx(0.8));
    CHECK(parse_fraction("0.25").value() == Approx(0.25));
}

TEST_CASE("values without a unit, with a wrong unit, or negative are errors that quote the text") {
    CHECK(parse_length_m("120").error() ==
          "bad length '120': the number has no unit; write e.g. '120km' (units: m or km)");
    CHECK(parse_length_m("3mi").error() == "bad length '3mi': unknown unit 'mi'; use m or km");
    CHECK(parse_speed_kph("60kph").error() == "bad speed '60kph': unknown unit 'kph'; use km/h");
    CHECK(parse_mass_t("-2t").error() == "bad mass '-2t': it cannot be negative");
    CHECK(parse_mass_t("heavy").error() == "bad mass 'heavy': there is no number; write e.g. '15t'");
    CHECK(parse_fraction("120%").error() == "bad fraction '120%': it must lie between 0% and 100%");
}

TEST_CASE("times of day and UTC date-times") {
    CHECK(parse_time_of_day("06:30").value() == 6 * kHour + 30 * kMinute);
    CHECK(parse_time_of_day("24:00").value() == kDay);
    CHECK(parse_time_of_day("25:00").error() ==
          "bad time of day '25:00': hours run 00 to 24 and minutes 00 to 59");
    CHECK(parse_time_of_day("6").error() == "bad time of day '6': write HH:MM, e.g. \"06:00\" (in quotes)");
    CHECK(parse_datetime_utc("1970-01-01T00:00:00Z").value() == 0);
    CHECK(parse_datetime_utc("2020-11-10T06:00:00Z").value() == 1604988000);
    CHECK(parse_datetime_utc("2020-02-29T00:00").value() == 1582934400);
    CHECK(parse_datetime_utc("2021-02-29T00:00Z").error() ==
          "bad date-time '2021-02-29T00:00Z': the day does not exist in that month");
    CHECK(
        parse_datetime_utc("2020-11-10T06:00+03:00").error() ==
        "bad date-time '2020-11-10T06:00+03:00': only UTC is supported: end it with Z or leave the zone out");
    CHECK(format_datetime_utc(1604988000LL * 1000) == "2020-11-10T06:00:00Z");
    CHECK(format_datetime_utc(1582934400LL * 1000 + 86399999) == "2020-02-29T23:59:59Z");
}
