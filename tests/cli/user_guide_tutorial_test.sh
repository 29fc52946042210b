#!/usr/bin/env bash
# The user guide's first steps cannot drift from the program: docs/user-guide.md, section "Write a
# theatre", builds scenarios/tutorial/theatre.yaml from its ```yaml blocks, one after the other, and
# shows what corridor prints at each step. This test
#   - joins the section's yaml blocks and checks they are the shipped theatre, byte for byte;
#   - runs every command block of that section and of "The first run" (a ``` block whose first line
#     starts `corridor `)
#     on the theatre as the blocks before it have built it, in a scratch folder laid out as the
#     repository, and checks that every line shown under the command (but `...`) is a line of
#     what corridor prints;
#   - checks that `corridor validate` and `corridor run` succeed on the shipped theatre.
# Usage: user_guide_tutorial_test.sh path/to/corridor source_dir
set -u
corridor=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")   # the command blocks run in another folder
source_dir=$2
guide=$source_dir/docs/user-guide.md
shipped=$source_dir/scenarios/tutorial/theatre.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

# The two sections' fenced blocks, in order, one file each: NNN.yaml (the tutorial's only) or NNN.text.
blocks=$work/blocks
mkdir -p "$blocks"
awk -v dir="$blocks" '
    /^## / { in_section = ($0 == "## Write a theatre" || $0 == "## The first run")
             tutorial = ($0 == "## Write a theatre"); next }
    !in_section { next }
    !in_block && /^```/ { in_block = 1; n++; kind = ($0 == "```yaml" && tutorial) ? "yaml" : "text"
                          file = sprintf("%s/%03d.%s", dir, n, kind); printf "" > file; next }
    in_block && /^```$/ { in_block = 0; close(file); next }
    in_block { print > file }
' "$guide"
check "the guide has no section 'Write a theatre' with yaml blocks" \
    compgen -G "$blocks/*.yaml" >/dev/null

# Each command block runs in a scratch folder where scenarios/tutorial/theatre.yaml is the file
# as built so far, so that relative paths (results/tutorial-seed1/) print as the guide shows them.
scratch=$work/scratch
mkdir -p "$scratch/scenarios/tutorial"
ln -s "$(cd "$source_dir" && pwd)/scenarios/karabakh-2020" "$scratch/scenarios/karabakh-2020"
built=$scratch/scenarios/tutorial/theatre.yaml
: >"$built"
commands=0
for block in "$blocks"/*; do
    case $block in
    *.yaml) cat "$block" >>"$built" ;;
    *.text)
        command_line=$(head -1 "$block")
        [[ $command_line == "corridor "* ]] || continue
        commands=$((commands + 1))
        read -ra args <<<"${command_line#corridor }"
        rm -rf "$scratch/results"
        output=$(cd "$scratch" && "$corridor" "${args[@]}" 2>&1)
        while IFS= read -r shown; do
            [ "$shown" = "..." ] && continue
            check "'$command_line' at block $(basename "$block") does not print the guide's line: $shown" \
                grep -qFx -- "$shown" <<<"$output"
        done < <(tail -n +2 "$block")
        ;;
    esac
done
check "the guide's first run and tutorial show fewer than 6 commands ($commands)" test "$commands" -ge 6
check "the guide's yaml blocks are not scenarios/tutorial/theatre.yaml (diff them)" \
    cmp -s "$built" "$shipped"
if ! cmp -s "$built" "$shipped"; then diff "$built" "$shipped" | head -20; fi

# The shipped theatre itself, from the source folder: valid, and it runs with its report and map.
expect 0 'valid: 1 unit, 2 posts' -- validate "$shipped"
expect 0 'report   .*/report.html' -- run "$shipped" --out "$work/run"
check "the tutorial's run wrote no report.html" test -s "$work/run/report.html"
check "the tutorial's run wrote no routes.geojson" test -s "$work/run/routes.geojson"
check "the tutorial's run wrote no towns.csv" test -s "$work/run/towns.csv"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
