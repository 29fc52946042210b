// The folder a sweep writes into: see sweep_folder.hpp.

#include "sweep_folder.hpp"

#include <filesystem>
#include <system_error>

namespace corridor::cli {

namespace fs = std::filesystem;

std::string prepare_sweep_folder(const std::string& dir, bool resume,
                                 const std::vector<std::string>& inputs) {
    std::error_code error;
    fs::path folder(dir);
    fs::file_status status = fs::status(folder, error);
    if (fs::exists(status) && !fs::is_directory(status))
        return "--out " + dir + " is a file, not a folder: give a new or empty folder for the sweep";
    fs::path absolute = fs::weakly_canonical(folder, error);
    auto within = [](const fs::path& inner, const fs::path& outer) {
        auto [end, rest] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
        return end == outer.end();
    };
    for (const std::string& input : inputs) {
        fs::path file = fs::weakly_canonical(input, error);
        if (within(file, absolute))
            return "--out " + dir + " holds the sweep's own input " + input + ": give a folder of its own";
        // (A network given as a folder: results never go among its tables.)
        if (fs::is_directory(file, error) && within(absolute, file))
            return "--out " + dir + " is inside the sweep's input folder " + input +
                   ": give a folder of its own";
    }
    if (!fs::exists(status)) {
        if (resume) return "there is no sweep to resume in " + dir + " (no such folder)";
        fs::create_directories(folder, error);
        if (error) return "cannot make the folder " + dir + ": " + error.message();
        return "";
    }
    bool has_store = fs::exists(folder / "runs.sqlite", error);
    // (A store being made when its sweep was killed counts for nothing.)
    bool empty = true;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
        if (entry.path().filename() != "runs.sqlite.new") empty = false;
    if (error) return "cannot read the folder " + dir + ": " + error.message();
    if (resume && !has_store) return "there is no sweep to resume in " + dir + " (it has no runs.sqlite)";
    if (!resume && has_store)
        return dir +
               " holds a sweep already: give another --out, or finish that sweep (or write its files again) "
               "with corridor sweep --resume";
    if (!has_store && !empty)
        return dir + " is not a sweep's folder (it holds other files): give a new or empty folder";
    // (A folder that cannot be written fails when the store is made, with the system's reason.)
    return "";
}

}  // namespace corridor::cli
