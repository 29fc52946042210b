// The prepared network file (docs/network.md, "Prepared networks"): a header with the magic, the
// format version, the file's size and the input hash; a table of typed sections, each with its
// own check hash; the sections. Reading refuses, with one message, anything that is not exactly
// what a corridor of this format version wrote for these inputs.

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <system_error>

#include "content_hash.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"
#include "mapped_file.hpp"
#include "network_arrays.hpp"
#include "prepared_format.hpp"
#include "prepared_source.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;
using prepared::SectionReader;
using prepared::SectionType;
using prepared::SectionWriter;

std::string folder_of(const std::string& path) { return fs::path(path).parent_path().string(); }

const char* section_name(SectionType type) {
    switch (type) {
        case SectionType::source: return "source";
        case SectionType::nodes: return "nodes";
        case SectionType::roads: return "roads";
        case SectionType::road_names: return "road names";
        case SectionType::shapes: return "shapes";
        case SectionType::parts: return "parts";
        case SectionType::graphs:
            return "graphs";
        case SectionType::contraction_hierarchy: return "contraction hierarchy";
    }
    return "extra";
}

bool is_network_section(std::uint32_t type) { return type >= 2 && type <= 7; }

std::string write_source(const PreparedSource& source) {
    SectionWriter out;
    out.put_strings({source.options});
    out.put_strings({source.files.begin(), source.files.end()});
    out.put_array(source.sizes);
    out.put_array(source.hashes);
    return std::move(out).take();
}

Result<PreparedSource> read_source(std::string_view bytes) {
    SectionReader in(bytes);
    PreparedSource source;
    std::vector<std::string> options;
    in.get_strings(options, 1, "the load options");
    in.get_strings(source.files, 16, "the source files");
    in.get_array(source.sizes, 16, "the source sizes");
    in.get_array(source.hashes, 16, "the source hashes");
    if (!in.ok()) return Error{"the source section: " + in.problem()};
    if (options.size() != 1 || source.sizes.size() != source.files.size() ||
        source.hashes.size() != source.files.size())
        return Error{"the source section is inconsistent"};
    source.options = options[0];
    return source;
}

template <class T>
T number_at(std::string_view bytes, std::size_t offset) {
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof value);
    return value;
}

constexpr const char* kPrepareAgain = "; prepare it again with corridor prepare";

// The buffer a prepared network's sections are copied into, which the network then holds. One of
// a huge page or more is mapped from the system on a 2 MiB boundary and asked for huge pages:
// copied into 4 KiB pages, most of a load is page faults (DE.gr's 4.3 MB: 1,000 faults, 2.7 ms
// of a first load against 1.0 ms; the 1,000 x 1,000 grid's 124 MB: 30,000). Smaller ones come
// from malloc.
std::shared_ptr<char> section_buffer(std::size_t bytes) {
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    if (bytes >= kHugePage) {
        // Whole huge pages, and one more to start on a boundary: a part page would be small pages.
        const std::size_t mapped = (bytes + kHugePage - 1) / kHugePage * kHugePage + kHugePage;
        void* start = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (start != MAP_FAILED) {
            auto address = reinterpret_cast<std::uintptr_t>(start);
            char* aligned = static_cast<char*>(start) + ((kHugePage - address % kHugePage) % kHugePage);
            // A hint: where the system gives none, small pages.
            ::madvise(aligned, (bytes + kHugePage - 1) / kHugePage * kHugePage, MADV_HUGEPAGE);
            return std::shared_ptr<char>(aligned, [start, mapped](char*) { ::munmap(start, mapped); });
        }
    }
    return std::shared_ptr<char>(static_cast<char*>(std::malloc(std::max<std::size_t>(bytes, 8))), std::free);
}

}  // namespace

bool is_prepared_network(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[prepared::kMagic.size()] = {};
    in.read(head, sizeof head);
    return in.gcount() == sizeof head && std::string_view(head, sizeof head) == prepared::kMagic;
}

Result<std::size_t> save_prepared_network(const std::string& path, const RoadNetwork& network,
                                          const std::string& source_path, const LoadOptions& options,
                                          const std::vector<PreparedSection>& extra,
                                          std::optional<std::uint64_t> input_hash_before_load) {
    if constexpr (std::endian::native != std::endian::little)
        return Error{"prepared network files are little-endian; this machine is not"};
    // The source's last hashing, a second early: file dates come from a coarser clock than now(),
    // and lag it by a few ms.
    const auto described_at = fs::file_time_type::clock::now() - std::chrono::seconds(1);
    auto source = describe_source(source_path, options, folder_of(path));
    if (!source) return Error{source.error()};
    if (input_hash_before_load && *input_hash_before_load != source.value().input_hash())
        return Error{"the source '" + source_path +
                     "' changed while it was being prepared; nothing was written: run corridor prepare again"};
    NetworkArrays::Sections network_sections;
    NetworkArrays::write(network, network_sections);
    std::vector<std::pair<std::uint32_t, std::string>> sections;
    sections.emplace_back(static_cast<std::uint32_t>(SectionType::source), write_source(source.value()));
    for (auto& [type, bytes] : network_sections) sections.emplace_back(static_cast<std::uint32_t>(type), std::move(bytes));
    for (const PreparedSection& section : extra) {
        if (is_network_section(section.type) ||
            section.type <= static_cast<std::uint32_t>(SectionType::source))
            return Error{"an extra section may not use the network's section number " + std::to_string(section.type)};
        sections.emplace_back(section.type, section.bytes);
    }

    // The table, then the sections in its order, each on a multiple of 8 bytes.
    SectionWriter table;
    std::uint64_t offset = prepared::kHeaderBytes + sections.size() * prepared::kSectionEntryBytes;
    for (auto& [type, bytes] : sections) {
        bytes.append((8 - bytes.size() % 8) % 8, '\0');
        table.put<std::uint32_t>(type);
        table.put<std::uint32_t>(0);
        table.put<std::uint64_t>(offset);
        table.put<std::uint64_t>(bytes.size());
        table.put<std::uint64_t>(content_hash(bytes));
        offset += bytes.size();
    }
    std::string table_bytes = std::move(table).take();
    SectionWriter header;
    for (char c : prepared::kMagic) header.put<char>(c);
    header.put<std::uint32_t>(prepared::kFormatVersion);
    header.put<std::uint32_t>(static_cast<std::uint32_t>(sections.size()));
    header.put<std::uint64_t>(offset);  // the whole file's size
    header.put<std::uint64_t>(source.value().input_hash());
    header.put<std::uint64_t>(content_hash(table_bytes));
    header.put<std::uint64_t>(0);
    header.put<std::uint64_t>(0);

    // Written beside the target and renamed over it when whole: a failed write leaves any earlier
    // prepared file as it was, never half of a new one.
    const std::string partial = path + ".partial";
    // The system's reason (permission denied, no space left on device) is in errno when a stream fails.
    auto because = [](int code) {
        return code != 0 ? ": " + std::generic_category().message(code) : std::string(" (is the disk full?)");
    };
    errno = 0;
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Error{"cannot write the file" + because(errno)};
    out << std::move(header).take() << table_bytes;
    for (const auto& [type, bytes] : sections) out << bytes;
    out.close();
    const int write_error = errno;
    std::error_code ignored;
    if (!out) {
        std::filesystem::remove(partial, ignored);
        return Error{"cannot write the file" + because(write_error)};
    }
    // Dated a second before the source's last hashing (see load.hpp): a source written since is
    // newer, and hashed again at every load until prepared again. But not before the source's own
    // date, or make would take the file for out of date at every run of a pipeline that writes
    // the source and prepares it within the second: just after it, then. Never after the time of
    // that hashing: a source dated in the future (another machine's clock) would otherwise date
    // the file there too, and later edits dated now would pass for older than it.
    const auto newest_source = source.value().newest_write;
    const auto dated = newest_source <= described_at + std::chrono::seconds(1)
                           ? std::max(described_at, newest_source + std::chrono::nanoseconds(1))
                           : described_at;
    fs::last_write_time(partial, dated, ignored);
    std::error_code renamed;
    std::filesystem::rename(partial, path, renamed);
    if (renamed) {
        std::filesystem::remove(partial, ignored);
        return Error{"cannot write the file: " + renamed.message()};
    }
    return static_cast<std::size_t>(offset);
}

Result<std::uint64_t> prepared_input_hash(const std::string& source_path, const LoadOptions& options) {
    auto source = describe_source(source_path, options, "");
    if (!source) return Error{source.error()};
    return source.value().input_hash();
}

LoadedNetwork load_prepared_network(const std::string& path, const LoadOptions& options) {
    LoadedNetwork loaded;
    auto fail = [&](const std::string& message) {
        loaded.diagnostics.error(path, 0, 0, message);
        return std::move(loaded);
    };
    if constexpr (std::endian::native != std::endian::little)
        return fail("prepared network files are little-endian; this machine is not");
    // Read, never mapped: what the network uses lies in memory of its own (see section_buffer).
    auto file = InputFile::open(path, input_limits::kMaxNetworkFileBytes);
    if (!file) return fail(file.error());
    const std::uint64_t file_size = file.value().size();
    const std::string cut_short =
        std::string("the prepared network was cut short while it was read") + kPrepareAgain;
    std::string head(std::min<std::uint64_t>(file_size, prepared::kHeaderBytes), '\0');
    if (!file.value().read_at(0, head.size(), head.data())) return fail(cut_short);
    std::string_view bytes = head;
    std::size_t magic = std::min(bytes.size(), prepared::kMagic.size());
    if (bytes.substr(0, magic) != prepared::kMagic.substr(0, magic))
        return fail("not a prepared network file (it does not start with 'CORRIDOR-NET')");
    if (bytes.size() < prepared::kHeaderBytes)
        return fail("the prepared network is truncated: " + std::to_string(bytes.size()) +
                    " bytes, less than its 64-byte header" + kPrepareAgain);
    auto version = number_at<std::uint32_t>(bytes, 16);
    if (version != prepared::kFormatVersion)
        return fail("the prepared network is format version " + std::to_string(version) +
                    "; this corridor reads version " + std::to_string(prepared::kFormatVersion) + kPrepareAgain);
    auto section_count = number_at<std::uint32_t>(bytes, 20);
    auto file_bytes = number_at<std::uint64_t>(bytes, 24);
    auto input_hash = number_at<std::uint64_t>(bytes, 32);
    auto table_hash = number_at<std::uint64_t>(bytes, 40);
    if (file_bytes != file_size)
        return fail("the prepared network is " + std::to_string(file_size) + " bytes but its header says " +
                    std::to_string(file_bytes) + ": truncated or damaged" + kPrepareAgain);
    if (section_count > prepared::kMaxSections ||
        prepared::kHeaderBytes + section_count * prepared::kSectionEntryBytes > file_size)
        return fail("the prepared network's header is damaged (section count " + std::to_string(section_count) + ")" +
                    kPrepareAgain);
    std::string table(section_count * prepared::kSectionEntryBytes, '\0');
    if (!file.value().read_at(prepared::kHeaderBytes, table.size(), table.data())) return fail(cut_short);
    if (content_hash(table) != table_hash || number_at<std::uint64_t>(bytes, 48) != 0 ||
        number_at<std::uint64_t>(bytes, 56) != 0)
        return fail(std::string("the prepared network's header or section table is damaged") + kPrepareAgain);

    // The network's sections are read into one buffer of the network's own, where its arrays are
    // then used in place: one read per file, not a copy per array.
    struct Entry {
        std::uint32_t index, type;
        std::uint64_t offset, size, hash;
        std::size_t at = 0;  // in the buffer
    };
    std::vector<Entry> network_entries;
    std::optional<Entry> source_entry;
    std::size_t buffer_bytes = 0;
    // Reads a section's bytes to `into`, hashing them a piece at a time while the piece is in the
    // cache; false if the file was cut short meanwhile.
    auto read_hashed = [&](const Entry& entry, char* into, std::uint64_t& hash) {
        constexpr std::size_t kPiece = 256 * 1024;
        ContentHasher hasher;
        for (std::uint64_t done = 0; done < entry.size; done += kPiece) {
            auto size = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, entry.size - done));
            if (!file.value().read_at(entry.offset + done, size, into + done)) return false;
            hasher.add({into + done, size});
        }
        hash = hasher.finish();
        return true;
    };
    auto damaged = [&](const Entry& entry) {
        return fail("section " + std::to_string(entry.index) + " (" +
                    section_name(static_cast<SectionType>(entry.type)) +
                    ") is damaged: its check hash differs" + kPrepareAgain);
    };
    for (std::uint32_t i = 0; i < section_count; ++i) {
        std::size_t at = i * prepared::kSectionEntryBytes;
        Entry entry{i, number_at<std::uint32_t>(table, at), number_at<std::uint64_t>(table, at + 8),
                    number_at<std::uint64_t>(table, at + 16), number_at<std::uint64_t>(table, at + 24)};
        std::string name = section_name(static_cast<SectionType>(entry.type));
        if (entry.offset % 8 != 0 || entry.offset > file_size || entry.size > file_size - entry.offset)
            return fail("section " + std::to_string(i) + " (" + name + ") lies outside the file" + kPrepareAgain);
        const bool is_source = entry.type == static_cast<std::uint32_t>(SectionType::source);
        if (is_source || is_network_section(entry.type)) {
            bool twice = is_source ? source_entry.has_value()
                                   : std::any_of(network_entries.begin(), network_entries.end(),
                                                 [&](const Entry& e) { return e.type == entry.type; });
            if (twice)
                return fail("section " + std::to_string(i) + " (" + name + ") appears twice in the table" +
                            kPrepareAgain);
            if (is_source) {
                source_entry = entry;
            } else {
                entry.at = buffer_bytes;
                buffer_bytes += (entry.size + 7) / 8 * 8;
                network_entries.push_back(entry);
            }
            continue;
        }
        // Not the network's: handed to whoever knows it (the contraction hierarchy). One nobody
        // asked for is neither read nor hashed: its first bytes say what it is.
        if (options.keep_section) {
            std::string first(std::min<std::uint64_t>(entry.size, kSectionHeadBytes), '\0');
            if (!file.value().read_at(entry.offset, first.size(), first.data())) return fail(cut_short);
            if (!options.keep_section(entry.type, first)) continue;
        }
        std::string section(entry.size, '\0');
        std::uint64_t hash = 0;
        if (!read_hashed(entry, section.data(), hash)) return fail(cut_short);
        if (hash != entry.hash) return damaged(entry);
        loaded.extra_sections.push_back({entry.type, std::move(section)});
    }
    if (!source_entry) return fail(std::string("the prepared network has no source section") + kPrepareAgain);
    std::string source_bytes(source_entry->size, '\0');
    std::uint64_t source_hash = 0;
    if (!read_hashed(*source_entry, source_bytes.data(), source_hash)) return fail(cut_short);
    if (source_hash != source_entry->hash) return damaged(*source_entry);
    std::shared_ptr<char> buffer = section_buffer(buffer_bytes);
    if (!buffer)
        return fail("not enough memory to read the prepared network (" + describe_bytes(buffer_bytes) + ")");
    NetworkArrays::SectionViews network_sections;
    for (const Entry& entry : network_entries) {
        std::uint64_t hash = 0;
        if (!read_hashed(entry, buffer.get() + entry.at, hash)) return fail(cut_short);
        if (hash != entry.hash) return damaged(entry);
        network_sections[static_cast<SectionType>(entry.type)] = {buffer.get() + entry.at,
                                                                  static_cast<std::size_t>(entry.size)};
    }
    auto source = read_source(source_bytes);
    if (!source) return fail(source.error() + kPrepareAgain);
    if (source.value().input_hash() != input_hash)
        return fail(std::string("the prepared network's input hash does not match its source section") +
                    kPrepareAgain);
    // The options are part of what was prepared: the defaults mean "as prepared", anything else
    // must be what it was prepared with.
    std::string asked = describe_options(options);
    if (asked != describe_options(LoadOptions{}) && asked != source.value().options)
        return fail("this network was prepared with the load options '" + source.value().options +
                    "', not '" + asked + "'; load it without options, or prepare it again with these");
    if (std::string stale = stale_source(source.value(), path); !stale.empty()) return fail(stale);

    auto network = NetworkArrays::read(network_sections, std::move(buffer), buffer_bytes);
    if (!network) return fail("the prepared network is damaged: " + network.error() + kPrepareAgain);
    loaded.network = std::move(network.value());
    check_connectivity(*loaded.network, path, loaded.diagnostics);
    return loaded;
}

}  // namespace corridor
