#!/usr/bin/env bash
# Replays one fuzz target over every input it has ever been given on purpose: its seed corpus
# (tests/fuzz/corpus/<target>/), the inputs of past findings (tests/fuzz/regressions/<target>/)
# and, for targets that write seeds in this build's formats (an index, a store), those. Each
# input runs once; the target aborts on a finding, so the test fails. CTest calls this for
# every target (tests/fuzz/CMakeLists.txt) in the plain and the sanitizer build alike.
#   replay.sh BINARY SOURCE.cpp WORK_DIR
set -euo pipefail
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" source="$2" work="$3"
here="$(cd "$(dirname "$0")" && pwd)"
target="$(basename "$source" .cpp)"

inputs=()
for dir in "$here/corpus/$target" "$here/regressions/$target"; do
    [ -d "$dir" ] || continue
    while IFS= read -r -d '' file; do
        inputs+=("$file")
    done < <(find "$dir" -type f -print0 | sort -z)
done
rm -rf "$work" && mkdir -p "$work"
if grep -q EVENTMAP_FUZZ_WRITE_SEEDS "$source"; then
    EVENTMAP_FUZZ_WRITE_SEEDS="$work" "$binary" -runs=0 </dev/null
    while IFS= read -r -d '' file; do
        inputs+=("$file")
    done < <(find "$work" -type f -print0 | sort -z)
fi
if [ ${#inputs[@]} -eq 0 ]; then
    echo "replay: no inputs for $target (tests/fuzz/corpus/$target is empty)" >&2
    exit 1
fi
# Files as arguments: libFuzzer runs each once and exits, as replay_main.cpp does.
cd "$work"
exec "$binary" "${inputs[@]}"
