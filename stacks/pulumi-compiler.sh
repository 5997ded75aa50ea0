#!/usr/bin/env bash
# The Pulumi YAML compiler of this project (see `runtime.options.compiler` in Pulumi.yaml).
# Standard output must be the program and nothing else: build output goes to standard error.
set -euo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="$root/stacks/Infra.Stacks/bin/Release/net10.0/infra.dll"

# Warm calls skip the build: rebuild only when the program is missing or a source is newer than it.
stale() {
  [ ! -f "$dll" ] && return 0
  [ -n "$(find "$root/core" "$root/components" "$root/policies" "$root/stacks" "$root"/Directory.*.props \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$dll" \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}
if stale; then
  dotnet build "$root/stacks/Infra.Stacks/Infra.Stacks.csproj" -c Release -nologo -v quiet 1>&2
fi
exec dotnet "$dll" synth --pulumi-compiler --project-dir "$root"
