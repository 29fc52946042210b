#pragma once
// `corridor run --open`: shows the run's report in the planner's browser when there is a desktop.

#include <string>

namespace corridor::cli {

/// Opens FILE with xdg-open when a desktop session exists (DISPLAY or WAYLAND_DISPLAY set) and
/// xdg-open is on PATH: detached, its output silenced, never waited for. Otherwise (a server, an
/// ssh session, a CI job) does nothing and says nothing. Returns whether it asked xdg-open.
bool open_on_desktop(const std::string& file);

}  // namespace corridor::cli
