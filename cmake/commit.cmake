# Run at every build (cmake -P, from cmake/packaging.cmake): writes OUTPUT, a header naming the git
# commit the program is built from, and touches it only when the commit changed, so that a new
# commit recompiles one file and an unchanged one nothing. Outside a git checkout of SOURCE_DIR
# (a source package, an export) the commit is "unknown", unless -DCORRIDOR_COMMIT=... gives it.
# Inputs: SOURCE_DIR, OUTPUT, and optionally CORRIDOR_COMMIT.
set(commit "unknown")
if(CORRIDOR_COMMIT)
  set(commit "${CORRIDOR_COMMIT}")
else()
  find_program(GIT_PROGRAM git)
  if(GIT_PROGRAM)
    # safe.directory: a checkout owned by another user (CI as root) is still read, not refused.
    execute_process(
      COMMAND "${GIT_PROGRAM}" -c "safe.directory=${SOURCE_DIR}" -C "${SOURCE_DIR}" rev-parse --show-toplevel
      OUTPUT_VARIABLE top RESULT_VARIABLE top_status OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    file(REAL_PATH "${SOURCE_DIR}" source_real)
    if(top_status EQUAL 0)
      file(REAL_PATH "${top}" top_real)
    endif()
    # Only the project's own checkout counts: a source package unpacked inside some other
    # repository must not take that repository's commit.
    if(top_status EQUAL 0 AND top_real STREQUAL source_real)
      execute_process(
        COMMAND "${GIT_PROGRAM}" -c "safe.directory=${SOURCE_DIR}" -C "${SOURCE_DIR}" rev-parse --short=7 HEAD
        OUTPUT_VARIABLE head RESULT_VARIABLE head_status OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(head_status EQUAL 0 AND head MATCHES "^[0-9a-f]+$")
        set(commit "${head}")
      endif()
    endif()
  endif()
endif()
file(CONFIGURE OUTPUT "${OUTPUT}" CONTENT [[
#pragma once
// Generated at build time by cmake/commit.cmake: the git commit corridor was built from.
namespace corridor {
inline constexpr const char* kCommit = "@commit@";
}
]] @ONLY)
