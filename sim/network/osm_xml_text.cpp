#include "osm_xml_text.hpp"

#include <bzlib.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "text_reader.hpp"

namespace corridor {
namespace {

// zlib and bzip2 count bytes in unsigned int: hand them at most this much at a time.
constexpr std::size_t kChunkBytes = std::size_t{1} << 30;

std::string too_large(std::uintmax_t max_bytes) {
    return "the file unpacks to more than " + describe_bytes(max_bytes) +
           " of XML; corridor reads OpenStreetMap XML up to that size (convert a larger extract to PBF: "
           "osmium cat FILE -o FILE.osm.pbf)";
}

// One step of a decompressor: consumes from `in`, writes to `out`, says whether the stream ended;
// an error message when the data is corrupt.
struct Step {
    std::size_t consumed = 0, produced = 0;
    bool stream_end = false;
    std::string error;
};
using Unpacker = std::function<Step(const char* in, std::size_t in_size, char* out, std::size_t out_size)>;

// Runs `unpack` over `packed`, growing the output as needed but never past `max_bytes`, so that
// a small file that unpacks to terabytes (a "zip bomb") costs an error, not the memory.
// `expected_bytes` is the size the format's trailer announces, if any: one allocation then serves.
// Without `keep`, the output only is counted, in a small scratch buffer: to tell a file that is
// too large from one that is damaged when its trailer cannot be believed.
Result<std::string> unpack_all(const std::string& packed, std::uintmax_t max_bytes,
                               std::size_t expected_bytes, bool keep, const char* format,
                               const Unpacker& unpack, const std::function<void()>& restart) {
    std::string out;
    out.resize(keep ? static_cast<std::size_t>(std::min<std::uintmax_t>(expected_bytes, max_bytes + 1))
                    : std::size_t{1} << 20);
    std::uintmax_t total = 0;
    std::size_t in_pos = 0;
    while (true) {
        std::size_t write_pos = keep ? static_cast<std::size_t>(total) : 0;
        if (write_pos == out.size()) {
            std::size_t grown = std::max<std::size_t>(write_pos * 2, 1 << 16);
            out.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(grown, max_bytes + 1)));
        }
        std::size_t in_size = std::min(packed.size() - in_pos, kChunkBytes);
        std::size_t out_size = std::min(out.size() - write_pos, kChunkBytes);
        Step step = unpack(packed.data() + in_pos, in_size, out.data() + write_pos, out_size);
        if (!step.error.empty())
            return Error{"cannot unpack the " + std::string(format) + " file: " + step.error};
        in_pos += step.consumed;
        total += step.produced;
        if (total > max_bytes) return Error{too_large(max_bytes)};
        if (step.stream_end) {
            if (in_pos == packed.size()) break;
            restart();  // a file of several concatenated streams (pigz, pbzip2)
            continue;
        }
        // No progress with room to write: the input ended early, or the decoder is stuck on it.
        if (step.consumed == 0 && step.produced == 0)
            return Error{"the " + std::string(format) + " file is " +
                         (in_pos == packed.size() ? "truncated" : "corrupt")};
    }
    if (!keep)
        return Error{"the " + std::string(format) + " file is corrupt: its trailer gives a wrong size"};
    out.resize(static_cast<std::size_t>(total));
    return out;
}

Result<std::string> gunzip(const std::string& packed, std::uintmax_t max_bytes) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return Error{"cannot start zlib"};
    auto step = [&](const char* in, std::size_t in_size, char* out, std::size_t out_size) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
        z.avail_in = static_cast<uInt>(in_size);
        z.next_out = reinterpret_cast<Bytef*>(out);
        z.avail_out = static_cast<uInt>(out_size);
        int code = inflate(&z, Z_NO_FLUSH);
        Step s{in_size - z.avail_in, out_size - z.avail_out, code == Z_STREAM_END, ""};
        if (code != Z_OK && code != Z_STREAM_END && code != Z_BUF_ERROR)
            s.error = z.msg ? z.msg : "zlib error " + std::to_string(code);
        return s;
    };
    // The gzip trailer's last 4 bytes hold the size of the last member modulo 4 GiB (RFC 1952). A
    // size within the limit is allocated at once; a larger one (a "zip bomb", or the random bytes
    // of a truncated file) is only counted, never held.
    std::uint32_t announced = 0;
    for (int i = 1; i <= 4; ++i)
        announced = announced << 8 | static_cast<unsigned char>(packed[packed.size() - i]);
    auto result = unpack_all(packed, max_bytes, announced + std::size_t{1}, announced <= max_bytes, "gzip",
                             step, [&] { inflateReset(&z); });
    inflateEnd(&z);
    return result;
}

Result<std::string> bunzip2(const std::string& packed, std::uintmax_t max_bytes) {
    bz_stream b{};
    if (BZ2_bzDecompressInit(&b, 0, 0) != BZ_OK) return Error{"cannot start bzip2"};
    auto step = [&](const char* in, std::size_t in_size, char* out, std::size_t out_size) {
        b.next_in = const_cast<char*>(in);
        b.avail_in = static_cast<unsigned>(in_size);
        b.next_out = out;
        b.avail_out = static_cast<unsigned>(out_size);
        int code = BZ2_bzDecompress(&b);
        Step s{in_size - b.avail_in, out_size - b.avail_out, code == BZ_STREAM_END, ""};
        if (code != BZ_OK && code != BZ_STREAM_END)
            s.error = code == BZ_DATA_ERROR || code == BZ_DATA_ERROR_MAGIC
                          ? "the data is corrupt"
                          : "bzip2 error " + std::to_string(code);
        return s;
    };
    auto restart = [&] {
        BZ2_bzDecompressEnd(&b);
        b = bz_stream{};
        BZ2_bzDecompressInit(&b, 0, 0);
    };
    auto result = unpack_all(packed, max_bytes, 0, true, "bzip2", step, restart);
    BZ2_bzDecompressEnd(&b);
    return result;
}

// What is wrong with a coordinate attribute's value, or an empty string.
std::string coordinate_problem(std::string_view name, std::string_view value) {
    const double limit = name.size() >= 3 && name.substr(name.size() - 3) == "lat" ? 90 : 180;
    // A plain decimal: an optional minus, 1 to 3 digits, then optionally a point and 1 to 20
    // digits (libosmium keeps 7 and refuses more than 28 digits in all).
    std::size_t i = value.size() > 0 && value[0] == '-' ? 1 : 0;
    std::size_t whole_start = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    std::size_t whole_digits = i - whole_start, fraction_digits = 0;
    bool point = i < value.size() && value[i] == '.';
    if (point) {
        std::size_t fraction_start = ++i;
        while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
        fraction_digits = i - fraction_start;
    }
    const std::string quoted = std::string(name) + " '" + excerpt(value) + "'";
    if (i != value.size() || whole_digits < 1 || whole_digits > 3 || (point && fraction_digits < 1) ||
        fraction_digits > 20)
        return quoted + " is not a plain decimal number of degrees (such as 42.5063)";
    double degrees = 0;
    std::from_chars(value.data(), value.data() + value.size(), degrees);
    if (std::abs(degrees) > limit) {
        std::string bound = limit == 90 ? "90" : "180";
        return quoted + " is outside -" + bound + ".." + bound + " degrees";
    }
    return {};
}

bool is_coordinate_attribute(std::string_view name) {
    for (std::string_view known :
         {"lat", "lon", "minlat", "minlon", "maxlat", "maxlon", "min_lat", "min_lon", "max_lat", "max_lon"})
        if (name == known) return true;
    return false;
}

// Walks the markup of an XML text far enough to find attributes and their values: start tags,
// skipping comments, CDATA, processing instructions and declarations. Where the markup is broken
// it stops; libosmium's parser (expat) then reports where.
class AttributeWalker {
  public:
    explicit AttributeWalker(std::string_view xml) : xml_(xml) {}

    // Calls `visit(name, value, line, column)` for every attribute of every start tag; stops
    // early when `visit` returns false.
    template <class Visit>
    void walk(Visit&& visit) {
        while (move_to(xml_.find('<', pos_))) {
            if (starts_with("<!--")) {
                if (!skip_past("-->")) return;
            } else if (starts_with("<![CDATA[")) {
                if (!skip_past("]]>")) return;
            } else if (starts_with("<?")) {
                if (!skip_past("?>")) return;
            } else if (starts_with("<!") || starts_with("</")) {
                if (!skip_past(">")) return;
            } else if (!start_tag(visit)) {
                return;
            }
        }
    }

  private:
    bool starts_with(std::string_view prefix) const { return xml_.substr(pos_, prefix.size()) == prefix; }
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    // Moves to `target`, counting the lines passed; false for npos.
    bool move_to(std::size_t target) {
        if (target == std::string_view::npos || target > xml_.size()) return false;
        for (std::size_t i = pos_; i < target; ++i) {
            if (xml_[i] == '\n') {
                ++line_;
                line_start_ = i + 1;
            }
        }
        pos_ = target;
        return true;
    }
    bool skip_past(std::string_view end) {
        std::size_t found = xml_.find(end, pos_);
        return move_to(found == std::string_view::npos ? found : found + end.size());
    }
    void skip_spaces() {
        std::size_t i = pos_;
        while (i < xml_.size() && is_space(xml_[i])) ++i;
        move_to(i);
    }
    int column() const { return column_number(pos_ - line_start_); }

    template <class Visit>
    bool start_tag(Visit& visit) {
        std::size_t i = pos_ + 1;
        while (i < xml_.size() && !is_space(xml_[i]) && xml_[i] != '>' && xml_[i] != '/') ++i;
        pos_ = i;  // an element name holds no line end
        while (true) {
            skip_spaces();
            if (pos_ >= xml_.size()) return false;
            if (xml_[pos_] == '>') return move_to(pos_ + 1);
            if (xml_[pos_] == '/') {
                move_to(pos_ + 1);
                continue;
            }
            const int name_line = line_, name_column = column();
            std::size_t name_end = pos_;
            while (name_end < xml_.size() && !is_space(xml_[name_end]) && xml_[name_end] != '=' &&
                   xml_[name_end] != '>' && xml_[name_end] != '/')
                ++name_end;
            std::string_view name = xml_.substr(pos_, name_end - pos_);
            move_to(name_end);
            skip_spaces();
            if (pos_ >= xml_.size() || xml_[pos_] != '=') return false;
            move_to(pos_ + 1);
            skip_spaces();
            if (pos_ >= xml_.size() || (xml_[pos_] != '"' && xml_[pos_] != '\'')) return false;
            std::size_t value_end = xml_.find(xml_[pos_], pos_ + 1);
            if (value_end == std::string_view::npos) return false;
            std::string_view value = xml_.substr(pos_ + 1, value_end - pos_ - 1);
            if (!visit(name, value, name_line, name_column)) return false;
            move_to(value_end + 1);
        }
    }

    std::string_view xml_;
    std::size_t pos_ = 0, line_start_ = 0;
    int line_ = 1;
};

}  // namespace

Result<std::string> read_osm_xml(const std::string& path, std::uintmax_t max_bytes) {
    // The packed file is never larger than what it unpacks to, for any real extract.
    auto bytes = read_file_bytes(path, max_bytes);
    if (!bytes) return bytes;
    const std::string& head = bytes.value();
    // A gzip file is at least 18 bytes: header and trailer.
    if (head.size() >= 18 && head[0] == '\x1f' && head[1] == '\x8b') return gunzip(head, max_bytes);
    if (head.rfind("BZh", 0) == 0) return bunzip2(head, max_bytes);
    return bytes;
}

void check_osm_coordinates(std::string_view xml, const std::string& path, std::size_t max_errors,
                           Diagnostics& diagnostics) {
    std::size_t errors = 0;
    AttributeWalker(xml).walk([&](std::string_view name, std::string_view value, int line, int column) {
        if (!is_coordinate_attribute(name)) return true;
        std::string problem = coordinate_problem(name, value);
        if (problem.empty()) return true;
        if (errors == max_errors) {
            diagnostics.note(path, line, column,
                             "stopped checking coordinates after " + std::to_string(max_errors) + " errors");
            return false;
        }
        diagnostics.error(path, line, column, problem);
        ++errors;
        return true;
    });
}

}  // namespace corridor
