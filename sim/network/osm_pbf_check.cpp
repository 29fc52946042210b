// OSM PBF after the format's description (wiki.openstreetmap.org/wiki/PBF_Format, and the
// fileformat.proto and osmformat.proto messages it names): BlobHeader {type = 1, datasize = 3},
// Blob {raw = 1, raw_size = 2, zlib_data = 3}, PrimitiveBlock {stringtable = 1, primitivegroup = 2,
// granularity = 17, lat_offset = 19, lon_offset = 20}, PrimitiveGroup {nodes = 1, dense = 2,
// ways = 3}. Only the fields libosmium computes with are checked; the rest is skipped as it is.

#include "osm_pbf_check.hpp"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <string_view>
#include <vector>

namespace corridor {
namespace {

constexpr std::uint32_t kMaxHeaderBytes = 64 * 1024;
// Scales that keep libosmium's `c * granularity + offset` and its delta sums inside int64.
constexpr std::int64_t kMaxGranularity = 10'000;
constexpr std::int64_t kMaxCoordinate = std::int64_t{1} << 40;  // in granularity units, and offsets
constexpr std::int64_t kMaxDeltaSum = std::int64_t{1} << 61;    // ids and references
constexpr std::uint64_t kMaxBlobBytes = 32 * 1024 * 1024;

struct BlobHeader {
    std::string type;
    std::optional<std::uint64_t> data_size;
};

// A protocol-buffers varint from `bytes` at `pos`; nothing when it runs past the end or 64 bits.
std::optional<std::uint64_t> varint(std::string_view bytes, std::size_t& pos) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && pos < bytes.size(); shift += 7) {
        auto byte = static_cast<unsigned char>(bytes[pos++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
}

// Reads one protocol-buffers message field by field; `bad()` once anything runs past the end.
class Fields {
  public:
    explicit Fields(std::string_view bytes) : bytes_(bytes) {}
    bool next() {
        if (bad_ || pos_ >= bytes_.size()) return false;
        auto key = varint(bytes_, pos_);
        if (!key) return fail();
        field_ = *key >> 3;
        wire_ = *key & 7;
        if (wire_ == 0) {
            auto value = varint(bytes_, pos_);
            if (!value) return fail();
            value_ = *value;
        } else if (wire_ == 2) {
            auto length = varint(bytes_, pos_);
            if (!length || *length > bytes_.size() - pos_) return fail();
            view_ = bytes_.substr(pos_, *length);
            pos_ += *length;
        } else if (wire_ == 1 || wire_ == 5) {
            std::size_t width = wire_ == 1 ? 8 : 4;
            if (width > bytes_.size() - pos_) return fail();
            pos_ += width;
        } else {
            return fail();
        }
        return true;
    }
    std::uint64_t field() const { return field_; }
    bool is(std::uint64_t field, std::uint64_t wire) const { return field_ == field && wire_ == wire; }
    std::uint64_t value() const { return value_; }
    std::string_view view() const { return view_; }
    bool bad() const { return bad_; }

  private:
    bool fail() {
        bad_ = true;
        return false;
    }
    std::string_view bytes_;
    std::size_t pos_ = 0;
    std::uint64_t field_ = 0, wire_ = 0, value_ = 0;
    std::string_view view_;
    bool bad_ = false;
};

std::int64_t zigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// The values of a packed repeated field; nothing when it is malformed.
std::optional<std::vector<std::uint64_t>> packed(std::string_view bytes) {
    std::vector<std::uint64_t> values;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto value = varint(bytes, pos);
        if (!value) return std::nullopt;
        values.push_back(*value);
    }
    return values;
}

// Every value of a packed sint64 field, summed as deltas when `deltas`, within `limit`.
bool within(std::string_view bytes, bool deltas, std::int64_t limit) {
    auto values = packed(bytes);
    if (!values) return false;
    std::int64_t sum = 0;
    for (std::uint64_t raw : *values) {
        std::int64_t v = zigzag(raw);
        if (v > limit || v < -limit) return false;
        sum = deltas ? sum + v : v;
        if (sum > limit || sum < -limit) return false;
    }
    return true;
}

// String-table indices (packed uint32): each below `strings`; in keys_vals a 0 ends a node's tags.
bool indices_within(std::string_view bytes, std::uint64_t strings) {
    auto values = packed(bytes);
    if (!values) return false;
    for (std::uint64_t v : *values)
        if (v >= strings) return false;
    return true;
}

std::string check_group(std::string_view group, std::uint64_t strings) {
    Fields f(group);
    while (f.next()) {
        if (f.is(1, 2)) {  // Node
            Fields node(f.view());
            while (node.next()) {
                if ((node.is(2, 2) || node.is(3, 2)) && !indices_within(node.view(), strings))
                    return "a node's tag names a string the block does not have";
                if ((node.is(8, 0) || node.is(9, 0)) &&
                    (zigzag(node.value()) > kMaxCoordinate || zigzag(node.value()) < -kMaxCoordinate))
                    return "a node's coordinate is far outside the globe";
            }
            if (node.bad()) return "a node is malformed";
        } else if (f.is(2, 2)) {  // DenseNodes
            Fields dense(f.view());
            while (dense.next()) {
                if (dense.is(1, 2) && !within(dense.view(), true, kMaxDeltaSum))
                    return "dense node ids overflow";
                if ((dense.is(8, 2) || dense.is(9, 2)) && !within(dense.view(), true, kMaxCoordinate))
                    return "a dense node's coordinate is far outside the globe";
                if (dense.is(10, 2) && !indices_within(dense.view(), strings))
                    return "a dense node's tag names a string the block does not have";
            }
            if (dense.bad()) return "dense nodes are malformed";
        } else if (f.is(3, 2)) {  // Way
            Fields way(f.view());
            while (way.next()) {
                if ((way.is(2, 2) || way.is(3, 2)) && !indices_within(way.view(), strings))
                    return "a way's tag names a string the block does not have";
                if (way.is(8, 2) && !within(way.view(), true, kMaxDeltaSum))
                    return "a way's node references overflow";
                if ((way.is(9, 2) || way.is(10, 2)) && !within(way.view(), true, kMaxCoordinate))
                    return "a way's coordinate is far outside the globe";
            }
            if (way.bad()) return "a way is malformed";
        }
    }
    return f.bad() ? "a primitive group is malformed" : "";
}

std::string check_primitive_block(std::string_view block) {
    std::uint64_t strings = 0;
    std::vector<std::string_view> groups;
    Fields f(block);
    while (f.next()) {
        if (f.is(1, 2)) {
            Fields table(f.view());
            while (table.next())
                if (table.is(1, 2)) {
                    if (table.view().find('\0') != std::string_view::npos)
                        return "a string in the block's string table holds a NUL byte";
                    ++strings;
                }
            if (table.bad()) return "the string table is malformed";
        } else if (f.is(2, 2)) {
            groups.push_back(f.view());
        } else if (f.is(17, 0)) {
            auto granularity = static_cast<std::int64_t>(f.value());
            if (granularity < 1 || granularity > kMaxGranularity)
                return "a granularity of " + std::to_string(granularity) + " (corridor reads 1 to 10000)";
        } else if (f.is(19, 0) || f.is(20, 0)) {
            auto offset = static_cast<std::int64_t>(f.value());
            if (offset > kMaxCoordinate || offset < -kMaxCoordinate)
                return "a coordinate offset far outside the globe";
        }
    }
    if (f.bad()) return "the block is malformed";
    for (std::string_view group : groups)
        if (std::string why = check_group(group, strings); !why.empty()) return why;
    return "";
}

// The block a Blob holds, unpacked; or why it cannot be.
std::optional<std::string> unpack_blob(std::string_view blob, std::string& why) {
    Fields f(blob);
    std::optional<std::string_view> raw, zlib_data;
    std::optional<std::uint64_t> raw_size;
    while (f.next()) {
        if (f.is(1, 2))
            raw = f.view();
        else if (f.is(2, 0))
            raw_size = f.value();
        else if (f.is(3, 2))
            zlib_data = f.view();
        else if (f.field() >= 4 && f.field() <= 7) {
            why = "a blob packed in a way corridor does not read (it reads raw and zlib blobs)";
            return std::nullopt;
        }
    }
    if (f.bad()) {
        why = "a blob is malformed";
        return std::nullopt;
    }
    if (raw) return std::string(*raw);
    if (!zlib_data || !raw_size || *raw_size > kMaxBlobBytes) {
        why = "a blob without data, or without a size under 32 MiB";
        return std::nullopt;
    }
    std::string block(*raw_size, '\0');
    uLongf size = static_cast<uLongf>(*raw_size);
    if (::uncompress(reinterpret_cast<Bytef*>(block.data()), &size,
                     reinterpret_cast<const Bytef*>(zlib_data->data()),
                     static_cast<uLong>(zlib_data->size())) != Z_OK ||
        size != *raw_size) {
        why = "a zlib blob that does not unpack to its stated size";
        return std::nullopt;
    }
    return block;
}

std::optional<BlobHeader> parse_header(std::string_view bytes) {
    BlobHeader header;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto key = varint(bytes, pos);
        if (!key) return std::nullopt;
        std::uint64_t field = *key >> 3, wire = *key & 7;
        if (wire == 0) {
            auto value = varint(bytes, pos);
            if (!value) return std::nullopt;
            if (field == 3) header.data_size = *value;
        } else if (wire == 2) {
            auto length = varint(bytes, pos);
            if (!length || *length > bytes.size() - pos) return std::nullopt;
            if (field == 1) header.type = std::string(bytes.substr(pos, *length));
            pos += *length;
        } else {
            return std::nullopt;  // BlobHeader has no other kinds of field
        }
    }
    return header;
}

}  // namespace

std::string check_pbf_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot open the file";
    in.seekg(0, std::ios::end);
    const std::uint64_t file_size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    std::uint64_t offset = 0;
    for (int frame = 0; offset < file_size; ++frame) {
        std::string at = " (the frame at byte " + std::to_string(offset) + ")";
        unsigned char length_bytes[4];
        if (file_size - offset < 4 || !in.read(reinterpret_cast<char*>(length_bytes), 4))
            return "the file ends inside a frame" + at + ": it is truncated or not a PBF file";
        std::uint32_t header_size = (std::uint32_t{length_bytes[0]} << 24) |
                                    (std::uint32_t{length_bytes[1]} << 16) |
                                    (std::uint32_t{length_bytes[2]} << 8) | length_bytes[3];
        if (header_size == 0 || header_size >= kMaxHeaderBytes)
            return "a blob header of " + std::to_string(header_size) + " bytes" + at +
                   ": it is not an OpenStreetMap PBF file, or it is damaged";
        if (header_size > file_size - offset - 4) return "the file ends inside a blob header" + at;
        std::vector<char> bytes(header_size);
        if (!in.read(bytes.data(), header_size)) return "cannot read a blob header" + at;
        auto header = parse_header(std::string_view(bytes.data(), bytes.size()));
        if (!header || header->type.empty() || !header->data_size)
            return "a blob header without a type or a size" + at +
                   ": it is not an OpenStreetMap PBF file, or it is damaged";
        if (frame == 0 && header->type != "OSMHeader")
            return "the file does not start with an OSMHeader blob: it is not an OpenStreetMap PBF file";
        if (*header->data_size >= kMaxBlobBytes)
            return "a blob of " + std::to_string(*header->data_size) + " bytes" + at +
                   ", over the format's limit of 32 MiB: the file is damaged";
        offset += 4 + header_size;
        if (*header->data_size > file_size - offset)
            return "the file ends inside a blob" + at + ": it is truncated";
        if (header->type == "OSMData") {
            std::string blob(*header->data_size, '\0');
            if (!in.read(blob.data(), static_cast<std::streamsize>(blob.size())))
                return "cannot read a blob" + at;
            std::string why;
            auto block = unpack_blob(blob, why);
            if (!block) return why + at;
            if (std::string wrong = check_primitive_block(*block); !wrong.empty())
                return wrong + at + ": the file is damaged or made to break readers";
        }
        offset += *header->data_size;
        in.seekg(static_cast<std::streamoff>(offset));
    }
    return "";
}

}  // namespace corridor
