#!/bin/sh
# `corridor-bench scale` at 10,000 junctions and 100 convoys (a few seconds): every phase prints its
# line, its numbers are there and sane, and the methods it compares agree: the files read back to
# the generated network, every router gives the same travel times, every unit reaches its post.
# The 1,000,000-junction figures of docs/performance.md come from the same code with --nodes 1000000.
# Usage: scale_smoke.sh CORRIDOR-BENCH
set -eu
bench=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" scale --nodes 10000 --seed 3 --queries 30 --convoys 100 --dir "$dir/files" > "$dir/out.jsonl"
python3 - "$dir/out.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {l["benchmark"]: l for l in lines}
problems = []
def need(ok, what):
    if not ok: problems.append(what)
for name in ["scale-generate", "scale-dimacs", "scale-csv", "scale-route", "scale-hierarchy", "scale-convoys"]:
    need(name in by, "no line for " + name)
if not problems:
    g, d, c, r, h, s = (by[n] for n in ["scale-generate", "scale-dimacs", "scale-csv", "scale-route", "scale-hierarchy", "scale-convoys"])
    need(g["nodes"] == 10000 and g["columns"] == 100, "10,000 junctions, 100 x 100")
    need(g["arcs"] == 2 * g["roads"] - g["one_way_roads"], "arcs = 2 x roads - one-way roads")
    need(g["largest_part_share"] >= 0.99, "largest part under 99%")
    need(g["largest_strong_part_share"] == g["largest_part_share"], "largest part not strongly connected")
    need(0 < g["bytes_per_node_and_arc"] < 1000, "memory per node and arc")
    for f in (d, c):
        need(f["same_network"] is True, f["benchmark"] + " does not read back to the generated network")
        need(f["arcs"] == g["arcs"] and f["load_arcs_per_s"] > 0 and f["file_bytes"] > 0, f["benchmark"] + " figures")
    need(r["answers_agree"] is True, "routers disagree")
    need(r["queries"] == 30 and r["one_to_all_ms"] > 0 and r["landmark_ms"] > 0, "route figures")
    need(r["settled"]["landmarks"] <= r["settled"]["dijkstra"], "landmarks settle more than Dijkstra")
    need(h.get("answers_agree") is True, "the hierarchy disagrees with Dijkstra, or was not measured")
    need(h.get("bytes", 0) > 0 and h.get("one_to_all_over_hierarchy", 0) > 1, "hierarchy figures")
    need(s["units"] == 100 and s["units_on_post"] == 100, "not every unit reached its post")
    need(s["events"] > 0 and s["closure_hours"] > 0, "the scenario ran no events")
    need(s["peak_rss_kb"] > 0 and g["peak_rss_kb"] > 0, "peak memory")
for p in problems: print("scale_smoke: " + p)
if problems:
    print(open(sys.argv[1]).read())
    sys.exit(1)
print("scale_smoke: %d lines, all sane" % len(lines))
PY
# The scenario with and without a contraction hierarchy: the same run, far less routing work.
"$bench" scale --nodes 10000 --seed 3 --convoys 100 --hierarchy both --scenario-only --dir "$dir/ch" > "$dir/ch.jsonl"
python3 - "$dir/ch.jsonl" <<'PY'
import json, sys
runs = [l for l in (json.loads(x) for x in open(sys.argv[1]) if x.strip()) if l["benchmark"] == "scale-convoys"]
problems = []
def need(ok, what):
    if not ok: problems.append(what)
need(len(runs) == 2, "not two scenario runs (none, time)")
if not problems:
    a, b = runs
    need(a["hierarchy"] == "none" and b["hierarchy"] == "prepared", "hierarchies: %s, %s" % (a["hierarchy"], b["hierarchy"]))
    for k in ("events", "units_on_post", "closure_hours", "route_searches"):
        need(a[k] == b[k], "%s differs with the hierarchy: %s against %s" % (k, a[k], b[k]))
    need(b["settled_per_search"] * 5 < a["settled_per_search"], "the hierarchy does not settle 5 times fewer nodes")
    need(b["hierarchy_seconds"] > 0 and a["hierarchy_fallbacks"] == 0, "hierarchy figures")
for p in problems: print("scale_smoke: " + p)
if problems:
    print(open(sys.argv[1]).read())
    sys.exit(1)
print("scale_smoke: the scenario with and without a hierarchy agree")
PY
