#pragma once
// OpenStreetMap's heavy-vehicle tags on a way (docs/network.md, "Heavy vehicles"): weights and axle
// loads (t, kg, lbs, short tons), heights and widths (m, cm, feet and inches as 12'6"), and `hgv`
// access. Private to sim/network/.

#include <string_view>

#include "corridor/network/road_network.hpp"

namespace corridor {

/// What one tag value says: a limit, no limit (`none`, `default`, `unsigned`, `below_default`:
/// no figure is signed), or a value corridor cannot read (the caller warns and ignores it).
struct OsmLimit {
    enum class Kind { limit, no_limit, unreadable } kind = Kind::no_limit;
    double value = kNoLimit;
};

/// `maxweight`, `maxaxleload`, `maxweight:hgv`, in tonnes (a bare number is tonnes).
OsmLimit osm_mass_t(std::string_view text);
/// `maxheight`, `maxwidth`, in metres (a bare number is metres).
OsmLimit osm_length_m(std::string_view text);
/// `hgv`: `no` (and `private`) closes the road to heavy goods vehicles; `designated` marks a truck
/// route; `yes`, `permissive`, `destination`, `delivery`, `local`, `discouraged` leave it open
/// (corridor cannot tell whether a convoy's errand is on that road; docs/network.md). Anything
/// else is unreadable: `readable` is set false and the road stays open.
HgvAccess osm_hgv_access(std::string_view text, bool& readable);

}  // namespace corridor
