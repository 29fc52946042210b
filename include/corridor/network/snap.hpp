#pragma once
// Snapping a coordinate to the nearest point on the nearest road, and splitting the road there
// with a new node, as GraphHopper's location index and QueryGraph and OSRM's phantom nodes do: a
// place given by coordinates starts and ends its routes on the road beside it, not at whichever
// junction happens to be nearest (docs/network.md, "Snapping to roads").

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {

/// A point on a road: `fraction` of the way along arc `arc` (by the distance along its shape),
/// `distance_m` (great-circle) from the coordinate that was snapped.
struct RoadSnap {
    ArcIndex arc = 0;
    double fraction = 0;
    GeoPoint point;
    double distance_m = 0;
};

struct VehicleLimits;

/// A snap this close (metres along the road) to an end node uses that node: no split.
inline constexpr double kSnapToNodeM = 0.5;

/// A uniform grid over the segments (between shape points) of every arc of the network's largest
/// part: a point in a stray fragment would reach nowhere.
class SnapIndex {
  public:
    explicit SnapIndex(const RoadNetwork& network);
    ~SnapIndex();
    SnapIndex(SnapIndex&&) noexcept;
    /// The nearest point on a road; none if the network has no coordinates or no road. Equal
    /// distances go to the lowest arc index, then the segment nearest the arc's start.
    std::optional<RoadSnap> snap(double lat, double lon) const;
    /// The nearest point on a road `vehicle` may use (vehicle_may_use): a column is not put on a lane
    /// closed to it, which it could then neither leave nor reach (as GraphHopper snaps with its
    /// profile's access filter). None if it may use no indexed road.
    std::optional<RoadSnap> snap(double lat, double lon, const VehicleLimits& vehicle) const;

  private:
    std::optional<RoadSnap> nearest(double lat, double lon, const VehicleLimits* vehicle) const;
    struct Grid;
    const RoadNetwork* network_;
    std::unique_ptr<Grid> grid_;
};

/// A place to put on the network at its snap: `id` becomes the new node's id when the road is split.
struct SnapPlace {
    std::string id;
    std::string name;
    NodeKind kind = NodeKind::junction;
    RoadSnap snap;
};

struct SplitNetwork {
    RoadNetwork network;
    std::vector<NodeIndex> nodes;  // each place's node, in the order given
};

/// The network with each snapped road split at its place by a new node (old nodes keep their
/// indices; new ones follow in the order of `places`). A two-way road is split in both directions
/// at the same point, a one-way road only in its own; length and shape are divided by the distance
/// along the shape, every other attribute copied. A snap within kSnapToNodeM of an end node, or of
/// an earlier place's split on the same road, uses that node. An error if an id is already taken.
Result<SplitNetwork> split_roads(const RoadNetwork& network, std::span<const SnapPlace> places);

/// Every arc of the road(s) joining `a` and `b` in either direction, as the file gave them: the
/// arcs between them, and where places split such a road, all its pieces (through split nodes,
/// ids beginning '@'): what `--close A,B` closes.
std::vector<ArcIndex> road_pieces(const RoadNetwork& network, NodeIndex a, NodeIndex b);
/// The end nodes of the road that arc `arc` is a piece of, past any split nodes: how to name it to
/// a planner, who knows the road, not the piece.
std::pair<NodeIndex, NodeIndex> unsplit_ends(const RoadNetwork& network, ArcIndex arc);

/// A road's attributes as read from the network (to copy them onto its pieces).
RoadAttributes road_attributes(const RoadNetwork& network, ArcIndex arc);

/// Past this many times the snap limit (--max-snap, a scenario's max_snap) a coordinate is refused,
/// not warned about: 10 km from every road when 1 km was allowed is a slip, not a remote post.
inline constexpr double kSnapRefuseFactor = 10;

/// Why a coordinate may lie far from every road, for the message that reports it: "latitude and
/// longitude swapped? 45.1,40 lies within the network's area", a slipped sign likewise, or "it lies
/// outside the network's area (lat 39.95..40.08, lon 45..45.2)"; empty when none of these holds.
std::string far_snap_hint(const RoadNetwork& network, GeoPoint given);

/// "Rue Grimaldi (residential, 12 -> 40)": a road for a person.
std::string describe_road(const RoadNetwork& network, ArcIndex arc);

}  // namespace corridor
