#!/usr/bin/env bash
# The Debian package as a planner's IT department meets it: build it (`make package`), install it
# with apt, run the installed program on an installed example from a folder outside the source
# tree, and remove it. Run by .ci/run after `make test`; needs root or sudo, changes the system's
# package set for the length of the test, and refuses to start if corridor is already installed.
# Usage: tests/package/install_test.sh [BUILD_DIR]   (default build, the release preset's folder)
#        CORRIDOR_DEB=path/to/corridor_VERSION_ARCH.deb tests/package/install_test.sh   (test that
#        package as it is, without building one)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
apt_get() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" </dev/null; }
start=$(date +%s)
failures=0
check() {  # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

if dpkg-query -W -f='${Status}' corridor 2>/dev/null | grep -q 'install ok installed'; then
    echo "FAIL: corridor is already installed; remove it first (apt-get remove corridor)"
    exit 1
fi

if [ -n "${CORRIDOR_DEB:-}" ]; then
    deb=$(realpath "$CORRIDOR_DEB")
else
    build_dir=$(cd "$source_dir" && realpath -m "${1:-build}")
    if [ "$build_dir" = "$source_dir/build" ]; then
        make -C "$source_dir" package
    else
        cmake --build "$build_dir" --target package
    fi
    # shellcheck disable=SC2012
    deb=$(ls -t "$build_dir"/corridor_*.deb | head -n 1)
fi
echo "package: $deb, $(stat -c %s "$deb") bytes"
dpkg-deb --field "$deb" Package Version Depends

work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
    if dpkg-query -W -f='${Status}' corridor 2>/dev/null | grep -q 'install ok installed'; then
        apt_get remove corridor >/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# apt resolves the Depends from what is installed; `./` (an absolute path) marks a local file.
apt_get install --no-install-recommends "$deb"

cd "$work"  # from here on nothing refers to the source tree
check "corridor is on the PATH at /usr/bin/corridor" test "$(command -v corridor)" = /usr/bin/corridor
check "the manual page is installed" test -s /usr/share/man/man1/corridor.1
check "the manual page names every command" grep -q 'corridor queue' /usr/share/man/man1/corridor.1
version=$(corridor --version)
echo "installed: $version"
check "--version names the version and a commit" \
    grep -qE '^corridor [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}|unknown)\)$' <<<"$version"
check "the docs and the licence are installed" \
    test -s /usr/share/doc/corridor/README.md -a -s /usr/share/doc/corridor/LICENSE \
    -a -s /usr/share/doc/corridor/docs/sources.md
check "the reference theatre is installed with its network" \
    test -s /usr/share/corridor/scenarios/karabakh-2020/network/edges.csv

# A planner's copy of the installed example, run where the planner works.
cp -r /usr/share/corridor/scenarios/karabakh-2020 "$work/theatre"
check "validate the copied reference theatre" corridor validate theatre/scenario.yaml
check "run it, results in a folder of its own" corridor run theatre/scenario.yaml --out "$work/results"
check "the run wrote kpis.json" test -s "$work/results/kpis.json"
check "the run wrote its manifest" grep -q '"scenario": "karabakh-2020"' "$work/results/manifest.json"
# The installed scenarios themselves are read in place (read-only for a user), results elsewhere.
check "run an installed validation scenario in place" \
    corridor run /usr/share/corridor/scenarios/validation/one-convoy.yaml --out "$work/one"
check "that run wrote kpis.json" test -s "$work/one/kpis.json"

apt_get remove corridor >/dev/null
check "removing the package removes the program" test ! -e /usr/bin/corridor

echo "package install test: $failures failed, $(($(date +%s) - start)) s"
[ "$failures" -eq 0 ]
