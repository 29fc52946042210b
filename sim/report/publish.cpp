// Publishing a results folder: refuse anything corridor did not write, write aside, flush, swap.
// The swap is Linux's renameat2(RENAME_EXCHANGE): the old and the new folder trade places in one
// step, so a kill at any moment leaves one of them complete under the folder's name. Where the
// file system cannot exchange (some network file systems), two renames are used and the gap
// between them is stated in docs/user-guide.md.

#include "corridor/report/publish.hpp"

#include "corridor/engine/format.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

namespace corridor {
namespace {

namespace fs = std::filesystem;

// Every folder listing below steps with `increment(listing)`, its own error code: a range-for over
// `directory_iterator(folder, error)` takes the error code only when it opens the folder, and its
// `++` throws on a read error (which ended the run as an "internal error").

// Written first into a folder being filled and removed last, so that a later run knows a hidden
// folder left by a killed run is its own to remove.
constexpr const char* kFillingMarker = ".corridor-filling";
// Files corridor adds to a finished folder without listing them in its manifest (the manifest and its
// checksums stay as the run wrote them): `corridor analyse` writes analysis.csv into a sweep folder.
// They count as corridor's, and go with the folder when a new run replaces it.
const std::set<std::string> kAddedLater = {"analysis.csv"};
// What corridor 0.1 wrote before manifests listed their files.
const std::set<std::string> kFirstRunFiles = {"manifest.json", "kpis.json", "timeline.csv", "units.csv"};

std::string in_quotes(const fs::path& path) { return "'" + path.string() + "'"; }

// The folder the planner means: absolute, with `..` and links resolved as the system would
// resolve them, and no trailing slash.
fs::path resolve(const std::string& dir) {
    std::error_code error;
    fs::path path = fs::weakly_canonical(fs::absolute(dir, error), error);
    if (error) path = fs::absolute(dir, error).lexically_normal();
    if (path.filename().empty() && path.has_parent_path() && path != path.root_path())
        path = path.parent_path();
    return path;
}

// The files a manifest lists, or nothing when the file is not a corridor manifest.
std::optional<std::set<std::string>> manifest_files(const fs::path& manifest) {
    std::error_code error;
    if (!fs::is_regular_file(fs::symlink_status(manifest, error)) ||
        fs::file_size(manifest, error) > (1u << 24))
        return std::nullopt;
    std::ifstream in(manifest, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object() || !json.contains("corridor_version")) return std::nullopt;
    if (!json.contains("files")) return kFirstRunFiles;
    if (!json["files"].is_array()) return std::nullopt;
    std::set<std::string> files;
    for (const auto& name : json["files"]) {
        if (!name.is_string()) return std::nullopt;
        files.insert(name.get<std::string>());
    }
    files.insert(kManifestName);
    return files;
}

// The first file of a corridor results folder whose bytes differ from the checksum its manifest
// records (a planner's edit, which replacing the folder would lose), or nothing.
std::optional<std::string> changed_file(const fs::path& folder) {
    std::error_code error;
    fs::path manifest = folder / kManifestName;
    if (!fs::is_regular_file(fs::symlink_status(manifest, error)) || fs::file_size(manifest, error) > (1u << 24))
        return std::nullopt;
    std::ifstream in(manifest, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object() || !json.contains("checksums") || !json["checksums"].is_object()) return std::nullopt;
    for (const auto& [name, checksum] : json["checksums"].items()) {
        if (!checksum.is_string() || name.find('/') != std::string::npos) continue;
        fs::path file = folder / name;
        if (!fs::is_regular_file(fs::symlink_status(file, error))) continue;
        std::ifstream content_in(file, std::ios::binary);
        std::stringstream content;
        content << content_in.rdbuf();
        if (content_checksum(content.str()) != checksum.get<std::string>()) return name;
    }
    return std::nullopt;
}

// Whether `folder` holds only what a corridor run wrote (or is being filled or emptied by one:
// then an empty folder counts too).
bool written_by_corridor(const fs::path& folder, bool accept_filling) {
    std::error_code error;
    if (accept_filling && fs::is_empty(folder, error) && !error) return true;
    std::optional<std::set<std::string>> listed = manifest_files(folder / kManifestName);
    bool filling = accept_filling && fs::is_regular_file(fs::symlink_status(folder / kFillingMarker, error));
    if (!listed && !filling) return false;
    std::error_code listing;
    fs::directory_iterator it(folder, listing);
    for (; !listing && it != fs::directory_iterator(); it.increment(listing)) {
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(error) || entry.is_symlink(error)) return false;
        if (filling && name == kFillingMarker) continue;
        if (listed ? !listed->count(name) && !kAddedLater.count(name) : false) return false;
    }
    return !listing;
}

bool lies_within(const fs::path& inner, const fs::path& outer) {
    auto [end_outer, at_inner] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return end_outer == outer.end();
}

// Writes one file and forces it to disk before the folder is published.
Result<bool> write_durably(const fs::path& path, const std::string& content) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return Error{"cannot write " + in_quotes(path) + ": " + std::strerror(errno)};
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int why = errno;
            ::close(fd);
            return Error{"cannot write " + in_quotes(path) + ": " + std::strerror(why)};
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return Error{"cannot write " + in_quotes(path) + ": " + std::strerror(errno)};
    return true;
}

void sync_folder(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// An open folder locked with flock(): the lock is how other runs know a hidden folder's writer is
// alive. The system drops it when the process ends, however it ends, so a killed run's folder is
// free to clean up, and a process id that the system has since given to another program does not
// keep it (a check of the id alone did, in CI).
class FolderLock {
public:
    FolderLock() = default;
    explicit FolderLock(int fd) : fd_(fd) {}
    FolderLock(FolderLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    FolderLock& operator=(FolderLock&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);
    }

    // Locks `folder` without waiting; empty when another process holds it or it is gone.
    static FolderLock take(const fs::path& folder) {
        int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return {};
        FolderLock lock(fd);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) return {};
        // Still the folder of that name: a run that cleaned it up between open() and flock()
        // would have left this descriptor on a removed folder.
        struct stat opened {}, named {};
        if (::fstat(fd, &opened) != 0 || ::lstat(folder.c_str(), &named) != 0 || opened.st_ino != named.st_ino ||
            opened.st_dev != named.st_dev)
            return {};
        return lock;
    }

    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

struct LockedFolder {
    fs::path path;
    FolderLock lock;
};

// A fresh hidden sibling `.NAME.corridor-PID-K`, locked for this run; never an existing one.
Result<LockedFolder> make_sibling(const fs::path& target) {
    std::error_code error;
    std::string stem = "." + target.filename().string() + ".corridor-" + std::to_string(::getpid()) + "-";
    for (int k = 0; k < 1000; ++k) {
        fs::path candidate = target.parent_path() / (stem + std::to_string(k));
        if (!fs::create_directory(candidate, error)) {
            if (error) return Error{"cannot create " + in_quotes(candidate) + ": " + error.message()};
            continue;
        }
        // Another run may take the new, still empty folder for a leftover and remove it before it
        // is locked; then the next name is tried.
        if (FolderLock lock = FolderLock::take(candidate)) return LockedFolder{candidate, std::move(lock)};
    }
    return Error{"cannot find a free temporary name beside " + in_quotes(target)};
}

// Removes a folder corridor wrote, file by file, only the files its manifest lists (or any, in a
// folder still marked as being filled), the manifest and the filling mark last, so that a kill
// halfway leaves a folder that still shows whose it is. Anything else in it stays, and so does the
// folder then.
void remove_run_folder(const fs::path& folder) {
    std::error_code error;
    std::optional<std::set<std::string>> listed = manifest_files(folder / kManifestName);
    bool filling = fs::is_regular_file(fs::symlink_status(folder / kFillingMarker, error));
    std::vector<fs::path> files;
    std::error_code listing;
    for (fs::directory_iterator it(folder, listing); !listing && it != fs::directory_iterator();
         it.increment(listing)) {
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        if (name == kManifestName || name == kFillingMarker || !entry.is_regular_file(error) ||
            entry.is_symlink(error))
            continue;
        if (filling || (listed && (listed->count(name) || kAddedLater.count(name)))) files.push_back(entry.path());
    }
    for (const fs::path& file : files) fs::remove(file, error);
    if (listed) fs::remove(folder / kManifestName, error);
    if (filling) fs::remove(folder / kFillingMarker, error);
    fs::remove(folder, error);  // only if now empty
}

// The process id in a hidden folder's name `.NAME.corridor-PID-K`, or nothing if the name is not
// exactly of that form.
std::optional<long> hidden_folder_pid(const std::string& name, const std::string& prefix) {
    if (name.rfind(prefix, 0) != 0) return std::nullopt;
    const char* start = name.c_str() + prefix.size();
    char* end = nullptr;
    long pid = std::strtol(start, &end, 10);
    if (end == start || *end != '-' || pid <= 0) return std::nullopt;
    const char* k = end + 1;
    std::strtol(k, &end, 10);
    if (end == k || *end != '\0') return std::nullopt;
    return pid;
}

// Hidden folders that killed runs left beside `target`, removed when they hold only corridor's files
// and no live run holds their lock.
void remove_leftovers(const fs::path& target, const fs::path& keep) {
    std::error_code error;
    std::string prefix = "." + target.filename().string() + ".corridor-";
    std::vector<fs::path> leftovers;
    std::error_code listing;
    for (fs::directory_iterator it(target.parent_path(), listing); !listing && it != fs::directory_iterator();
         it.increment(listing)) {
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        if (!hidden_folder_pid(name, prefix) || entry.path() == keep || !entry.is_directory(error) ||
            entry.is_symlink(error))
            continue;
        leftovers.push_back(entry.path());
    }
    for (const fs::path& folder : leftovers) {
        // A run still alive may be filling its own folder: its lock keeps it.
        FolderLock lock = FolderLock::take(folder);
        if (lock && written_by_corridor(folder, true)) remove_run_folder(folder);
    }
}

constexpr std::string_view kProbePrefix = ".corridor-probe-";

// Whether a folder can be made in `folder`: one is made and removed at once (access() would say
// yes to root even where nothing can be made, as in /proc). 0, or the errno. A run killed between
// the two steps leaves its empty probe behind: the probes found here are removed first (rmdir
// takes only an empty folder, and a probe still in use has done its work once made).
int probe_folder(const fs::path& folder) {
    std::error_code listing, error;
    for (fs::directory_iterator it(folder, listing); !listing && it != fs::directory_iterator();
         it.increment(listing)) {
        const std::string name = it->path().filename().string();
        if (name.size() == kProbePrefix.size() + 6 && name.rfind(kProbePrefix, 0) == 0 &&
            it->is_directory(error) && !it->is_symlink(error))
            ::rmdir(it->path().c_str());
    }
    std::string probe = (folder / (std::string(kProbePrefix) + "XXXXXX")).string();
    if (::mkdtemp(probe.data()) == nullptr) return errno;
    ::rmdir(probe.c_str());
    return 0;
}

int exchange(const fs::path& a, const fs::path& b) {
    return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE);
}

}  // namespace

std::string content_checksum(const std::string& content) { return "fnv1a64:" + fnv1a64_hex(content); }

std::string check_results_folder(const std::string& dir, const std::vector<std::string>& inputs) {
    std::error_code error;
    if (dir.empty()) return "the results folder is an empty name";
    fs::path target = resolve(dir);
    // Say which folder `a/b/..` or `.` turned out to be.
    fs::path as_typed = fs::absolute(dir, error).lexically_normal();
    if (as_typed.filename().empty()) as_typed = as_typed.parent_path();
    std::string named =
        in_quotes(dir) + (as_typed == target && dir.find("..") == std::string::npos && dir != "."
                              ? ""
                              : " (that is " + in_quotes(target) + ")");
    if (target == target.root_path() || !target.has_parent_path())
        return "the results folder " + in_quotes(target) + " is the root of the file system";
    for (const std::string& input : inputs) {
        fs::path file = resolve(input);
        if (file == target)
            return named + " is an input of the run (" + in_quotes(input) +
                   "), not a results folder; choose a folder of its own with --out (nothing was written)";
        if (lies_within(file, target) || lies_within(target, file))
            return "the results folder " + in_quotes(target) + " holds the input " + in_quotes(input) +
                   "; choose a folder of its own with --out";
    }
    fs::file_status status = fs::status(target, error);
    if (!fs::exists(status)) {
        // The folder will be made: its nearest existing ancestor must be a folder we may write in,
        // or the run would be thrown away after it ran.
        // A folder that is missing, or lies below a file, is no error here: look further up.
        auto status_of = [&error](const fs::path& path) {
            fs::file_status found = fs::status(path, error);
            if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) error.clear();
            return found;
        };
        fs::path ancestor = target.parent_path();
        fs::file_status above = status_of(ancestor);
        while (!fs::exists(above) && !error && ancestor.has_parent_path() && ancestor != ancestor.root_path()) {
            ancestor = ancestor.parent_path();
            above = status_of(ancestor);
        }
        // (Not "missing" but unreadable: say so rather than look further up.)
        if (error && error != std::errc::no_such_file_or_directory)
            return named + " cannot be made: " + in_quotes(ancestor) + ": " + error.message() +
                   "; choose another --out (nothing was written)";
        if (!fs::is_directory(above))
            return named + " cannot be made: " + in_quotes(ancestor) +
                   " is a file, not a folder; choose another --out (nothing was written)";
        if (int why = probe_folder(ancestor))
            return named + " cannot be made in " + in_quotes(ancestor) + " (" + std::strerror(why) +
                   "); choose another --out (nothing was written)";
        return "";
    }
    if (!fs::is_directory(status))
        return named + " is a file, not a folder; choose another --out (nothing was written)";
    if (!(fs::is_empty(target, error) && !error) && !written_by_corridor(target, false))
        return named +
               " holds files that a corridor run did not write; corridor replaces only its own results "
               "folders: choose a new or empty folder with --out (nothing was written)";
    if (auto changed = changed_file(target))
        return in_quotes((target / *changed).string()) +
               " was changed after corridor wrote it; replacing the folder would lose the change: "
               "move the file out or choose another --out (nothing was written)";
    // An empty or earlier run's folder is replaced by a folder written beside it: say now, not
    // after the run, when its parent takes no new folder.
    if (int why = probe_folder(target.parent_path()))
        return named + " cannot be replaced: no folder can be made in " + in_quotes(target.parent_path()) + " (" +
               std::strerror(why) + "); choose another --out (nothing was written)";
    return "";
}

Result<bool> publish_folder(const std::string& dir, const std::vector<OutputFile>& files,
                            const std::vector<std::string>& inputs) {
    if (std::string why = check_results_folder(dir, inputs); !why.empty()) return Error{why};
    std::error_code error;
    fs::path target = resolve(dir);
    fs::create_directories(target.parent_path(), error);
    if (error) return Error{"cannot create " + in_quotes(target.parent_path()) + ": " + error.message()};

    auto sibling = make_sibling(target);
    if (!sibling) return Error{sibling.error()};
    const fs::path fresh = sibling.value().path;
    auto abandon = [&](const std::string& why) -> Result<bool> {
        remove_run_folder(fresh);
        return Error{why};
    };
    if (auto marked = write_durably(fresh / kFillingMarker, ""); !marked) return abandon(marked.error());
    for (const OutputFile& file : files)
        if (auto written = write_durably(fresh / file.name, file.content); !written)
            return abandon(written.error());
    if (!fs::remove(fresh / kFillingMarker, error) || error)
        return abandon("cannot finish writing " + in_quotes(fresh) + ": " + error.message());
    // The new folder takes the old one's permissions (a private folder stays private), always with
    // the owner's own, or the next run could not remove the files it replaces.
    if (fs::file_status old = fs::status(target, error); fs::is_directory(old))
        fs::permissions(fresh, old.permissions() | fs::perms::owner_all, fs::perm_options::replace, error);
    sync_folder(fresh);

    if (!fs::exists(target, error)) {
        // RENAME_NOREPLACE: a folder that appeared meanwhile is never overwritten. A file system
        // without it gets a plain rename, which replaces at most an empty folder.
        int moved = ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
        if (moved != 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
            moved = ::rename(fresh.c_str(), target.c_str());
        if (moved != 0) return abandon("cannot create " + in_quotes(target) + ": " + std::strerror(errno));
    } else if (exchange(fresh, target) == 0) {
        // `fresh` now holds the earlier run's folder. Checked again: files a planner put in it
        // while the run was writing make the swap go back, and nothing of theirs is removed.
        if (!written_by_corridor(fresh, false) && !(fs::is_empty(fresh, error) && !error)) {
            if (exchange(fresh, target) == 0)
                return abandon(in_quotes(dir) +
                               " gained files that a corridor run did not write while the run "
                               "was writing; nothing was replaced: run again with another --out");
            return Error{in_quotes(dir) +
                         " gained files while the run was writing; the earlier folder, with "
                         "them, is now " +
                         in_quotes(fresh)};
        }
        sync_folder(target.parent_path());
        remove_run_folder(fresh);
    } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
        // No exchange on this file system: move the old folder aside, then the new one in.
        auto aside = make_sibling(target);
        if (!aside) return abandon(aside.error());
        const fs::path old = aside.value().path;
        fs::remove(old, error);
        fs::rename(target, old, error);
        if (error) return abandon("cannot replace " + in_quotes(target) + ": " + error.message());
        fs::rename(fresh, target, error);
        if (error) {
            fs::rename(old, target, error);
            return abandon("cannot replace " + in_quotes(target));
        }
        remove_run_folder(old);
    } else {
        return abandon("cannot replace " + in_quotes(target) + ": " + std::strerror(errno));
    }
    sync_folder(target.parent_path());
    remove_leftovers(target, fresh);
    return true;
}

Result<bool> replace_file(const std::string& path, const std::string& content) {
    fs::path target(path);
    fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".writing");
    std::error_code ignored;
    fs::remove(temporary, ignored);  // (a killed writer's)
    if (auto written = write_durably(temporary, content); !written) return written;
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        int why = errno;
        fs::remove(temporary, ignored);
        return Error{"cannot write " + in_quotes(target) + ": " + std::strerror(why)};
    }
    sync_folder(target.parent_path().empty() ? fs::path(".") : target.parent_path());
    return true;
}

}  // namespace corridor
