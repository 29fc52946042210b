// Heavy-vehicle tag values as mappers write them (OSM wiki: Key:maxweight, Key:maxheight,
// Key:maxwidth, Key:maxaxleload, Key:hgv). A number alone is in the tag's default unit (t or m);
// imperial values carry their unit. A value that is not one of these is refused rather than
// guessed: a misread height could send a column under a bridge it does not fit.

#include "osm_tags.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace corridor {
namespace {

// The most any road signs; beyond it a value is a tagging slip (a weight in kg without its unit).
constexpr double kMostMassT = 1000;
constexpr double kMostLengthM = 100;

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// A non-negative decimal number at the start of `s`, consumed; false if there is none.
bool take_number(std::string_view& s, double& number) {
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '.')) return false;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), number, std::chars_format::fixed);
    if (error != std::errc{} || !std::isfinite(number)) return false;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    return true;
}

bool no_figure(std::string_view s) {
    // Signs of no particular limit: no sign at all, the legal default, "below default" (a limit
    // lower than the legal one without its figure).
    return s == "none" || s == "default" || s == "unsigned" || s == "below_default" || s == "no_sign" ||
           s == "no sign";
}

OsmLimit limit(double value, double most) {
    if (!(value > 0) || value > most) return {OsmLimit::Kind::unreadable, kNoLimit};
    return {OsmLimit::Kind::limit, value};
}

constexpr OsmLimit kUnreadable{OsmLimit::Kind::unreadable, kNoLimit};

}  // namespace

OsmLimit osm_mass_t(std::string_view text) {
    std::string_view s = trim(text);
    if (no_figure(s)) return {};
    double number = 0;
    if (!take_number(s, number)) return kUnreadable;
    s = trim(s);
    if (s.empty() || s == "t") return limit(number, kMostMassT);
    if (s == "kg") return limit(number / 1000, kMostMassT);
    if (s == "lbs" || s == "lb") return limit(number * 0.00045359237, kMostMassT);  // avoirdupois pound
    if (s == "st") return limit(number * 0.90718474, kMostMassT);                   // short ton, 2,000 lb
    return kUnreadable;
}

OsmLimit osm_length_m(std::string_view text) {
    std::string_view s = trim(text);
    if (no_figure(s)) return {};
    double number = 0;
    if (!take_number(s, number)) return kUnreadable;
    s = trim(s);
    if (s.empty() || s == "m") return limit(number, kMostLengthM);
    if (s == "cm") return limit(number / 100, kMostLengthM);
    if (s == "in" || s == "\"") return limit(number * 0.0254, kMostLengthM);
    // Feet, then inches if any: 12', 12'6", 12 ft, 12 ft 6 in.
    double feet = number, inches = 0;
    if (s.starts_with("'"))
        s.remove_prefix(1);
    else if (s.starts_with("ft"))
        s.remove_prefix(2);
    else
        return kUnreadable;
    s = trim(s);
    if (!s.empty()) {
        if (!take_number(s, inches) || inches >= 12) return kUnreadable;
        s = trim(s);
        if (s != "\"" && s != "in" && s != "''") return kUnreadable;
    }
    return limit(feet * 0.3048 + inches * 0.0254, kMostLengthM);
}

HgvAccess osm_hgv_access(std::string_view text, bool& readable) {
    readable = true;
    if (text == "no" || text == "private") return HgvAccess::no;
    if (text == "designated") return HgvAccess::designated;
    if (text == "yes" || text == "permissive" || text == "destination" || text == "delivery" || text == "local" ||
        text == "discouraged")
        return HgvAccess::unrestricted;
    readable = false;
    return HgvAccess::unrestricted;
}

}  // namespace corridor
