// Writing a network back to the files corridor reads (DIMACS with its .co, the CSV tables), so that
// a generated network can be loaded like any other and the loaders measured on it. Numbers go
// through std::to_chars into one buffer per file: a million-node network writes in seconds.

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "corridor/network/generate.hpp"

namespace corridor {
namespace {

// A file written through a large buffer; the first failure is kept and reported at close.
class OutputFile {
  public:
    explicit OutputFile(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
        if (!file_) error_ = path + ": cannot create the file: " + std::strerror(errno);
        buffer_.reserve(kFlushAt + 256);
    }
    ~OutputFile() {
        if (file_) std::fclose(file_);
    }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    OutputFile& text(std::string_view s) {
        buffer_.append(s);
        return *this;
    }
    OutputFile& whole(std::int64_t value) {
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        buffer_.append(digits, end);
        return *this;
    }
    // Fixed decimals: what the loaders read back to the same double when the value was rounded so.
    OutputFile& fixed(double value, int decimals) {
        char digits[64];
        auto end =
            std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, decimals).ptr;
        buffer_.append(digits, end);
        return *this;
    }
    // Shortest text that reads back to the same double.
    OutputFile& shortest(double value) {
        char digits[64];
        auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        buffer_.append(digits, end);
        return *this;
    }
    OutputFile& end_line() {
        buffer_.push_back('\n');
        if (buffer_.size() >= kFlushAt) flush();
        return *this;
    }
    // Writes what is left; the error, if any, says which file.
    Result<std::size_t> close(std::size_t rows) {
        flush();
        if (file_ && std::fclose(file_) != 0 && error_.empty())
            error_ = path_ + ": cannot write the file: " + std::strerror(errno);
        file_ = nullptr;
        if (!error_.empty()) return Error{error_};
        return rows;
    }

  private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    void flush() {
        if (file_ && !buffer_.empty() &&
            std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size() && error_.empty())
            error_ = path_ + ": cannot write the file: " + std::strerror(errno);
        buffer_.clear();
    }

    std::string path_;
    std::FILE* file_;
    std::string error_;
    std::string buffer_;
};

// A CSV field, quoted when it holds a comma or a quote (docs/network.md).
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

Result<std::size_t> write_dimacs(const RoadNetwork& network, const std::string& gr_path) {
    OutputFile gr(gr_path);
    if (!gr.ok()) return Error{gr.error()};
    gr.text("c written by corridor").end_line();
    gr.text("p sp ")
        .whole(static_cast<std::int64_t>(network.node_count()))
        .text(" ")
        .whole(static_cast<std::int64_t>(network.arc_count()))
        .end_line();
    for (ArcIndex a = 0; a < network.arc_count(); ++a)
        gr.text("a ")
            .whole(network.arc_from(a) + std::int64_t{1})
            .text(" ")
            .whole(network.arc_to(a) + std::int64_t{1})
            .text(" ")
            .whole(static_cast<std::int64_t>(std::llround(network.length_m(a))))
            .end_line();
    auto arcs = gr.close(network.arc_count());
    if (!arcs || !network.has_coordinates()) return arcs;

    OutputFile co(std::filesystem::path(gr_path).replace_extension(".co").string());
    if (!co.ok()) return Error{co.error()};
    co.text("c coordinates written by corridor: millionths of a degree, longitude then latitude").end_line();
    co.text("p aux sp co ").whole(static_cast<std::int64_t>(network.node_count())).end_line();
    for (NodeIndex v = 0; v < network.node_count(); ++v) {
        const NodeInfo& node = network.node(v);
        co.text("v ").whole(v + std::int64_t{1}).text(" ");
        co.whole(std::llround(node.lon * 1e6)).text(" ").whole(std::llround(node.lat * 1e6)).end_line();
    }
    auto points = co.close(network.node_count());
    if (!points) return Error{points.error()};
    return arcs;
}

Result<std::size_t> write_csv_network(const RoadNetwork& network, const std::string& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) return Error{folder + ": cannot create the folder: " + error.message()};

    OutputFile nodes((std::filesystem::path(folder) / "nodes.csv").string());
    if (!nodes.ok()) return Error{nodes.error()};
    bool coordinates = network.has_coordinates();
    nodes.text(coordinates ? "id,name,kind,lat,lon" : "id,name,kind").end_line();
    for (NodeIndex v = 0; v < network.node_count(); ++v) {
        const NodeInfo& node = network.node(v);
        nodes.text(csv_field(node.id))
            .text(",")
            .text(csv_field(node.name))
            .text(",")
            .text(to_string(node.kind));
        if (coordinates) nodes.text(",").fixed(node.lat, 7).text(",").fixed(node.lon, 7);
        nodes.end_line();
    }
    auto node_rows = nodes.close(network.node_count());
    if (!node_rows) return Error{node_rows.error()};

    OutputFile edges((std::filesystem::path(folder) / "edges.csv").string());
    if (!edges.ok()) return Error{edges.error()};
    edges.text("from,to,length_m,road_class,speed_kph,lanes,capacity_vph,weight_limit_t,oneway,name")
        .end_line();
    std::size_t rows = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        NodeIndex from = network.arc_from(a), to = network.arc_to(a);
        // A two-way road is two arcs; its row is written once, from the arc that starts lower.
        if (!network.one_way(a) && from > to) continue;
        edges.text(csv_field(network.node(from).id)).text(",").text(csv_field(network.node(to).id)).text(",");
        edges.fixed(network.length_m(a), 3).text(",").text(to_string(network.road_class(a))).text(",");
        edges.shortest(network.speed_kph(a)).text(",").whole(static_cast<std::int64_t>(network.lanes(a)));
        edges.text(",").shortest(network.capacity_vph(a)).text(",");
        if (network.weight_limit_t(a) != kNoWeightLimit) edges.shortest(network.weight_limit_t(a));
        edges.text(network.one_way(a) ? ",yes," : ",no,").text(csv_field(network.road_name(a))).end_line();
        ++rows;
    }
    return edges.close(rows);
}

}  // namespace corridor
