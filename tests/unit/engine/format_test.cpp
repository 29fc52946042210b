// Numbers to text and back with to_chars and from_chars: the same digits on every machine.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "corridor/engine/format.hpp"

using namespace corridor;

namespace {

// How much of `text` read_number takes, and the value it read.
std::size_t taken(const char* text, double& value) {
    return static_cast<std::size_t>(read_number(text, text + std::strlen(text), value) - text);
}

}  // namespace

TEST_CASE("numbers are written as printf's %g and %.Nf would, digit for digit") {
    CHECK(format_number(-3) == "-3");
    CHECK(format_number(15.4) == "15.4");
    CHECK(format_number(1e-300) == "1e-300");
    CHECK(format_number(123456789) == "1.23457e+08");
    CHECK(format_fixed(449700.003, 3) == "449700.003");
    CHECK(format_fixed(0.0005, 3) == "0.001");  // 0.0005 is just above half in binary
    CHECK(format_fixed(2.5, 0) == "2");         // ties to even, as printf
    CHECK(format_fixed(-1.25, 1) == "-1.2");
    CHECK(format_fixed(1e20, 1) == "100000000000000000000.0");
}

TEST_CASE("a number is read as a planner writes it, never as hexadecimal or with a comma") {
    double v = 0;
    CHECK(taken("12.5km", v) == 4);
    CHECK(v == 12.5);
    CHECK(taken("  +7", v) == 4);
    CHECK(v == 7);
    CHECK(taken("-0.25", v) == 5);
    CHECK(v == -0.25);
    CHECK(taken(".5h", v) == 2);
    CHECK(v == 0.5);
    CHECK(taken("1,5", v) == 1);  // the comma ends the number
    CHECK(v == 1);
    CHECK(taken("0x10", v) == 1);  // "0", then an x: no hexadecimal
    CHECK(v == 0);
    CHECK(taken("km", v) == 0);
    CHECK(taken("+-3", v) == 0);
    CHECK(taken("", v) == 0);
    CHECK(taken("1e999", v) == 5);  // too large: read, as NaN, for the caller to refuse
    CHECK(std::isnan(v));
    CHECK(taken("1e-400km", v) == 6);  // too small: zero, as strtod
    CHECK(v == 0);
    CHECK(taken("-1e-400", v) == 7);
    CHECK(v == 0);
    CHECK(std::signbit(v));
}

TEST_CASE("a whole number is all digits with an optional sign") {
    long long v = 0;
    CHECK(read_whole("42", v));
    CHECK(v == 42);
    CHECK(read_whole("+42", v));
    CHECK(read_whole("-7", v));
    CHECK(v == -7);
    CHECK_FALSE(read_whole("", v));
    CHECK_FALSE(read_whole("4.0", v));
    CHECK_FALSE(read_whole(" 4", v));
    CHECK_FALSE(read_whole("+-4", v));
    CHECK_FALSE(read_whole("0x10", v));
    CHECK(read_whole("99999999999999999999", v));  // too large: the largest, as strtoll
    CHECK(v == LLONG_MAX);
}
