#include "fuzz_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace corridor::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = "#### ";
constexpr std::size_t kMaxFiles = 8;

bool safe_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    int slashes = 0;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '-' || c == '/';
        if (!ok) return false;
        slashes += c == '/';
    }
    if (slashes > 1) return false;
    // No `.` or `..` as a part of the path.
    for (std::string_view part :
         {name.substr(0, name.find('/')),
          name.find('/') == std::string_view::npos ? std::string_view("x") : name.substr(name.find('/') + 1)})
        if (part == "." || part == "..") return false;
    return true;
}

void remove_work_folder() {
    std::error_code ignored;
    fs::remove_all(work_folder(), ignored);
}

}  // namespace

std::vector<BundleFile> split_bundle(std::string_view input, const std::string& first_name) {
    std::vector<BundleFile> files{{first_name, {}}};
    std::size_t start = 0;  // of the current file's bytes
    std::size_t line = 0;
    while (line <= input.size()) {
        std::size_t end = input.find('\n', line);
        if (end == std::string_view::npos) end = input.size();
        if (input.substr(line, kMarker.size()) == kMarker) {
            std::string_view name = input.substr(line + kMarker.size(), end - line - kMarker.size());
            if (!name.empty() && name.back() == '\r') name.remove_suffix(1);
            files.back().bytes = input.substr(start, line - start);
            if (safe_name(name) && files.size() < kMaxFiles) {
                files.push_back({std::string(name), {}});
            } else {
                files.push_back({"", {}});  // an unusable name: its bytes are dropped
            }
            start = std::min(end + 1, input.size());
        }
        line = end + 1;
    }
    files.back().bytes = input.substr(start);
    std::erase_if(files, [](const BundleFile& f) { return f.name.empty(); });
    return files;
}

const std::string& work_folder() {
    static const std::string folder = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/corridor-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create " + pattern);
        return pattern;
    }();
    static const bool registered = [] { return std::atexit(remove_work_folder) == 0; }();
    (void)registered;
    return folder;
}

const std::string& fresh_folder(const std::vector<BundleFile>& files) {
    const std::string& folder = work_folder();
    std::error_code ignored;
    // (increment(ignored): a range-for's ++ would throw on a read error.)
    std::vector<fs::path> old;
    for (fs::directory_iterator it(folder, ignored); !ignored && it != fs::directory_iterator(); it.increment(ignored))
        old.push_back(it->path());
    for (const fs::path& path : old) fs::remove_all(path, ignored);
    for (const BundleFile& file : files) {
        fs::path path = fs::path(folder) / file.name;
        fs::create_directories(path.parent_path(), ignored);
        std::ofstream(path, std::ios::binary)
            .write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    }
    return folder;
}

}  // namespace corridor::fuzz
