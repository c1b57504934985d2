# shellcheck shell=bash
# Shared by the project's buildpacks: Heroku-style build log lines, config vars from ENV_DIR, reading JSON,
# downloads that say what failed, and version matching. Sourced, never run.

# Sourced by path, so BASH_SOURCE names a file in this folder; made absolute without starting a process, since a
# build step pays for every fork (a warm Node.js build is mostly such bookkeeping).
BUILDPACKS_LIB=${BASH_SOURCE[0]%/*}
[[ $BUILDPACKS_LIB == /* ]] || BUILDPACKS_LIB=$PWD/$BUILDPACKS_LIB

# "-----> Installing dependencies": a step of the build, as Heroku prints it.
topic() { printf -- '-----> %s\n' "$*"; }

# A detail under the current step, indented to line up with the topic's text.
info() { printf '       %s\n' "$*"; }

# Indents a command's output under the current step.
indent() { sed 's/^/       /'; }

warning() { printf ' !     %s\n' "$@" >&2; }

# Stops the build with Heroku's " !     " error lines; each argument is one line.
fail() {
    printf ' !     %s\n' "$@" >&2
    exit 1
}

# Prints the exported variables whose names start with one of PREFIXES as indented NAME=value lines, sorted by
# name within each prefix (bash lists ${!prefix@} in order); builtins only, unlike env | grep | sort.
print_exported_variables() {
    local prefix name
    for prefix in "$@"; do
        eval "set -- \${!$prefix@}"
        for name in "$@"; do
            [[ ${!name@a} == *x* ]] && info "$name=${!name}"
        done
    done
    return 0
}

# Exports the app's config vars (one file per var, Heroku's ENV_DIR) except those that would break the build.
export_env_dir() {
    local env_dir=${1:-} file name
    local deny='^(PATH|GIT_DIR|CPATH|CPPATH|LD_PRELOAD|LIBRARY_PATH|LD_LIBRARY_PATH|JAVA_OPTS|JAVA_TOOL_OPTIONS|HOME|PWD)$'
    [ -n "$env_dir" ] && [ -d "$env_dir" ] || return 0
    for file in "$env_dir"/*; do
        [ -f "$file" ] || continue
        name=$(basename "$file")
        [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
        [[ $name =~ $deny ]] && continue
        export "$name=$(cat "$file")"
    done
}

# Prints a value of a JSON file by dotted path (engines.node): a string or number as it is, an object's keys
# separated by spaces, nothing when absent. Uses jq, else node, else python3, whichever the stack has.
json_get() {
    local file=$1 path=$2 output
    if command -v jq >/dev/null 2>&1; then
        output=$(jq -r --arg path "$path" \
            'getpath($path | split(".")) // empty | if type == "object" then keys_unsorted | join(" ") elif type == "array" then map(tostring) | join(" ") else tostring end' \
            "$file" 2>&1) || fail "$file is not valid JSON: $output" "Fix the syntax (for example with 'npm pkg get' or a JSON linter) and push again."
    elif command -v node >/dev/null 2>&1; then
        output=$(node -e '
            const fs = require("fs");
            let value = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
            for (const key of process.argv[2].split(".")) value = value == null ? undefined : value[key];
            if (value == null) process.exit(0);
            if (Array.isArray(value)) console.log(value.join(" "));
            else if (typeof value === "object") console.log(Object.keys(value).join(" "));
            else console.log(String(value));' "$file" "$path" 2>&1) || fail "$file is not valid JSON: $output"
    elif command -v python3 >/dev/null 2>&1; then
        output=$(python3 -c '
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for key in sys.argv[2].split("."):
    value = value.get(key) if isinstance(value, dict) else None
if isinstance(value, dict): print(" ".join(value))
elif isinstance(value, list): print(" ".join(map(str, value)))
elif value is not None: print(value)' "$file" "$path" 2>&1) || fail "$file is not valid JSON: $output"
    else
        fail "Reading $file needs jq, node or python3 on the stack image, and none is on PATH."
    fi
    printf '%s' "$output"
}

# Prints one line per dotted path, as json_get would print each, with a single jq run when the stack has jq
# (starting a process per field costs more than the rest of a warm build's bookkeeping).
json_fields() {
    local file=$1 output path
    shift
    if command -v jq >/dev/null 2>&1; then
        output=$(jq -r '$ARGS.positional[] as $path | getpath($path | split(".")) // ""
            | if type == "object" then keys_unsorted | join(" ") elif type == "array" then map(tostring) | join(" ") else tostring end
            | gsub("\n"; " ")' "$file" --args "$@" 2>&1) ||
            fail "$file is not valid JSON: $output" "Fix the syntax (for example with 'npm pkg get' or a JSON linter) and push again."
        printf '%s\n' "$output"
        return 0
    fi
    for path in "$@"; do
        printf '%s\n' "$(json_get "$file" "$path")"
    done
}

# Downloads URL to DEST or stops the build naming what, which version and the URL that failed.
download() {
    local url=$1 dest=$2 what=$3 error
    if ! error=$(curl --fail --silent --show-error --location --retry 2 --connect-timeout 10 --max-time 900 \
        --output "$dest" "$url" 2>&1); then
        rm -f "$dest"
        fail "Could not download $what from $url" \
            "curl said: ${error##*$'\n'}" \
            "Check that this version exists for this platform, or choose a version the stack image already has."
    fi
}

# Prints the highest of the versions on stdin that satisfies RANGE; status 1 if none does, 2 if RANGE is unreadable.
max_satisfying() {
    awk -v range="$1" -f "$BUILDPACKS_LIB/semver.awk"
}

# True when VERSION satisfies RANGE.
satisfies() {
    printf '%s\n' "$2" | max_satisfying "$1" >/dev/null
}

# True when RANGE can be read as a version range.
valid_range() {
    local status=0
    printf '' | max_satisfying "$1" || status=$?
    [ "$status" -ne 2 ]
}

# The CPU name used in runtime download file names: x64 or arm64 (Node, Go and Java spell it differently).
machine_arch() {
    case $(uname -m) in
        x86_64 | amd64) echo x64 ;;
        aarch64 | arm64) echo arm64 ;;
        *) uname -m ;;
    esac
}

# Writes stdin to a .profile.d script that dynos source at start (Heroku's convention; paths there use $HOME, the
# app dir). Read with the read builtin rather than cat, one process fewer per build.
write_profile() {
    local build_dir=$1 name=$2 content=""
    [ -d "$build_dir/.profile.d" ] || mkdir -p "$build_dir/.profile.d"
    IFS= read -r -d '' content || true
    printf '%s' "$content" >"$build_dir/.profile.d/$name.sh"
}
