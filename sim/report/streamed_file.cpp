// A results file written a piece at a time: see include/corridor/report/streamed_file.hpp.

#include "corridor/report/streamed_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace corridor {
namespace {

constexpr std::size_t kBuffer = 1 << 16;

}  // namespace

StreamedFile::StreamedFile(std::string path) : path_(std::move(path)) {
    std::filesystem::path target(path_);
    temporary_ = (target.parent_path() / ("." + target.filename().string() + ".writing")).string();
    ::unlink(temporary_.c_str());  // (a killed writer's)
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) error_ = errno;
    buffer_.reserve(kBuffer);
}

StreamedFile::~StreamedFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temporary_.c_str());
}

void StreamedFile::append(std::string_view text) {
    for (char c : text) {
        hash_ ^= static_cast<unsigned char>(c);
        hash_ *= 1099511628211ull;
    }
    buffer_.append(text);
    if (buffer_.size() >= kBuffer) flush();
}

void StreamedFile::flush() {
    std::size_t done = 0;
    while (error_ == 0 && done < buffer_.size()) {
        ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            error_ = n < 0 ? errno : EIO;
        else
            done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

Result<std::string> StreamedFile::commit() {
    flush();
    if (error_ == 0 && ::fsync(fd_) != 0) error_ = errno;
    if (fd_ >= 0 && ::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
    if (error_ == 0 && std::rename(temporary_.c_str(), path_.c_str()) != 0) error_ = errno;
    if (error_ != 0) return Error{"cannot write '" + path_ + "': " + std::strerror(error_)};
    committed_ = true;
    std::string folder = std::filesystem::path(path_).parent_path().string();
    int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
    return std::string("fnv1a64:") + hex;
}

}  // namespace corridor
