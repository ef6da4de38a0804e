#!/usr/bin/env bash
# Makes TorchSharp's native glue load on systems whose libstdc++ predates GCC 13 (Debian 12).
#
# libLibTorchSharp.so (TorchSharp 0.107.0) asks for GLIBCXX_3.4.32 but needs only one symbol of
# it, std::ios_base_library_init(). When the system libstdc++ lacks that version, this script,
# once per NuGet cache:
#   1. builds libnp_glibcxx_shim.so, which defines that symbol;
#   2. marks the GLIBCXX_3.4.32 requirement of libLibTorchSharp.so weak (VER_FLG_WEAK);
#   3. adds the shim as a DT_NEEDED entry of libLibTorchSharp.so (patchelf).
# The patched library replaces the cached one atomically; a stamp file records the fix.
# It does nothing when the system libstdc++ already provides GLIBCXX_3.4.32.
#
# Usage: fix-glibcxx.sh NUGET_PACKAGE_ROOT
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:-${NUGET_PACKAGES:-$HOME/.nuget/packages}}"
native="${root%/}/torchsharp/0.107.0/runtimes/linux-x64/native"
lib="$native/libLibTorchSharp.so"
shim="$native/libnp_glibcxx_shim.so"
stamp="$native/.np-glibcxx-fixed"

[ "$(uname -s)" = Linux ] || exit 0
[ -f "$lib" ] || exit 0          # TorchSharp not restored for linux-x64: nothing to fix
[ -f "$stamp" ] && [ -f "$shim" ] && exit 0

system_libstdcxx() {
    local path
    path="$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
    [ -n "$path" ] || path=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
    echo "$path"
}
if grep -qa 'GLIBCXX_3\.4\.32' "$(system_libstdcxx)" 2>/dev/null; then
    exit 0
fi

missing=()
command -v g++ >/dev/null || missing+=(g++)
command -v gcc >/dev/null || missing+=(gcc)
command -v patchelf >/dev/null || missing+=(patchelf)
if [ ${#missing[@]} -gt 0 ]; then
    cat >&2 <<MSG
error NP0001: TorchSharp cannot load here: $(system_libstdcxx) lacks GLIBCXX_3.4.32 (GCC 13)
and the automatic fix needs ${missing[*]}. Install them and build again:
    sudo apt-get install -y g++ patchelf
(or install a libstdc++ from GCC 13 or newer).
MSG
    exit 1
fi

# One fixer at a time: parallel project builds share the NuGet cache.
exec 9>"$native/.np-glibcxx.lock"
flock 9
[ -f "$stamp" ] && [ -f "$shim" ] && exit 0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -shared -fPIC -O2 -o "$work/libnp_glibcxx_shim.so" "$here/glibcxx_shim.cpp"
gcc -O2 -o "$work/mark_version_weak" "$here/mark_version_weak.c"

cp "$lib" "$work/libLibTorchSharp.so"
# Exit code 2 means the library no longer asks for that version: nothing to mark.
"$work/mark_version_weak" "$work/libLibTorchSharp.so" GLIBCXX_3.4.32 >/dev/null || [ $? -eq 2 ]
if ! patchelf --print-needed "$work/libLibTorchSharp.so" | grep -qx libnp_glibcxx_shim.so; then
    patchelf --add-needed libnp_glibcxx_shim.so "$work/libLibTorchSharp.so"
fi

cp "$work/libnp_glibcxx_shim.so" "$shim.tmp" && mv -f "$shim.tmp" "$shim"
cp "$work/libLibTorchSharp.so" "$lib.tmp" && mv -f "$lib.tmp" "$lib"
date -u +%FT%TZ > "$stamp"
echo "NeuralPredictivity: patched $lib for $(system_libstdcxx) (GLIBCXX_3.4.32 shim)"
