#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks, restores the local .NET tools and builds the
# toolkit in Release. Safe to run again: every step is skipped when already done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need=()
command -v g++ >/dev/null || need+=(g++)
command -v patchelf >/dev/null || need+=(patchelf)
command -v flock >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]} (needed to make TorchSharp load on Debian 12)"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build NeuralPredictivity.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# A TorchSharp load that failed before the repair leaves unpatched copies in bin/**/cpu/.
find src tests -type d -path '*/bin/*' -name cpu -prune -exec rm -rf {} + 2>/dev/null || true
echo "setup: built; run ./predictivity --help"
