# `corridor analyse`: sweep folders written by hand (manifest.json and runs.csv as the sweep contract
# in docs/user-guide.md defines them), the figures it must find and the messages for bad folders.
# Sourced by run_cli_tests.sh, with $corridor, $source_dir, expect and check set.

sweeps=$(mktemp -d)

# write_manifest DIR DESIGN POINTS PARAMETERS_JSON KPIS_JSON [EXTRA]
write_manifest() {
    mkdir -p "$1"
    cat >"$1/manifest.json" <<JSON
{
  "corridor": "0.1.0",
  "kind": "sweep",
  "sweep": "hand-made.yaml",
  "sweep_hash": "fnv1a64:0000000000000000",
  "scenario": "none.yaml",
  "scenario_hash": "fnv1a64:0000000000000000",
  "design": "$2",
  "seed": 7,
  "replications": 2,
  "points": $3,
  "parameters": $4,${6:-}
  "kpis": $5,
  "files": ["manifest.json", "runs.csv", "summary.csv"],
  "checksums": {}
}
JSON
}

# A Latin hypercube of 40 points, by hand: x1 in stratum i, x2 in stratum 7i mod 40 (7 and 40 share
# no factor, so each column has one point per stratum). y = 3 x1 - 2 x2 exactly, its two
# replications 0.01 above and below; late_h has no value at point 5 and only replication 1's at 6;
# the policy is text.
lhs=$sweeps/lhs
write_manifest "$lhs" lhs 40 '[{"path": "x1", "kind": "number", "low": 0, "high": 1},
    {"path": "x2", "kind": "number", "low": 0, "high": 1}, {"path": "dispatch.policy", "kind": "text"}]' \
    '["y", "late_h"]'
awk 'BEGIN {
    print "point,replication,x1,x2,dispatch.policy,y,late_h";
    for (i = 0; i < 40; i++) {
        x1 = (i + 0.5) / 40; x2 = ((7 * i) % 40 + 0.5) / 40; y = 3 * x1 - 2 * x2;
        policy = (i % 2) ? "nearest_first" : "most_need_first";
        for (r = 0; r < 2; r++) {
            late = (i == 5 || (i == 6 && r == 0)) ? "" : sprintf("%.6f", 10 + x1 * x1);
            printf "%d,%d,%.6f,%.6f,%s,%.6f,%s\n", i, r, x1, x2, policy, y + (r ? -0.01 : 0.01), late;
        }
    }
}' >"$lhs/runs.csv"
cp "$lhs/manifest.json" "$sweeps/lhs-manifest-before.json"
expect 0 "note: parameter 'dispatch.policy' is text \(a name, not a number\): it cannot be regressed and is skipped" -- analyse "$lhs"
expect 0 'note: late_h: 1 of 40 points have no value \(not reached in any replication\) and are left out' -- analyse "$lhs"
expect 0 'y  \(40 points, R\^2 1\.000\)' -- analyse "$lhs"
# The SRCs of an exact linear function are b_i sd_i / sd_y, with the sample sds of the design.
expected=$(awk 'BEGIN {
    for (i = 0; i < 40; i++) { a[i] = (i + 0.5) / 40; b[i] = ((7 * i) % 40 + 0.5) / 40; y[i] = 3 * a[i] - 2 * b[i];
        ma += a[i] / 40; mb += b[i] / 40; my += y[i] / 40 }
    for (i = 0; i < 40; i++) { va += (a[i] - ma) ^ 2; vb += (b[i] - mb) ^ 2; vy += (y[i] - my) ^ 2 }
    printf "%.6f %.6f", 3 * sqrt(va / vy), -2 * sqrt(vb / vy) }')
check "analysis.csv lacks the header" grep -qx 'kpi,parameter,method,estimate,low,high' "$lhs/analysis.csv"
check "SRC of x1 and x2 are not b_i sd_i / sd_y ($expected)" awk -F, -v e="$expected" '
    BEGIN { split(e, want, " ") }
    $1 == "y" && $3 == "src" && $2 == "x1" { d1 = $4 - want[1]; n++ }
    $1 == "y" && $3 == "src" && $2 == "x2" { d2 = $4 - want[2]; n++ }
    $1 == "y" && $3 == "r2" && $2 == "" && $4 == 1 && $5 == "" && $6 == "" { n++ }
    END { exit !(n == 3 && d1 * d1 < 1e-10 && d2 * d2 < 1e-10) }' "$lhs/analysis.csv"
check "PRCC of y on x1 not near +1 and x2 near -1" awk -F, '
    $1 == "y" && $3 == "prcc" && $2 == "x1" && $4 > 0.9 { n++ }
    $1 == "y" && $3 == "prcc" && $2 == "x2" && $4 < -0.9 { n++ }
    END { exit n != 2 }' "$lhs/analysis.csv"
# late_h = 10 + x1^2 over 39 points: its ranks are x1's, so x1's PRCC is 1 and x2's is not defined
# (nothing is left for it to explain): no row, and a note.
check "late_h: PRCC of x1 not 1, or a PRCC row for x2" awk -F, '
    $1 == "late_h" && $3 == "prcc" && $2 == "x1" && $4 == 1 { n++ }
    $1 == "late_h" && $3 == "prcc" && $2 == "x2" { n += 10 }
    END { exit n != 1 }' "$lhs/analysis.csv"
expect 0 "note: late_h: no PRCC for 'x2': the other parameters account for the KPI's ranks entirely" -- analyse "$lhs"
check "analysis.csv has not its 2 KPIs x (2 SRC + R^2 + 2 PRCC) rows less late_h's x2 PRCC" \
    test "$(wc -l <"$lhs/analysis.csv")" = 10
check "text parameter in analysis.csv" bash -c "! grep -q dispatch.policy '$lhs/analysis.csv'"
cp "$lhs/analysis.csv" "$sweeps/first.csv"
expect 0 'analysis in' -- analyse "$lhs"
check "analysis.csv differs between two runs" cmp -s "$lhs/analysis.csv" "$sweeps/first.csv"
check "analyse changed the manifest" cmp -s "$lhs/manifest.json" "$sweeps/lhs-manifest-before.json"
check "analyse left a temporary file" test "$(ls -A "$lhs" | tr '\n' ' ')" = "analysis.csv manifest.json runs.csv "

# A Saltelli design by hand, N = 8, k = 2: A and B any points, AB_i = A with column i from B.
# y = x1: x2 is inert, so its S1 and ST are exactly 0 (f(AB_2) = f(A) on every row); x1's follow
# the estimators: S1 = mean((f_B - m) (f_B - f_A)) / V, ST = mean((f_A - f_B)^2) / 2V, V and m over
# A and B.
sob=$sweeps/sobol
write_manifest "$sob" sobol 32 '[{"path": "x1", "kind": "number", "low": 0, "high": 1},
    {"path": "x2", "kind": "number", "low": 0, "high": 1}]' '["y"]' '
  "sobol_base": 8,'
awk 'function frac(x) { return x - int(x) }
BEGIN {
    print "point,replication,x1,x2,y";
    for (n = 0; n < 8; n++) { a1[n] = frac(n * 0.618034 + 0.1); a2[n] = frac(n * 0.414214 + 0.3);
        b1[n] = frac(n * 0.732051 + 0.7); b2[n] = frac(n * 0.236068 + 0.2) }
    for (blk = 0; blk < 4; blk++) for (n = 0; n < 8; n++) {
        x1 = (blk == 1 || blk == 2) ? b1[n] : a1[n]; x2 = (blk == 1 || blk == 3) ? b2[n] : a2[n];
        printf "%d,0,%.6f,%.6f,%.6f\n", blk * 8 + n, x1, x2, x1 }
}' >"$sob/runs.csv"
expected=$(awk -F, 'NR > 1 && $1 < 8 { a[$1] = $5 } NR > 1 && $1 >= 8 && $1 < 16 { b[$1 - 8] = $5 }
    END { for (n = 0; n < 8; n++) m += (a[n] + b[n]) / 16
          for (n = 0; n < 8; n++) { v += (a[n] - m) ^ 2 + (b[n] - m) ^ 2; s += (b[n] - m) * (b[n] - a[n]); t += (a[n] - b[n]) ^ 2 }
          v /= 15; printf "%.6f %.6f", s / 8 / v, t / 16 / v }' "$sob/runs.csv")
expect 0 'y  \(N = 8 base rows, 32 points; 95% bootstrap intervals\)' -- analyse "$sob"
check "sobol indices of x1 are not the estimators' ($expected) or x2's not exactly 0" awk -F, -v e="$expected" '
    BEGIN { split(e, want, " ") }
    $2 == "x1" && $3 == "sobol_first" { d1 = $4 - want[1]; if ($5 <= $4 && $4 <= $6) n++ }
    $2 == "x1" && $3 == "sobol_total" { d2 = $4 - want[2]; if ($5 <= $4 && $4 <= $6) n++ }
    $2 == "x2" && ($3 == "sobol_first" || $3 == "sobol_total") && $4 == 0 && $5 == 0 && $6 == 0 { n++ }
    END { exit !(n == 4 && d1 * d1 < 1e-10 && d2 * d2 < 1e-10) }' "$sob/analysis.csv"
# A run missing from a block drops its base row for that KPI, and says so.
grep -v '^19,' "$sob/runs.csv" >"$sweeps/runs" && mv "$sweeps/runs" "$sob/runs.csv"
expect 0 'note: y: 1 of 8 base rows lack a value in one of their blocks \(a point not run, or not reached in any replication\) and are left out with all their blocks' -- analyse "$sob"
expect 0 'y  \(N = 7 base rows, 28 points' -- analyse "$sob"
expect 0 'intervals wider than 0\.2: a larger base N \(the sweep file.s points\) would narrow them' -- analyse "$sob"

# Bad folders: exit 2 and a message naming the file (and line where there is one).
expect 2 "no such folder" -- analyse "$sweeps/none"
expect 2 "runs.csv: error: not a folder: give the folder .corridor sweep --out. wrote" -- analyse "$lhs/runs.csv"
mkdir -p "$sweeps/empty"
expect 2 "empty/manifest.json: error: cannot read the manifest: this is not a sweep folder" -- analyse "$sweeps/empty"
expect 2 "required" -- analyse
grid=$sweeps/grid
write_manifest "$grid" grid 2 '[{"path": "x1", "kind": "number"}]' '["y"]'
expect 2 "grid/manifest.json:8: error: corridor analyse reads designs lhs, random and sobol, not 'grid'" -- analyse "$grid"
write_manifest "$grid" each_road_closed 2 '[{"path": "closed_road", "kind": "text"}]' '["y"]'
expect 2 "not 'each_road_closed'" -- analyse "$grid"
head -c 200 "$lhs/manifest.json" >"$grid/manifest.json"
expect 2 'grid/manifest.json:8:10: error: not valid JSON' -- analyse "$grid"
sed 's/"kind": "sweep"/"kind": "runs"/' "$lhs/manifest.json" >"$grid/manifest.json"
expect 2 'manifest.json:3: error: the manifest.s "kind" is "runs", not "sweep"' -- analyse "$grid"
sed 's/"points": 40/"points": "forty"/' "$lhs/manifest.json" >"$grid/manifest.json"
expect 2 'manifest.json:11: error: the manifest.s "points" must be a whole number' -- analyse "$grid"
sed 's/"points": 40/"points": 2000000/' "$lhs/manifest.json" >"$grid/manifest.json"
expect 2 'manifest.json:11: error: the manifest.s "points" must be from 1 to 1000000, not 2000000' -- analyse "$grid"
sed 's/"sobol_base": 8/"sobol_base": 9/' "$sob/manifest.json" >"$grid/manifest.json"
expect 2 'has N x \(k \+ 2\) = 36 points, but the manifest says 32' -- analyse "$grid"
cp "$lhs/manifest.json" "$grid/manifest.json"
expect 2 "grid/runs.csv: error: cannot read runs.csv" -- analyse "$grid"
sed '5s/^1,1,[0-9.]*,/1,1,abc,/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 "grid/runs.csv:5:5: error: parameter 'x1' must be a number, not 'abc'" -- analyse "$grid"
sed '3s/,10\.[0-9]*$/,1,2/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 'runs.csv:3: error: this run has 8 fields, the header 7' -- analyse "$grid"
sed '4s/^1,/40,/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 "runs.csv:4:1: error: point must be a whole number from 0 to 39 \(the manifest's points\), not '40'" -- analyse "$grid"
sed '3s/^0,1,/0,0,/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 'runs.csv:3:1: error: point 0, replication 0 appears twice' -- analyse "$grid"
sed '1s/late_h/late/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 "runs.csv:1: error: the header has no column 'late_h', which the manifest lists" -- analyse "$grid"
sed '2s/,0\.[0-9]*,\([0-9.]*\)$/,many,\1/' "$lhs/runs.csv" >"$grid/runs.csv"
expect 2 "runs.csv:2:[0-9]+: error: KPI 'y' must be a number or empty, not 'many'" -- analyse "$grid"
: >"$grid/runs.csv"
expect 2 'runs.csv:1: error: runs.csv is empty' -- analyse "$grid"
# The folder of a single run: one point, nothing to attribute.
expect 0 'results in' -- run "$source_dir/scenarios/validation/one-convoy.yaml" --out "$sweeps/run"
expect 2 "this is the folder of a run \(.corridor run., design 'single'\)" -- analyse "$sweeps/run"
# analysis.csv is corridor's too: a run may replace a folder that holds one (and it goes with it).
cp "$sweeps/first.csv" "$sweeps/run/analysis.csv"
expect 0 'results in' -- run "$source_dir/scenarios/validation/one-convoy.yaml" --out "$sweeps/run"
check "analysis.csv outlived the folder it was made from" test ! -e "$sweeps/run/analysis.csv"
rm -rf "$sweeps"
