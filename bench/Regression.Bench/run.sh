#!/usr/bin/env bash
# Runs the regression benchmark for our RidgeCv and PlsRegression and for scikit-learn on the same
# generated data and splits, then prints one side-by-side table.
#
#   bench/Regression.Bench/run.sh [--splits N] [--skip-sklearn]
#
# Shape: 900 bins (30 × 30 grid) × 4096 features × 65 neurons, 10 random 90/10 splits, 17 alphas
# (10^(-3 + 10k/16)), per-neuron alpha by 5-fold inner CV; PLS with 25 components.
# Each method runs in its own process under /usr/bin/time -v, whose "maximum resident set size"
# is the peak memory column. Time is the fit-and-predict time of all splits, measured inside the
# process after loading the data (and, for ours, after an untimed warm-up on a tiny problem).
# GFLOP is the nominal count of each algorithm's dominant dense operations (formulas in
# FlopModel.cs and sklearn_bench.py; eigendecompositions counted as 4n³); sklearn PLS is a lower
# bound (one power iteration per component). Other processes on the machine make times noisy:
# run it when the machine is quiet.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
splits=10
skip_sklearn=0
while [ $# -gt 0 ]; do
    case "$1" in
        --splits) splits="$2"; shift 2 ;;
        --skip-sklearn) skip_sklearn=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$skip_sklearn" -eq 0 ] && ! /usr/bin/python3 -c 'import sklearn, numpy' 2>/dev/null; then
    echo "run.sh: the scikit-learn reference needs Debian's python3-sklearn (apt-get install python3-sklearn)," \
        "which /usr/bin/python3 cannot import; install it or pass --skip-sklearn" >&2
    exit 2
fi
dotnet build "$here/Regression.Bench.csproj" -c Release -nologo -v q >/dev/null
bench="$(find "$root/bench/Regression.Bench/bin/Release" -name Regression.Bench.dll | head -1)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
dotnet "$bench" generate "$data" >&2

rows=()
run() {  # label, command...
    local label="$1"; shift
    local out
    out="$( { /usr/bin/time -v "$@" 2>"$data/time.txt"; } | grep '^RESULT' )"
    local rss_kb
    rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$data/time.txt")"
    read -r _ _ seconds gflop _ median_r <<<"$out"
    rows+=("$(printf '%-44s %9.2f %10.0f %9.1f %9.1f %9.4f' "$label" "$seconds" "$((rss_kb / 1024))" \
        "$gflop" "$(awk -v g="$gflop" -v s="$seconds" 'BEGIN { print g / s }')" "$median_r")")
    echo "done: $label" >&2
}

run "ours RidgeCv (per-neuron alpha, 5-fold inner)" dotnet "$bench" ridge "$data" --splits "$splits"
run "ours PlsRegression (25 components)" dotnet "$bench" pls "$data" --splits "$splits"
if [ "$skip_sklearn" -eq 0 ]; then
    run "sklearn RidgeCV(cv=5), shared alpha" /usr/bin/python3 "$here/sklearn_bench.py" ridgecv5 "$data" "$splits"
    run "sklearn RidgeCV GCV, alpha per target" /usr/bin/python3 "$here/sklearn_bench.py" gcv "$data" "$splits"
    run "sklearn PLSRegression(25), tol 1e-6" /usr/bin/python3 "$here/sklearn_bench.py" pls "$data" "$splits"
fi

echo
echo "900 bins × 4096 features × 65 neurons, $splits random 90/10 splits, 17 alphas, $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %9s %10s %9s %9s %9s\n' "method" "time (s)" "peak (MB)" "GFLOP" "GFLOP/s" "median r"
printf '%s\n' "${rows[@]}"
