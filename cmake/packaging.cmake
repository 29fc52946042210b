# Included at the end of CMakeLists.txt: the commit `corridor --version` names, what
# `cmake --install` puts where, and the Debian package (`make package`). The choices are explained
# in docs/architecture.md, "Licence, install and package".

include(GNUInstallDirs)

# --- the commit ---------------------------------------------------------------------------------
# Read at every build, not only at configure time, so that the version a program prints names the
# commit it was built from; the header changes (and main.cpp recompiles) only when the commit does.
set(CORRIDOR_COMMIT "" CACHE STRING "commit to print in --version when not building from a git checkout")
set(corridor_commit_header ${CMAKE_BINARY_DIR}/generated/corridor/commit.hpp)
add_custom_target(corridor-commit
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${corridor_commit_header}
          -DCORRIDOR_COMMIT=${CORRIDOR_COMMIT} -P ${CMAKE_CURRENT_LIST_DIR}/commit.cmake
  BYPRODUCTS ${corridor_commit_header}
  VERBATIM)
# Every target that compiles sim/cli/main.cpp.
foreach(target IN ITEMS corridor corridor-fuzz-replay fuzz-cli)
  if(TARGET ${target})
    add_dependencies(${target} corridor-commit)
  endif()
endforeach()

# --- install: the program, its docs, the example scenarios --------------------------------------
install(TARGETS corridor RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# share/doc/corridor: README.md and LICENSE, with docs/ beside them so that the README's links work.
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
# The manual page (docs/corridor.1, written by hand): `man corridor`.
install(FILES docs/corridor.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The notices of the header-only libraries compiled into the program (CLI11 BSD-3, nlohmann/json
# MIT, protozero BSD-2 ask binary copies to carry them; libosmium's Boost licence does not, but it
# costs nothing), taken from the Debian packages built against.
foreach(package IN ITEMS libcli11-dev nlohmann-json3-dev libprotozero-dev libosmium2-dev)
  if(EXISTS /usr/share/doc/${package}/copyright)
    install(FILES /usr/share/doc/${package}/copyright
      DESTINATION ${CMAKE_INSTALL_DOCDIR}/third-party RENAME ${package}.copyright)
  endif()
endforeach()
# share/corridor/scenarios: the reference theatre (with its network folder) and the validation
# scenarios, to copy and edit; a run reads them where they are and writes its results elsewhere.
install(DIRECTORY scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/corridor/scenarios)

# --- the Debian package -------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME corridor)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "corridor maintainers")
set(CPACK_PACKAGE_CONTACT "corridor maintainers <maintainers@users.noreply.r-seed-f967564f.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "plan peacekeeping deployments and humanitarian operations by simulation")
set(CPACK_PACKAGE_DESCRIPTION
  "corridor is a discrete-event simulator for planning peacekeeping deployments and the humanitarian operations around them. A planner describes a theatre (road network, forces, aircraft, checkpoints) in YAML files and runs it; the same inputs give the same bytes on any machine. Example scenarios are in /usr/share/corridor/scenarios, the documentation in /usr/share/doc/corridor.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # corridor_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: computed by dpkg-shlibdeps (package dpkg-dev, in the Makefile's PACKAGES) from the
# libraries the binary really links, with the minimum versions its symbols need. Without it the
# list below, the bookworm runtime packages it links today, is written by hand.
find_program(DPKG_SHLIBDEPS_PROGRAM dpkg-shlibdeps)
if(DPKG_SHLIBDEPS_PROGRAM)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps not found (package dpkg-dev): the package's Depends are the fixed bookworm list")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libyaml-cpp0.7, zlib1g, libbz2-1.0, libexpat1")
endif()
include(CPack)
