// OSM PBF frames after the format's description (wiki.openstreetmap.org/wiki/PBF_Format):
// BlobHeader { required string type = 1; optional bytes indexdata = 2; required int32 datasize = 3; }.

#include "osm_pbf_frames.hpp"

#include <cstdint>
#include <fstream>
#include <optional>
#include <string_view>
#include <vector>

namespace corridor {
namespace {

constexpr std::uint32_t kMaxHeaderBytes = 64 * 1024;
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

std::string check_pbf_frames(const std::string& path) {
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
        offset += *header->data_size;
        in.seekg(static_cast<std::streamoff>(offset));
    }
    return "";
}

}  // namespace corridor
