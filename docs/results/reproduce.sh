#!/usr/bin/env bash
# Runs every command whose numbers docs/results.md reports, each into its own folder under OUT
# (default results/reproduce), records each command's wall time in OUT/timings.tsv and copies it,
# with the figures and sweep tables that docs/results.md embeds, into docs/results/.
#
# Usage, from the repository root after scripts/setup.sh:
#   docs/results/reproduce.sh [OUT]
#
# A run whose folder already exists is replaced; a sweep folder is resumed (only missing units run),
# so the wall times in timings.tsv are those of a fresh OUT only.
set -euo pipefail

out="${1:-results/reproduce}"
if [ ! -x ./predictivity ] || [ ! -f docs/results.md ]; then
    echo "reproduce.sh: run it from the repository root (no ./predictivity and docs/results.md in $PWD)" >&2
    exit 2
fi
if [ ! -f src/Cli/bin/Release/net10.0/linux-x64/predictivity.dll ]; then
    echo "reproduce.sh: the Release build is missing; run scripts/setup.sh first" >&2
    exit 2
fi

figures=docs/results
mkdir -p "$out"
timings="$out/timings.tsv"
{
    printf '# commit %s%s\n' "$(git rev-parse --short HEAD)" \
        "$(git diff --quiet HEAD -- src && echo '' || echo ' (src has uncommitted changes)')"
    printf '# started %s on %s, %s cores, load average at start %s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(hostname)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'label\tseconds\tcommand\n'
} >"$timings"

# step LABEL ARGS...: runs ./predictivity ARGS and appends its wall time to timings.tsv.
step() {
    local label="$1"
    shift
    local start end
    echo "reproduce.sh: [$label] ./predictivity $*" >&2
    start=$(date +%s.%N)
    ./predictivity "$@" --verbosity quiet
    end=$(date +%s.%N)
    awk -v l="$label" -v s="$start" -v e="$end" -v c="./predictivity $*" \
        'BEGIN { printf "%s\t%.1f\t%s\n", l, e - s, c }' >>"$timings"
}

# The default job on stensola2012_ben, first so that its time is the cold one the text quotes.
step default run --out "$out/default"

# Published protocols and the two departures from the default protocol.
step nayebi2021 run --protocol nayebi2021 --out "$out/nayebi2021"
step brainscore run --protocol brainscore --out "$out/brainscore"
step standardize-false run --standardize false --out "$out/standardize-false"
step trajectory-animal run --trajectory animal --out "$out/trajectory-animal"

# Other sessions: the trained network, then the three baselines quoted in the text.
for dataset in hafting2005_fig2c_trial1 hafting2005_fig2c_trial2 sargolini2006_10073-17010302; do
    step "session-$dataset" run --dataset "$dataset" --out "$out/sessions/$dataset/trained"
done
for dataset in hafting2005_fig2c_trial1 sargolini2006_10073-17010302; do
    for model in untrained:d=256 random-fourier:d=256 place-cells:d=256; do
        step "session-$dataset-${model%%:*}" run --dataset "$dataset" --model "$model" \
            --out "$out/sessions/$dataset/${model%%:*}"
    done
done

# Random versus blocked folds: seven models, each under both fold schemes.
for model in trained untrained:d=256 random-fourier:d=256 random-relu:d=256 place-cells:d=256 \
    grid-cells:d=256 shuffled; do
    for folds in blocked random; do
        step "folds-${model%%:*}-$folds" run --model "$model" --folds "$folds" \
            --out "$out/folds/${model%%:*}-$folds"
    done
done

# The two dimensionality sweeps on stensola2012_ben.
dims=2,4,8,16,32,64,128,256
nominal=trained,trained:reduce=units,untrained,random-fourier,random-relu,place-cells,grid-cells
nominal+=,shuffled,shuffled:random-fourier
step sweep-nominal sweep --families "$nominal" --dims "$dims" --seeds 0,1,2 --out "$out/sweep-ben"
step sweep-pr sweep --match pr \
    --families trained,untrained,random-fourier,random-relu,place-cells,grid-cells \
    --dims "$dims" --seeds 0,1,2 --out "$out/sweep-ben-pr"

printf '# finished %s, load average at end %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$timings"

# The figures and tables docs/results.md embeds, and the wall times it quotes.
cp "$out/default/rate_maps.png" "$figures/default-ben-rate-maps.png"
cp "$out/default/r_norm_histogram.png" "$figures/default-ben-r-norm.png"
cp "$out/default/ceiling_distribution.png" "$figures/default-ben-ceilings.png"
cp "$out/sweep-ben/sweep.csv" "$figures/sweep-ben-nominal.csv"
cp "$out/sweep-ben/predictivity_vs_pr.png" "$figures/sweep-ben-nominal-vs-pr.png"
cp "$out/sweep-ben/predictivity_vs_d.png" "$figures/sweep-ben-nominal-vs-d.png"
cp "$out/sweep-ben-pr/sweep.csv" "$figures/sweep-ben-prmatched.csv"
cp "$out/sweep-ben-pr/predictivity_vs_pr.png" "$figures/sweep-ben-prmatched-vs-pr.png"
cp "$out/sweep-ben-pr/predictivity_vs_d.png" "$figures/sweep-ben-prmatched-vs-d.png"
cp "$timings" "$figures/timings.tsv"

echo "reproduce.sh: done; wall times in $timings, figures and sweep tables copied to $figures/" >&2
