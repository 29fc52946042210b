// Starting xdg-open so that corridor never waits for it nor leaves a zombie: fork twice, the
// grandchild leaves the session and execs xdg-open with its input and output on /dev/null, the
// child exits at once and is reaped here. A browser that takes a minute to start, or a desktop
// that asks a question, does not hold up the run that is already written.

#include "open_report.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace corridor::cli {
namespace {

bool set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

// The first executable NAME in PATH, as execvp would find it; empty when there is none.
std::string on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return {};
    std::string_view dirs = path;
    while (!dirs.empty()) {
        std::size_t colon = dirs.find(':');
        std::string dir(dirs.substr(0, colon));
        dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + std::string(name);
        struct stat st {};
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

}  // namespace

bool open_on_desktop(const std::string& file) {
    if (!set("DISPLAY") && !set("WAYLAND_DISPLAY")) return false;
    std::string opener = on_path("xdg-open");
    if (opener.empty()) return false;
    std::error_code error;
    std::string absolute = std::filesystem::absolute(file, error).lexically_normal().string();
    if (error) return false;
    pid_t child = fork();
    if (child < 0) return false;
    if (child == 0) {
        if (fork() != 0) _exit(0);  // the grandchild, orphaned, is reaped by init, not by us
        setsid();
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execl(opener.c_str(), "xdg-open", absolute.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return true;
}

}  // namespace corridor::cli
