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
    /// messages of check_input_file). `whole`: every page is read in at once, for a reader of
    /// the whole file; otherwise a page is read when first touched.
    static Result<MappedFile> open(const std::string& path, std::uintmax_t max_bytes, bool whole = true);

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

}  // namespace corridor
