#!/usr/bin/env bash
# Builds llama-cpp-python (the CPU engine) once per CPU and installs it into the venv.
#
# llama.cpp compiles for a CPU's instruction sets. pip's own wheel cache is keyed by
# the source archive alone, so a home directory shared by machines with different CPUs would hand a
# wheel built for one CPU to another, where it dies with "Illegal instruction". Here the wheel is
# kept under a key made of the package version, the Python version, CMAKE_ARGS and the CPU's
# instruction-set flags, and pip's cache is never read for it.
#
# Usage: scripts/install-llamacpp.sh VENV_PYTHON
# Exit status: 0 when llama_cpp imports afterwards, 1 otherwise (the caller falls back).
set -uo pipefail
py="${1:?usage: install-llamacpp.sh VENV_PYTHON}"
cd "$(dirname "$0")/.."

version="$("$py" - <<'EOF'
import tomllib
with open("pyproject.toml", "rb") as fh:
    extra = tomllib.load(fh)["project"]["optional-dependencies"]["llamacpp"]
pin = next(p for p in extra if p.startswith("llama-cpp-python=="))
print(pin.split("==", 1)[1])
EOF
)" || { echo "==> cannot read the llama-cpp-python pin from pyproject.toml" >&2; exit 1; }

flags="$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || uname -m)"
if [[ -z "${CMAKE_ARGS:-}" ]]; then
  # Not -march=native: it also turns on AVX-512 and AMX where the CPU lists them, and a wheel built
  # that way died with "Illegal instruction" on the machine that built it (a virtual machine that
  # lists amx_tile and avx512_fp16). The common x86-64 sets are switched on from the CPU's own flags.
  CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF"
  for pair in sse4_2:SSE42 avx:AVX avx2:AVX2 fma:FMA f16c:F16C bmi2:BMI2; do
    if [[ " $flags " == *" ${pair%%:*} "* ]]; then on=ON; else on=OFF; fi
    CMAKE_ARGS="$CMAKE_ARGS -DGGML_${pair##*:}=$on"
  done
fi
export CMAKE_ARGS
pyver="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
key="$(printf '%s\n' "$version" "$pyver" "$CMAKE_ARGS" "$flags" | sha256sum | cut -c1-16)"
root="${CHAT_REC_WHEELS:-$HOME/.cache/chat-rec/wheels}"
dir="$root/llama-cpp-python-$version-$key"

wheel="$(ls "$dir"/llama_cpp_python-*.whl 2>/dev/null | head -n1)"
if [[ -z "$wheel" ]]; then
  echo "==> building llama-cpp-python $version for this CPU (once per CPU: ~5-6 min on 2 idle cores)"
  echo "    CMAKE_ARGS=$CMAKE_ARGS"
  mkdir -p "$root" || exit 1
  tmp="$(mktemp -d "$root/.building.XXXXXX")" || exit 1
  if ! "$py" -m pip wheel -q --no-cache-dir --no-deps --no-binary llama-cpp-python \
      -w "$tmp" "llama-cpp-python==$version"; then
    rm -rf "$tmp"
    exit 1
  fi
  rm -rf "$dir"
  mv "$tmp" "$dir"
  wheel="$(ls "$dir"/llama_cpp_python-*.whl | head -n1)"
else
  echo "==> llama-cpp-python $version: the wheel built for this CPU is kept in $dir"
fi

# The wheel first (no cache, no index for it), then its dependencies through the project's extra.
"$py" -m pip install -q --no-cache-dir --force-reinstall --no-deps "$wheel" || exit 1
"$py" -m pip install -q -e ".[llamacpp]" || exit 1
"$py" -c 'import llama_cpp' || { rm -rf "$dir"; exit 1; }
