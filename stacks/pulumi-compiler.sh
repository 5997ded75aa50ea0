#!/usr/bin/env bash
# The Pulumi YAML compiler of this project (see `runtime.options.compiler` in Pulumi.yaml).
# Standard output must be the program and nothing else: build output goes to standard error.
set -euo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/stacks/Infra.Stacks/bin/compiler"
dll="$out/infra.dll"

# Warm calls skip the build: publish only when the program is missing or a source is newer than it.
stale() {
  [ ! -f "$dll" ] && return 0
  [ -n "$(find "$root/core" "$root/components" "$root/policies" "$root/stacks" "$root"/Directory.*.props \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$dll" \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}

# A ReadyToRun publish: Infra's code is compiled ahead of time, so a synth starts without JIT-compiling it first
# (about 40% of a small stack's compiler time). One publish at a time; whoever waited finds it done.
publish() {
  stale || return 0
  dotnet publish "$root/stacks/Infra.Stacks/Infra.Stacks.csproj" -c Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true -o "$out" -nologo -v quiet 1>&2
  # An incremental publish may leave an unchanged infra.dll as it was: mark when this publish was made.
  touch "$dll"
}
if stale; then
  mkdir -p "$out"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$out.lock"
    flock 9
    publish
    exec 9>&-
  else
    publish
  fi
fi
exec dotnet "$dll" synth --pulumi-compiler --project-dir "$root"
