// The prepared network file: a round trip keeps every accessor's answer on real maps and a CSV
// network; the same network gives the same bytes; a damaged, truncated, foreign, stale or
// wrongly-optioned file is refused with one located message, never a crash.

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "network/content_hash.hpp"
#include "network/prepared_format.hpp"

using namespace corridor;
using corridor::test::load_errors;
using corridor::test::write_temp;

namespace {

namespace fs = std::filesystem;

fs::path scratch_folder(const std::string& name) {
    fs::path folder = test::scratch_root() / "prepared" / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

template <class T>
T number_at(const std::string& bytes, std::size_t offset) {
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof value);
    return value;
}

template <class T>
void set_number(std::string& bytes, std::size_t offset, T value) {
    std::memcpy(bytes.data() + offset, &value, sizeof value);
}

// Where the file's section of `type` starts (0 if it has none).
std::size_t section_start(const std::string& bytes, std::uint32_t type) {
    auto count = number_at<std::uint32_t>(bytes, 20);
    for (std::uint32_t i = 0; i < count; ++i)
        if (number_at<std::uint32_t>(bytes, 64 + 32 * i) == type)
            return number_at<std::uint64_t>(bytes, 64 + 32 * i + 8);
    return 0;
}

// Where the elements of array `index` of a section of arrays of 4-byte numbers start (the graphs
// section): each array is its count, its elements and zeros to the next multiple of 8.
std::size_t u32_array_start(const std::string& bytes, std::size_t section, int index) {
    std::size_t at = section;
    for (int i = 0; i < index; ++i) at += 8 + (number_at<std::uint64_t>(bytes, at) * 4 + 7) / 8 * 8;
    return at + 8;
}

// The check hashes of every section and of the table, set again after `bytes` were changed: a
// damage the hashes cannot see, to reach the checks behind them.
void rehash(std::string& bytes) {
    auto count = number_at<std::uint32_t>(bytes, 20);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::size_t entry = 64 + 32 * i;
        auto offset = number_at<std::uint64_t>(bytes, entry + 8),
             size = number_at<std::uint64_t>(bytes, entry + 16);
        set_number(bytes, entry + 24, content_hash(std::string_view(bytes).substr(offset, size)));
    }
    set_number(bytes, 40, content_hash(std::string_view(bytes).substr(64, 32 * count)));
}

bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// Every public accessor of the two networks agrees, node by node and arc by arc.
void require_same_network(const RoadNetwork& a, const RoadNetwork& b) {
    REQUIRE(a.node_count() == b.node_count());
    REQUIRE(a.arc_count() == b.arc_count());
    CHECK(a.has_coordinates() == b.has_coordinates());
    CHECK(a.part_sizes() == b.part_sizes());
    // The prepared network holds its file's sections: the same arrays, each with its count and
    // padding, and the road names and turns as stored beside the ones built from them.
    CHECK(b.memory_bytes() >= a.memory_bytes());
    CHECK(double(b.memory_bytes()) <= 1024 + 1.05 * double(a.memory_bytes()));
    std::size_t node_mismatches = 0, arc_mismatches = 0;
    for (NodeIndex v = 0; v < a.node_count(); ++v) {
        const NodeInfo& x = a.node(v);
        const NodeInfo& y = b.node(v);
        bool same = x.id == y.id && x.name == y.name && x.kind == y.kind && same_number(x.lat, y.lat) &&
                    same_number(x.lon, y.lon) && a.part(v) == b.part(v) && a.out_arcs(v) == b.out_arcs(v) &&
                    b.find_node(x.id) == v && b.node_id(v) == x.id && b.node_kind(v) == x.kind &&
                    same_number(b.node_lat(v), x.lat) && same_number(b.node_lon(v), x.lon) &&
                    a.in_slots(v) == b.in_slots(v);
        auto [first, last] = b.in_slots(v);
        for (std::uint32_t slot = first; slot < last; ++slot)
            same = same && a.in_arc(slot) == b.in_arc(slot) && a.in_from(slot) == b.in_from(slot) &&
                   b.arc_to(b.in_arc(slot)) == v && b.arc_from(b.in_arc(slot)) == b.in_from(slot);
        node_mismatches += !same;
    }
    for (ArcIndex e = 0; e < a.arc_count(); ++e) {
        auto sa = a.shape_points(e), sb = b.shape_points(e);
        bool same = a.arc_from(e) == b.arc_from(e) && a.arc_to(e) == b.arc_to(e) &&
                    a.length_m(e) == b.length_m(e) && a.speed_kph(e) == b.speed_kph(e) &&
                    a.lanes(e) == b.lanes(e) && a.capacity_vph(e) == b.capacity_vph(e) &&
                    a.weight_limit_t(e) == b.weight_limit_t(e) && a.road_class(e) == b.road_class(e) &&
                    a.road_name(e) == b.road_name(e) && a.one_way(e) == b.one_way(e) &&
                    same_number(a.axle_load_limit_t(e), b.axle_load_limit_t(e)) &&
                    same_number(a.height_limit_m(e), b.height_limit_m(e)) &&
                    same_number(a.width_limit_m(e), b.width_limit_m(e)) && a.hgv_access(e) == b.hgv_access(e) &&
                    std::equal(sa.begin(), sa.end(), sb.begin(), sb.end());
        arc_mismatches += !same;
    }
    CHECK(node_mismatches == 0);
    CHECK(arc_mismatches == 0);
    CHECK(a.forbidden_turns() == b.forbidden_turns());
    // Searches over both graphs agree too.
    test::check_same_routes(a, b, 20, Metric::time);
}

// Prepares `source` into folder/name and loads the prepared file back.
RoadNetwork round_trip(const std::string& source, const fs::path& prepared, LoadOptions options = {}) {
    RoadNetwork original = corridor::test::load_or_fail(source, options);
    auto written = save_prepared_network(prepared.string(), original, source, options);
    INFO((written.ok() ? std::string() : written.error()));
    REQUIRE(written.ok());
    CHECK(written.value() == fs::file_size(prepared));
    RoadNetwork loaded = corridor::test::load_or_fail(prepared.string());
    CHECK_FALSE(original.viewing_prepared_file());
    CHECK(loaded.viewing_prepared_file());
    require_same_network(original, loaded);
    return loaded;
}

std::string valley() { return corridor::test::test_file("data/networks/valley"); }

}  // namespace

TEST_CASE("a prepared CSV network answers every accessor as its source does") {
    fs::path folder = scratch_folder("csv");
    round_trip(valley(), folder / "valley.cnet");
}

TEST_CASE("a prepared map keeps its heavy-vehicle limits and its forbidden turns") {
    fs::path folder = scratch_folder("heavy");
    RoadNetwork loaded =
        round_trip(corridor::test::test_file("data/networks/heavy-vehicles.osm"), folder / "heavy.cnet");
    // The hand-made map's five forbidden turns, one of them for heavy vehicles only, and its limits.
    CHECK(loaded.forbidden_turns().size() == 5);
    std::size_t limited = 0;
    for (ArcIndex e = 0; e < loaded.arc_count(); ++e)
        limited += std::isfinite(loaded.height_limit_m(e)) || loaded.hgv_access(e) == HgvAccess::no;
    CHECK(limited >= 2);
}

TEST_CASE("prepared DE.gr, Monaco and Andorra answer every accessor as their sources do") {
    fs::path folder = scratch_folder("maps");
    for (const char* name : {"DE.gr", "monaco.osm.gz", "andorra.osm.pbf"}) {
        INFO(name);
        round_trip(corridor::test::data_file(name), folder / (std::string(name) + ".cnet"));
    }
}

TEST_CASE("a prepared DIMACS graph finds its numbered ids as written, and no others") {
    fs::path folder = scratch_folder("numbered");
    std::string gr = (folder / "small.gr").string();
    write_bytes(gr, "p sp 12 2\na 1 12 5\na 12 3 7\n");
    RoadNetwork network = round_trip(gr, folder / "small.cnet");
    CHECK(network.find_node("12") == NodeIndex{11});
    CHECK(network.find_node("1") == NodeIndex{0});
    CHECK_FALSE(network.find_node("13"));
    CHECK_FALSE(network.find_node("0"));
    CHECK_FALSE(network.find_node("012"));
    CHECK_FALSE(network.find_node("+1"));
    CHECK_FALSE(network.find_node(""));
    CHECK_FALSE(network.find_node("99999999999"));
}

TEST_CASE("the same network prepared twice gives the same bytes") {
    fs::path folder = scratch_folder("same-bytes");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    REQUIRE(save_prepared_network((folder / "a.cnet").string(), network, valley(), {}).ok());
    REQUIRE(save_prepared_network((folder / "b.cnet").string(), network, valley(), {}).ok());
    std::string a = read_bytes(folder / "a.cnet");
    CHECK(a == read_bytes(folder / "b.cnet"));
    CHECK(a.size() % 8 == 0);
    CHECK(a.substr(0, 16) == std::string("CORRIDOR-NET\0\0\0\0", 16));
}

TEST_CASE("a prepared file is recognised by its first bytes whatever its name") {
    fs::path folder = scratch_folder("any-name");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    REQUIRE(save_prepared_network((folder / "looks-like.gr").string(), network, valley(), {}).ok());
    CHECK(is_prepared_network((folder / "looks-like.gr").string()));
    CHECK_FALSE(is_prepared_network(valley() + "/nodes.csv"));
    RoadNetwork loaded = corridor::test::load_or_fail((folder / "looks-like.gr").string());
    CHECK(loaded.find_node("A").has_value());
}

TEST_CASE("a loaded prepared network keeps its own copy: the file cut short or removed changes nothing") {
    // Its arrays are used where they lie in the network's copy of the file, not in a mapping of
    // the file: a planner who copies a new file over the old one during a sweep, which cuts the
    // old one short before writing it, must not see the sweep crash or its network change.
    fs::path folder = scratch_folder("own-copy");
    const std::string source = test::data_file("DE.gr");
    RoadNetwork original = corridor::test::load_or_fail(source);
    fs::path prepared = folder / "de.cnet";
    REQUIRE(save_prepared_network(prepared.string(), original, source, {}).ok());
    RoadNetwork loaded = corridor::test::load_or_fail(prepared.string());
    REQUIRE(loaded.viewing_prepared_file());
    write_bytes(prepared, "CORRIDOR-NET");
    require_same_network(original, loaded);
    fs::remove(prepared);
    RoadNetwork moved = std::move(loaded);
    require_same_network(original, moved);
}

TEST_CASE("a prepared file whose graphs disagree with its arcs is refused, whatever its hashes say") {
    // The hashes catch damage; these checks stand behind them, so that no file, however it was
    // made, can send a search round in circles through rows that hold other nodes' arcs.
    fs::path folder = scratch_folder("rows");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    const std::size_t n = network.node_count();
    fs::path good = folder / "good.cnet";
    REQUIRE(save_prepared_network(good.string(), network, valley(), {}).ok());
    const std::string bytes = read_bytes(good);
    const std::size_t graphs = section_start(bytes, 7);
    REQUIRE(graphs > 0);
    fs::path bad = folder / "bad.cnet";
    const std::string refused = "graphs: a row holds an arc that does not start or end there";

    std::string rehashed = bytes;  // the hashes alone set again: still the same network
    rehash(rehashed);
    write_bytes(bad, rehashed);
    CHECK(load_errors(bad.string()).empty());

    // Node v's forward row made to end one arc later, into the next node's arcs.
    std::string shifted = bytes;
    const std::size_t forward_start = u32_array_start(bytes, graphs, 0);
    std::size_t v = 0;
    while (v + 2 <= n && !(number_at<std::uint32_t>(bytes, forward_start + 4 * v) <
                               number_at<std::uint32_t>(bytes, forward_start + 4 * (v + 1)) &&
                           number_at<std::uint32_t>(bytes, forward_start + 4 * (v + 1)) <
                               number_at<std::uint32_t>(bytes, forward_start + 4 * (v + 2))))
        ++v;
    REQUIRE(v + 2 <= n);
    set_number(shifted, forward_start + 4 * (v + 1),
               number_at<std::uint32_t>(bytes, forward_start + 4 * (v + 1)) + 1);
    rehash(shifted);
    write_bytes(bad, shifted);
    CHECK(load_errors(bad.string()).find(refused) != std::string::npos);

    // The reversed graph's first and last slots swapped: each now holds an arc ending elsewhere.
    std::string swapped = bytes;
    const std::size_t reverse_arc = u32_array_start(bytes, graphs, 2);
    const std::size_t m = network.arc_count();
    auto first = number_at<std::uint32_t>(bytes, reverse_arc),
         last = number_at<std::uint32_t>(bytes, reverse_arc + 4 * (m - 1));
    REQUIRE(network.arc_to(first) != network.arc_to(last));
    set_number(swapped, reverse_arc, last);
    set_number(swapped, reverse_arc + 4 * (m - 1), first);
    rehash(swapped);
    write_bytes(bad, swapped);
    CHECK(load_errors(bad.string()).find(refused) != std::string::npos);

    // A section listed twice: the roads entry made a second nodes entry.
    std::string twice = bytes;
    auto count = number_at<std::uint32_t>(bytes, 20);
    for (std::uint32_t i = 0; i < count; ++i)
        if (number_at<std::uint32_t>(bytes, 64 + 32 * i) == 3)
            set_number<std::uint32_t>(twice, 64 + 32 * i, 2);
    rehash(twice);
    write_bytes(bad, twice);
    CHECK(load_errors(bad.string()).find("(nodes) appears twice in the table") != std::string::npos);
}

TEST_CASE("a column stored once stands for its count; a count past the limit is refused") {
    prepared::SectionWriter out;
    const float speed = 60.0f;
    out.put_column(std::span<const float>(&speed, 1), 1000, true);  // 1,000 speeds held once
    std::vector<float> varied = {1, 2, 3};
    out.put_column(std::span<const float>(varied), varied.size(), false);
    std::string bytes = std::move(out).take();
    CHECK(bytes.size() == 16 + 8 + 16);  // count and one value padded; count and three values padded
    prepared::SectionReader in(bytes);
    std::span<const float> stored;
    std::uint64_t count = 0;
    bool uniform = false;
    REQUIRE(in.get_column_view(stored, count, uniform, 1000, "the speeds"));
    CHECK((uniform && count == 1000 && stored.size() == 1 && stored[0] == 60.0f));
    REQUIRE(in.get_column_view(stored, count, uniform, 1000, "the speeds"));
    CHECK((!uniform && count == 3 && stored.size() == 3 && stored[2] == 3.0f));
    prepared::SectionReader again(bytes);
    CHECK_FALSE(again.get_column_view(stored, count, uniform, 999, "the speeds"));
    CHECK(again.problem() == "the speeds stands for 1000 entries, too many");
}

TEST_CASE("extra sections travel with the network and come back in order") {
    fs::path folder = scratch_folder("extra");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    std::vector<PreparedSection> extra = {{kContractionHierarchySection, "hierarchy bytes"}, {99, "x"}};
    REQUIRE(save_prepared_network((folder / "v.cnet").string(), network, valley(), {}, extra).ok());
    LoadedNetwork loaded = load_network((folder / "v.cnet").string());
    REQUIRE(loaded.network);
    REQUIRE(loaded.extra_sections.size() == 2);
    CHECK(loaded.extra_sections[0].type == kContractionHierarchySection);
    // Sections are padded with zeros to 8 bytes; their writer's format says where they end.
    CHECK(loaded.extra_sections[0].bytes == std::string("hierarchy bytes\0", 16));
    CHECK(loaded.extra_sections[1].type == 99);
    CHECK(save_prepared_network((folder / "w.cnet").string(), network, valley(), {}, {{2, "nodes?"}})
              .error() == "an extra section may not use the network's section number 2");
}

TEST_CASE("an extra section a load does not keep is neither checked nor copied") {
    fs::path folder = scratch_folder("skip");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    std::vector<PreparedSection> extra = {{kContractionHierarchySection, "hierarchy bytes"}, {99, "x"}};
    fs::path prepared = folder / "v.cnet";
    REQUIRE(save_prepared_network(prepared.string(), network, valley(), {}, extra).ok());
    // Section 99 is the file's last 8 bytes: "x" and its padding. Damage it.
    std::string bytes = read_bytes(prepared);
    REQUIRE(bytes.substr(bytes.size() - 8, 1) == "x");
    bytes[bytes.size() - 8] = 'y';
    write_bytes(prepared, bytes);
    CHECK(load_errors(prepared.string()).find("section 8 (extra) is damaged") != std::string::npos);
    LoadOptions hierarchy_only;
    hierarchy_only.keep_section = [](std::uint32_t type, std::string_view) {
        return type == kContractionHierarchySection;
    };
    LoadedNetwork loaded = load_network(prepared.string(), hierarchy_only);
    REQUIRE(loaded.network);
    REQUIRE(loaded.extra_sections.size() == 1);
    CHECK(loaded.extra_sections[0].type == kContractionHierarchySection);
    CHECK(loaded.extra_sections[0].bytes == std::string("hierarchy bytes\0", 16));
}

TEST_CASE("every truncation and every flipped byte of a prepared file is refused with a message") {
    fs::path folder = scratch_folder("damage");
    RoadNetwork network = corridor::test::load_or_fail(valley());
    fs::path good = folder / "good.cnet";
    REQUIRE(save_prepared_network(good.string(), network, valley(), {}).ok());
    std::string bytes = read_bytes(good);
    fs::path bad = folder / "bad.cnet";
    std::size_t refused = 0, tried = 0;
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        write_bytes(bad, bytes.substr(0, size));
        ++tried;
        std::string errors = load_errors(bad.string());
        refused += errors.rfind(bad.string() + ":", 0) == 0 && errors.find(": error: ") != std::string::npos;
    }
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        for (unsigned char flip : {0x01, 0x80, 0xFF}) {
            std::string damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ flip);
            write_bytes(bad, damaged);
            ++tried;
            refused += !load_errors(bad.string()).empty();
        }
    }
    CHECK(refused == tried);
    write_bytes(bad, bytes.substr(0, 40));
    CHECK(load_errors(bad.string()) ==
          bad.string() + ": error: the prepared network is truncated: 40 bytes, less than its 64-byte "
                         "header; prepare it again with corridor prepare\n");
    write_bytes(bad, bytes.substr(0, bytes.size() - 8));
    CHECK(load_errors(bad.string()) ==
          bad.string() + ": error: the prepared network is " + std::to_string(bytes.size() - 8) +
              " bytes but its header says " + std::to_string(bytes.size()) +
              ": truncated or damaged; prepare it again with corridor prepare\n");
    std::string other_version = bytes;
    other_version[16] = 7;
    write_bytes(bad, other_version);
    CHECK(load_errors(bad.string()) ==
          bad.string() +
              ": error: the prepared network is format version 7; this "
              "corridor reads version 2; prepare it again with corridor prepare\n");
    std::string foreign = bytes;
    foreign[0] = 'X';
    write_bytes(bad, foreign);
    // Without the magic, load_network does not take it for a prepared file at all.
    CHECK(load_errors(bad.string()).find(": error: unknown network format") != std::string::npos);
    CHECK(load_prepared_network(bad.string()).diagnostics.first_error() ==
          bad.string() + ": error: not a prepared network file (it does not start with 'CORRIDOR-NET')");
}

TEST_CASE("a prepared file whose source has changed is refused as stale; one without its source loads") {
    fs::path folder = scratch_folder("stale");
    fs::create_directories(folder / "net");
    for (const char* table : {"nodes.csv", "edges.csv"}) fs::copy_file(valley() + "/" + table, folder / "net" / table);
    std::string source = (folder / "net").string();
    fs::path prepared = folder / "valley.cnet";
    RoadNetwork network = corridor::test::load_or_fail(source);
    REQUIRE(save_prepared_network(prepared.string(), network, source, {}).ok());
    CHECK(load_errors(prepared.string()).empty());

    // Same size, one digit changed: the hash, not the size, finds it.
    std::string edges = read_bytes(folder / "net" / "edges.csv");
    auto digit = edges.find_first_of("123456789", edges.find('\n'));
    REQUIRE(digit != std::string::npos);
    edges[digit] = edges[digit] == '9' ? '8' : static_cast<char>(edges[digit] + 1);
    write_bytes(folder / "net" / "edges.csv", edges);
    CHECK(load_errors(prepared.string()) ==
          prepared.string() + ": error: the prepared file is stale: its source '" +
              (folder / "net/edges.csv").generic_string() +
              "' has changed since it was prepared; run corridor prepare again\n");

    // Moved away with its source gone: nothing to compare with, so it loads.
    fs::remove_all(folder / "net");
    CHECK(load_errors(prepared.string()).empty());
}

TEST_CASE("a source of its recorded size written before the prepared file is not hashed again") {
    fs::path folder = scratch_folder("dated");
    std::string gr = (folder / "line.gr").string();
    write_bytes(gr, "p sp 3 2\na 1 2 5\na 2 3 7\n");
    fs::path prepared = folder / "line.cnet";
    REQUIRE(save_prepared_network(prepared.string(), corridor::test::load_or_fail(gr), gr, {}).ok());
    // The source dated an hour before the prepared file: taken as the one prepared, unread. That
    // is the rule's risk (docs/network.md): a same-size edit given back an older date, as
    // `cp -p` or `tar x` can, goes unseen.
    const auto prepared_written = fs::last_write_time(prepared);
    write_bytes(gr, "p sp 3 2\na 1 2 6\na 2 3 7\n");
    fs::last_write_time(gr, prepared_written - std::chrono::hours(1));
    CHECK(load_errors(prepared.string()).empty());
    // Written at the prepared file's time or after, it is hashed, and the edit found.
    fs::last_write_time(gr, prepared_written);
    CHECK(load_errors(prepared.string()) ==
          prepared.string() + ": error: the prepared file is stale: its source '" + fs::path(gr).generic_string() +
              "' has changed since it was prepared; run corridor prepare again\n");
    fs::last_write_time(gr, prepared_written + std::chrono::hours(1));
    CHECK(!load_errors(prepared.string()).empty());
}

TEST_CASE("a source changed while it is prepared is refused, or hashed again at every load") {
    fs::path folder = scratch_folder("during");
    std::string gr = (folder / "line.gr").string();
    write_bytes(gr, "p sp 3 2\na 1 2 5\na 2 3 7\n");
    fs::path prepared = folder / "line.cnet";
    auto before_load = prepared_input_hash(gr, {});
    REQUIRE(before_load.ok());
    RoadNetwork network = corridor::test::load_or_fail(gr);

    // Changed after it was read and before the file is written: the network is not the one the
    // source's hash would say, so nothing is written.
    write_bytes(gr, "p sp 3 2\na 1 2 6\na 2 3 7\n");
    auto refused = save_prepared_network(prepared.string(), network, gr, {}, {}, before_load.value());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == "the source '" + gr +
                                 "' changed while it was being prepared; nothing was written: run corridor "
                                 "prepare again");
    CHECK_FALSE(fs::exists(prepared));
    CHECK_FALSE(fs::exists(prepared.string() + ".partial"));

    // How the prepared file is dated, so that a source changed after its last hashing is newer.
    write_bytes(gr, "p sp 3 2\na 1 2 5\na 2 3 7\n");
    auto hash = prepared_input_hash(gr, {});
    REQUIRE(hash.ok());
    CHECK(hash.value() == before_load.value());
    // Written just before it is prepared (a pipeline): the file is dated just after the source,
    // so that make does not take it for out of date.
    REQUIRE(save_prepared_network(prepared.string(), network, gr, {}, {}, hash.value()).ok());
    CHECK(fs::last_write_time(prepared) > fs::last_write_time(gr));
    CHECK(fs::last_write_time(prepared) <= fs::file_time_type::clock::now());
    // A source dated in the future (another machine's clock) does not date the file after it.
    fs::last_write_time(gr, fs::file_time_type::clock::now() + std::chrono::hours(1));
    REQUIRE(save_prepared_network(prepared.string(), network, gr, {}, {}, hash.value()).ok());
    CHECK(fs::last_write_time(prepared) <= fs::file_time_type::clock::now() - std::chrono::seconds(1));
    // Written long before: the file is dated a second before its source was hashed.
    fs::last_write_time(gr, fs::file_time_type::clock::now() - std::chrono::hours(1));
    const auto save_began = fs::file_time_type::clock::now();
    REQUIRE(save_prepared_network(prepared.string(), network, gr, {}, {}, hash.value()).ok());
    CHECK(fs::last_write_time(prepared) <= fs::file_time_type::clock::now() - std::chrono::seconds(1));
    // Changed after it was hashed and before the file was renamed into place (dated here at the
    // moment the save began): newer than the file, so hashed, and the file found stale.
    write_bytes(gr, "p sp 3 2\na 1 2 6\na 2 3 7\n");
    fs::last_write_time(gr, save_began);
    CHECK(load_errors(prepared.string()) ==
          prepared.string() + ": error: the prepared file is stale: its source '" + fs::path(gr).generic_string() +
              "' has changed since it was prepared; run corridor prepare again\n");
}

TEST_CASE("a prepared file keeps its load options and refuses others") {
    fs::path folder = scratch_folder("options");
    std::string gr = (folder / "line.gr").string();
    write_bytes(gr, "p sp 3 2\na 1 2 5\na 2 3 7\n");
    LoadOptions undirected;
    undirected.undirected = true;
    round_trip(gr, folder / "line.cnet", undirected);
    RoadNetwork as_prepared = corridor::test::load_or_fail((folder / "line.cnet").string());
    CHECK(as_prepared.arc_count() == 4);  // two-way, as prepared
    LoadOptions boxed;
    boxed.bounding_box = BoundingBox{0, 0, 1, 1};
    CHECK(load_errors((folder / "line.cnet").string(), boxed) ==
          (folder / "line.cnet").string() +
              ": error: this network was prepared with the load options '--undirected --profile car', not "
              "'--profile car --bbox 0,0,1,1'; load it without options, or prepare it again with these\n");
}
