#pragma once
// A file's bytes in memory without copying them: mapped read-only (mmap) where the system can,
// read into a buffer where it cannot (a file system without mapping). The large loaders (DIMACS,
// the prepared network) read country-sized files through it.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"

namespace corridor {

class MappedFile {
  public:
    /// The bytes of a regular file no larger than `max_bytes`, or why it cannot be read (the
    /// messages of check_input_file).
    static Result<MappedFile> open(const std::string& path, std::uintmax_t max_bytes);

    MappedFile() = default;
    MappedFile(MappedFile&&) noexcept;
    MappedFile& operator=(MappedFile&&) noexcept;
    ~MappedFile();

    std::string_view bytes() const { return {data_, size_}; }

  private:
    const char* data_ = "";
    std::size_t size_ = 0;
    void* mapping_ = nullptr;     // munmap on destruction when set
    std::unique_ptr<char[]> copy_;  // the read() fallback
};

/// A file read where its reader asks (pread), never mapped: the prepared network reads its header,
/// its table and only the sections it needs into memory of its own, so that a file cut short or
/// replaced meanwhile (`cp` over it) gives an error rather than a bus error.
class InputFile {
  public:
    /// A regular file no larger than `max_bytes`, or why it cannot be read (check_input_file's messages).
    static Result<InputFile> open(const std::string& path, std::uintmax_t max_bytes);

    InputFile() = default;
    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&& other) noexcept;
    ~InputFile();

    std::uint64_t size() const { return size_; }
    /// Reads `count` bytes at `offset` into `into`; false when the file has fewer now, or a read fails.
    bool read_at(std::uint64_t offset, std::size_t count, char* into) const;

  private:
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

}  // namespace corridor
