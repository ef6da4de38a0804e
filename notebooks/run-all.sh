#!/usr/bin/env bash
# Executes every notebook in this folder headless with dotnet-repl, as CI does.
#
#   notebooks/run-all.sh [--out DIR] [notebook.ipynb ...]
#
# Needs the Release build (scripts/setup.sh) and the local tool manifest (dotnet tool restore).
# Executed copies go to DIR, never over the committed notebooks. Without --out they go to a new
# temporary folder that is removed when every notebook passed and kept (its path printed) otherwise.
# Prints one "PASS|FAIL <notebook> (<seconds> s)" line per notebook, then the plain line
# "N passed, N failed". Exits 0 only when every notebook ran without a failing cell.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

out=""
notebooks=()
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        *) notebooks+=("$1"); shift ;;
    esac
done
if [ ${#notebooks[@]} -eq 0 ]; then
    for nb in "$here"/[0-9]*.ipynb; do notebooks+=("$nb"); done
fi
temporary=0
if [ -z "$out" ]; then
    out="$(mktemp -d "${TMPDIR:-/tmp}/np-notebooks.XXXXXX")"
    temporary=1
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ ! -f "$root/src/Cli/bin/Release/net10.0/linux-x64/NeuralPredictivity.Benchmark.dll" ]; then
    echo "notebooks: the toolkit is not built; run scripts/setup.sh first" >&2
fi
(cd "$root" && dotnet tool restore >/dev/null)

passed=0
failed=0
for nb in "${notebooks[@]}"; do
    name="$(basename "$nb")"
    log="$out/${name%.ipynb}.log"
    start=$(date +%s)
    # The kernel's working folder is the notebook's, so the relative paths in the notebooks resolve;
    # the results folders the notebooks create go under the output folder, beside the executed copy.
    mkdir -p "$out/tmp"
    (cd "$(dirname "$nb")" && TMPDIR="$out/tmp" timeout 900 dotnet tool run dotnet-repl --run "$name" \
        --exit-after-run --output-path "$out/$name") >"$log" 2>&1
    status=$?
    seconds=$(( $(date +%s) - start ))
    # dotnet-repl exits 2 when a cell fails; the executed copy must also exist and hold no error output.
    if [ "$status" -eq 0 ] && [ -f "$out/$name" ] && ! grep -q '"output_type": *"error"' "$out/$name"; then
        echo "PASS $name (${seconds} s)"
        passed=$((passed + 1))
    else
        echo "FAIL $name (${seconds} s, exit $status; executed copy and log in $out)"
        # The failing cells' messages, then whatever the kernel printed.
        [ -f "$out/$name" ] && grep -o '"evalue": *"[^"]*"' "$out/$name" | head -n 5 | sed 's/^/    /'
        tail -n 20 "$log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done

if [ "$temporary" -eq 1 ] && [ "$failed" -eq 0 ]; then
    rm -rf "$out"
    echo "executed notebooks: all passed; their temporary folder was removed (keep them with --out DIR)"
else
    echo "executed notebooks: $out"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
