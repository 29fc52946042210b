#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "text_reader.hpp"

namespace corridor {

Result<MappedFile> MappedFile::open(const std::string& path, std::uintmax_t max_bytes) {
    auto size = check_input_file(path, max_bytes);
    if (!size) return Error{size.error()};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error{"cannot open the file: " + std::string(std::strerror(errno))};
    MappedFile file;
    file.size_ = static_cast<std::size_t>(size.value());
    if (file.size_ > 0) {
        // MAP_POPULATE: the pages are read in one pass rather than faulted in one by one.
        void* mapping = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (mapping != MAP_FAILED) {
            ::madvise(mapping, file.size_, MADV_SEQUENTIAL);
            file.mapping_ = mapping;
            file.data_ = static_cast<const char*>(mapping);
        } else {
            // No mapping on this file system: read it. A file that shrinks meanwhile is cut at
            // what could be read.
            file.copy_ = std::make_unique<char[]>(file.size_);
            std::size_t done = 0;
            while (done < file.size_) {
                ssize_t got = ::read(fd, file.copy_.get() + done, file.size_ - done);
                if (got < 0 && errno == EINTR) continue;
                if (got < 0) {
                    int error = errno;
                    ::close(fd);
                    return Error{"cannot read the file: " + std::string(std::strerror(error))};
                }
                if (got == 0) break;
                done += static_cast<std::size_t>(got);
            }
            file.size_ = done;
            file.data_ = file.copy_.get();
        }
    }
    ::close(fd);
    return file;
}

Result<InputFile> InputFile::open(const std::string& path, std::uintmax_t max_bytes) {
    auto size = check_input_file(path, max_bytes);
    if (!size) return Error{size.error()};
    InputFile file;
    file.fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file.fd_ < 0) return Error{"cannot open the file: " + std::string(std::strerror(errno))};
    file.size_ = size.value();
    return file;
}

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
    if (this == &other) return *this;
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
    return *this;
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

bool InputFile::read_at(std::uint64_t offset, std::size_t count, char* into) const {
    while (count > 0) {
        ssize_t got = ::pread(fd_, into, count, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        into += got;
        offset += static_cast<std::uint64_t>(got);
        count -= static_cast<std::size_t>(got);
    }
    return true;
}

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this == &other) return *this;
    if (mapping_) ::munmap(mapping_, size_);
    data_ = std::exchange(other.data_, "");
    size_ = std::exchange(other.size_, 0);
    mapping_ = std::exchange(other.mapping_, nullptr);
    copy_ = std::move(other.copy_);
    return *this;
}

MappedFile::~MappedFile() {
    if (mapping_) ::munmap(mapping_, size_);
}

}  // namespace corridor
