// The hierarchy as a binary section of a prepared-network file: a magic word, a format version,
// the metric, counts, the network's fingerprint, then the arrays as they sit in memory
// (little-endian, as on every machine corridor builds on). Reading checks every count and index,
// so a truncated or foreign file is refused with a message, never crashes a query.

#include <bit>
#include <cmath>
#include <cstring>
#include <istream>
#include <ostream>

#include "corridor/network/hierarchy.hpp"
#include "corridor/network/router.hpp"
#include "fingerprint.hpp"

namespace corridor {
namespace {

static_assert(std::endian::native == std::endian::little, "the hierarchy file is little-endian");
constexpr char kMagic[8] = {'C', 'O', 'R', 'R', '-', 'C', 'H', '\0'};
// 2: the network fingerprint hashes blocks of arcs (fingerprint.hpp) instead of FNV-1a byte by byte.
constexpr std::uint32_t kVersion = 2;

void put(std::ostream& out, std::uint64_t value) { out.write(reinterpret_cast<const char*>(&value), 8); }

template <class T>
void put_array(std::ostream& out, const std::vector<T>& items) {
    put(out, items.size());
    out.write(reinterpret_cast<const char*>(items.data()),
              static_cast<std::streamsize>(items.size() * sizeof(T)));
}

bool get(std::istream& in, std::uint64_t& value) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), 8));
}

template <class T>
bool get_array(std::istream& in, std::vector<T>& items, std::uint64_t most) {
    std::uint64_t size = 0;
    if (!get(in, size) || size > most) return false;
    items.resize(size);
    return static_cast<bool>(
        in.read(reinterpret_cast<char*>(items.data()), static_cast<std::streamsize>(size * sizeof(T))));
}

}  // namespace

void ContractionHierarchy::write(std::ostream& out) const {
    out.write(kMagic, sizeof kMagic);
    put(out, kVersion);
    put(out, static_cast<std::uint64_t>(metric_));
    put(out, arc_count_);
    put(out, fingerprint_);
    put(out, shortcut_count_);
    put_array(out, rank_);
    put_array(out, up_first_);
    put_array(out, down_first_);
    put_array(out, up_);
    put_array(out, down_);
}

std::optional<Metric> ContractionHierarchy::section_metric(std::string_view bytes) {
    // The header: magic word, version, metric (each eight bytes, as write() puts them).
    std::uint64_t version = 0, metric = 0;
    if (bytes.size() < sizeof kMagic + 16 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return {};
    std::memcpy(&version, bytes.data() + sizeof kMagic, 8);
    std::memcpy(&metric, bytes.data() + sizeof kMagic + 8, 8);
    if (version != kVersion || metric > 1) return {};
    return static_cast<Metric>(metric);
}

Result<ContractionHierarchy> ContractionHierarchy::read(std::istream& in, const RoadNetwork& network) {
    char magic[sizeof kMagic];
    if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0)
        return Error{"not a contraction hierarchy section (wrong magic word)"};
    std::uint64_t version = 0, metric = 0, arcs = 0, fingerprint = 0, shortcuts = 0;
    if (!get(in, version) || version != kVersion)
        return Error{"contraction hierarchy format version " + std::to_string(version) + ", expected " +
                     std::to_string(kVersion) + " (prepare the network again)"};
    if (!get(in, metric) || metric > 1) return Error{"contraction hierarchy: unknown metric"};
    if (!get(in, arcs) || !get(in, fingerprint) || !get(in, shortcuts))
        return Error{"contraction hierarchy: the section is truncated"};
    ContractionHierarchy ch;
    ch.metric_ = static_cast<Metric>(metric);
    if (arcs != network.arc_count() || fingerprint != network_fingerprint(network, ch.metric_))
        return Error{
            "the contraction hierarchy was built for another network or other costs (prepare it again)"};
    ch.arc_count_ = arcs;
    ch.fingerprint_ = fingerprint;
    ch.shortcut_count_ = shortcuts;
    std::size_t n = network.node_count();
    std::uint64_t most_arcs = UINT32_MAX;
    if (!get_array(in, ch.rank_, n) || ch.rank_.size() != n || !get_array(in, ch.up_first_, n + 1) ||
        !get_array(in, ch.down_first_, n + 1) || ch.up_first_.size() != n + 1 ||
        ch.down_first_.size() != n + 1 || !get_array(in, ch.up_, most_arcs) ||
        !get_array(in, ch.down_, most_arcs))
        return Error{"contraction hierarchy: the section is truncated or its counts are wrong"};
    // Every index a query or an unpacking follows must be in range and point upwards.
    std::vector<bool> seen(n, false);
    for (std::uint32_t r : ch.rank_) {
        if (r >= n || seen[r]) return Error{"contraction hierarchy: the node order is not a permutation"};
        seen[r] = true;
    }
    std::vector<NodeIndex> node_of(n);
    for (NodeIndex v = 0; v < n; ++v) node_of[ch.rank_[v]] = v;
    auto check = [&](const std::vector<std::uint32_t>& first, const std::vector<Arc>& list, bool upward) {
        if (first.front() != 0 || first.back() != list.size()) return false;
        for (std::size_t u = 0; u < n; ++u) {
            if (first[u] > first[u + 1]) return false;
            for (std::uint32_t i = first[u]; i < first[u + 1]; ++i) {
                const Arc& arc = list[i];
                if (arc.head >= n || arc.head <= u || !(arc.cost >= 0) || !std::isfinite(arc.cost))
                    return false;
                if (arc.via & kShortcut) {
                    if ((arc.via & ~kShortcut) >= u) return false;  // the middle is below both ends
                } else {
                    if (arc.via >= network.arc_count()) return false;
                    NodeIndex tail = node_of[upward ? u : arc.head], head = node_of[upward ? arc.head : u];
                    if (network.arc_from(arc.via) != tail || network.arc_to(arc.via) != head) return false;
                }
            }
        }
        return true;
    };
    if (!check(ch.up_first_, ch.up_, true) || !check(ch.down_first_, ch.down_, false))
        return Error{"contraction hierarchy: an arc points outside the network or downwards"};
    // A shortcut's two halves must be there to unpack it.
    if (!ch.link_halves()) return Error{"contraction hierarchy: a shortcut's halves are missing"};
    ch.make_pool();
    return ch;
}

}  // namespace corridor
