#pragma once
// A results file written a piece at a time and put in place atomically (a sweep's runs.csv and
// summary.csv, which grow with the runs): memory stays one buffer whatever the file's size, a
// reader sees the old file or the new one, complete, and the checksum a manifest records is taken
// on the way.

#include <cstdint>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"

namespace corridor {

class StreamedFile {
  public:
    /// Writes into a hidden file beside `path` until commit().
    explicit StreamedFile(std::string path);
    ~StreamedFile();  // removes the hidden file when it was not committed
    StreamedFile(const StreamedFile&) = delete;
    StreamedFile& operator=(const StreamedFile&) = delete;

    void append(std::string_view text);
    /// Flushes the file to disk and renames it over `path`; its checksum as content_checksum()
    /// gives it ("fnv1a64:" and 16 hex digits), or why it could not be written.
    Result<std::string> commit();

  private:
    void flush();

    std::string path_, temporary_;
    int fd_ = -1;
    std::string buffer_;
    std::uint64_t hash_ = 14695981039346656037ull;  // FNV-1a 64 of what was appended
    int error_ = 0;                                  // the first write's errno, if one failed
    bool committed_ = false;
};

}  // namespace corridor
