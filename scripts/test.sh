#!/usr/bin/env bash
# Runs every test project in Release, then executes every notebook (notebooks/run-all.sh), and prints
# the plain summary line "N passed, N failed, N skipped" over both.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test NeuralPredictivity.sln -c Release -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!  - Failed: F, Passed: P, Skipped: S, ..." line per project.
read -r passed failed skipped < <(awk '
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
        line = $0
        gsub(/,/, "", line)
        n = split(line, w, " ")
        for (i = 1; i <= n; i++) {
            if (w[i] == "Failed:") f += w[i + 1]
            if (w[i] == "Passed:") p += w[i + 1]
            if (w[i] == "Skipped:") s += w[i + 1]
        }
    }
    END { print p + 0, f + 0, s + 0 }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # the build or a test host failed before any test could report
fi

# Each notebook is one test: executed headless, it passes when no cell fails.
bash notebooks/run-all.sh 2>&1 | tee "$log"
nb_status=${PIPESTATUS[0]}
read -r nb_passed nb_failed < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ { p = $1; f = $3 }
    END { print p + 0, f + 0 }' "$log")
if [ "$nb_status" -ne 0 ] && [ "$nb_failed" -eq 0 ]; then
    nb_failed=1   # the runner itself failed before reporting
fi
passed=$((passed + nb_passed))
failed=$((failed + nb_failed))

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$nb_status" -eq 0 ] && [ "$failed" -eq 0 ]
