# shellcheck shell=bash
# The slug compiler's shared steps for bin/plan and bin/build: choosing buildpacks (detection in order, or
# PAAS_BUILDPACKS), fetching third-party ones, reading release output and the Procfile, and writing JSON.

# Sets REPLY to DIR made absolute as `cd DIR && pwd` prints it, without the subshell a $(...) costs: bin/build
# is mostly bookkeeping around the buildpacks, and every process it starts shows in the build's wall time.
absolute_dir() {
    local back=$PWD
    CDPATH='' cd -- "$1" || return 1
    REPLY=$PWD
    cd -- "$back" || return 1
}

BUILDPACKS_ROOT=${BASH_SOURCE[0]%/*}
[[ ${BASH_SOURCE[0]} == */* ]] || BUILDPACKS_ROOT=.
absolute_dir "$BUILDPACKS_ROOT/.."
BUILDPACKS_ROOT=$REPLY

# Heroku's detection order for its officially supported languages, then ours: static sites, then a bare Procfile.
DETECTION_ORDER=(ruby nodejs python java php go static procfile)

runner_fail() {
    printf ' !     %s\n' "$@" >&2
    exit 1
}

# Maps heroku/<language> names to ours, so an App written for Heroku keeps its buildpack list.
local_buildpack_name() {
    case $1 in
        heroku/nodejs) echo nodejs ;;
        heroku/python) echo python ;;
        heroku/ruby) echo ruby ;;
        heroku/go) echo go ;;
        heroku/java | heroku/gradle) echo java ;;
        heroku/php) echo php ;;
        heroku-community/static | heroku/static) echo static ;;
        heroku/procfile) echo procfile ;;
        *) echo "$1" ;;
    esac
}

is_buildpack_url() {
    case $1 in
        http://* | https://* | git://* | ssh://* | file://* | git@*) return 0 ;;
        *) return 1 ;;
    esac
}

# Prints the directory of a buildpack given by name or URL, fetching a URL into WORK_DIR.
# A URL may end in #ref to clone a branch or tag; an http(s) URL ending .tgz or .tar.gz is a tarball.
resolve_buildpack() {
    local spec=$1 work_dir=$2 name url ref dest error
    name=$(local_buildpack_name "$spec")
    if [ -x "$BUILDPACKS_ROOT/$name/bin/detect" ] && [[ $name =~ ^[a-z]+$ ]]; then
        printf '%s' "$BUILDPACKS_ROOT/$name"
        return 0
    fi
    is_buildpack_url "$spec" || runner_fail \
        "Unknown buildpack '$spec' in PAAS_BUILDPACKS (the App's spec.buildpacks)." \
        "Use one of ${DETECTION_ORDER[*]}, a heroku/<language> name, or the git URL of a Heroku buildpack."
    url=${spec%%#*}
    ref=""
    [ "$url" = "$spec" ] || ref=${spec#*#}
    dest=$(mktemp -d "$work_dir/buildpack.XXXXXX")
    case $url in
        http://*.tgz | https://*.tgz | http://*.tar.gz | https://*.tar.gz)
            error=$(curl --fail --silent --show-error --location --connect-timeout 10 --max-time 300 "$url" |
                tar -xz -C "$dest" 2>&1) || runner_fail "Could not fetch buildpack $spec: ${error:-download failed}" \
                "Check the URL in PAAS_BUILDPACKS (the App's spec.buildpacks)."
            ;;
        *)
            rmdir "$dest"
            error=$(git clone --quiet --depth 1 ${ref:+--branch "$ref"} -- "$url" "$dest" 2>&1) ||
                runner_fail "Could not fetch buildpack $spec: git clone failed." "$error" \
                    "Check the URL${ref:+ and the ref $ref} in PAAS_BUILDPACKS (the App's spec.buildpacks)."
            ;;
    esac
    if [ ! -f "$dest/bin/detect" ] || [ ! -f "$dest/bin/compile" ]; then
        runner_fail "Buildpack $spec has no bin/detect and bin/compile, so it is not a Heroku buildpack."
    fi
    chmod +x "$dest"/bin/* 2>/dev/null || true
    printf '%s' "$dest"
}

# Fills SELECTED_SPECS, SELECTED_DIRS and SELECTED_NAMES (what each detect printed) for APP_DIR.
# With PAAS_BUILDPACKS every listed buildpack must detect; without it the first that detects wins.
# When none detects, prints each buildpack's own reason and exits 1.
select_buildpacks() {
    local app_dir=$1 work_dir=$2 spec dir output status list
    SELECTED_SPECS=()
    SELECTED_DIRS=()
    SELECTED_NAMES=()
    if [ -n "${PAAS_BUILDPACKS:-}" ]; then
        IFS=',' read -r -a list <<<"$PAAS_BUILDPACKS"
        for spec in "${list[@]}"; do
            spec=$(printf '%s' "$spec" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
            [ -n "$spec" ] || continue
            dir=$(resolve_buildpack "$spec" "$work_dir")
            status=0
            output=$("$dir/bin/detect" "$app_dir" 2>&1) || status=$?
            [ "$status" -eq 0 ] || runner_fail "App not compatible with buildpack: $spec" \
                "Its bin/detect said: ${output:-nothing}" \
                "Remove it from PAAS_BUILDPACKS (the App's spec.buildpacks), or add the files it looks for."
            SELECTED_SPECS+=("$spec")
            SELECTED_DIRS+=("$dir")
            SELECTED_NAMES+=("${output%%$'\n'*}")
        done
        [ "${#SELECTED_SPECS[@]}" -gt 0 ] || runner_fail "PAAS_BUILDPACKS is set but names no buildpack: '$PAAS_BUILDPACKS'."
        return 0
    fi
    local reasons=()
    for spec in "${DETECTION_ORDER[@]}"; do
        dir="$BUILDPACKS_ROOT/$spec"
        status=0
        output=$("$dir/bin/detect" "$app_dir" 2>&1) || status=$?
        if [ "$status" -eq 0 ]; then
            SELECTED_SPECS=("$spec")
            SELECTED_DIRS=("$dir")
            SELECTED_NAMES=("${output%%$'\n'*}")
            return 0
        fi
        reasons+=("$spec: ${output:-did not detect}")
    done
    runner_fail "No default language could be detected for this app." "${reasons[@]}" \
        "Add a Procfile, or name the buildpacks in the App's spec.buildpacks (PAAS_BUILDPACKS)."
}

# Reads bin/release output on stdin; prints its default_process_types as Procfile lines ("type: command").
default_process_types() {
    awk '
        /^default_process_types:/ { inside = 1; next }
        inside && /^[ \t]+[A-Za-z0-9_-]+:/ {
            line = $0
            sub(/^[ \t]+/, "", line)
            type = line; sub(/:.*$/, "", type)
            command = line; sub(/^[^:]*:[ \t]*/, "", command); sub(/[ \t]+$/, "", command)
            if (command ~ /^".*"$/) { command = substr(command, 2, length(command) - 2); gsub(/\\"/, "\"", command); gsub(/\\\\/, "\\", command) }
            else if (command ~ /^\047.*\047$/) { command = substr(command, 2, length(command) - 2); gsub(/\047\047/, "\047", command) }
            print type ": " command
            next
        }
        inside && /^[^ \t#]/ { inside = 0 }'
}

# Reads a Procfile; prints its entries as "type: command" lines, or stops with the line number and the fix
# for a line Heroku could not run, an empty command or a duplicate type (Heroku keeps the last one silently).
procfile_process_types() {
    awk '
        { sub(/\r$/, "") }
        /^[ \t]*$/ || /^[ \t]*#/ { next }
        {
            line = $0
            sub(/^[ \t]+/, "", line)
            if (line !~ /^[A-Za-z0-9_-]+:/) {
                printf "Procfile line %d: \"%s\" is not \"type: command\"; write it as, for example, \"web: node server.js\".\n", NR, $0
                bad = 1; next
            }
            type = line; sub(/:.*$/, "", type)
            command = line; sub(/^[^:]*:[ \t]*/, "", command); sub(/[ \t]+$/, "", command)
            if (command == "") { printf "Procfile line %d: process type \"%s\" has no command; add one after the colon.\n", NR, type; bad = 1; next }
            if (type in seen) { printf "Procfile line %d: process type \"%s\" is already declared on line %d; keep one of them.\n", NR, type, seen[type]; bad = 1; next }
            seen[type] = NR
            entries[++count] = type ": " command
        }
        END {
            if (bad) exit 1
            for (i = 1; i <= count; i++) print entries[i]
        }' "$1"
}

# Sets the variable named VAR to the comma-separated types of the Procfile lines given, or "(none)".
type_names() {
    local var=$1 line names=""
    shift
    for line in "$@"; do
        names+="${names:+, }${line%%:*}"
    done
    printf -v "$var" '%s' "${names:-(none)}"
}

# Prints {"buildpacks":[...],"processTypes":{...}} from the chosen buildpacks and a file of Procfile lines,
# in one awk run (escaping character by character, since gsub's backslash handling differs between awks).
plan_json() {
    local types_file=$1 IFS=$'\n'
    shift
    # The specs come first on stdin ("$*" joins them with IFS's newline), then the types file; no cat, no pipe.
    awk -v specs="$#" '
        function quote(text,    out, i, c) {
            out = ""
            for (i = 1; i <= length(text); i++) {
                c = substr(text, i, 1)
                if (c == "\\") out = out "\\\\"
                else if (c == "\"") out = out "\\\""
                else if (c == "\t") out = out "\\t"
                else if (c == "\r") out = out "\\r"
                else out = out c
            }
            return "\"" out "\""
        }
        NR <= specs { buildpacks = buildpacks (NR > 1 ? "," : "") quote($0); next }
        {
            type = $0; sub(/:.*$/, "", type)
            command = substr($0, length(type) + 3)
            types = types (types == "" ? "" : ",") quote(type) ":" quote(command)
        }
        END { printf "{\"buildpacks\":[%s],\"processTypes\":{%s}}\n", buildpacks, types }' - "$types_file" <<<"$*"
}

# Writes the process types of APP_DIR to OUT_FILE as Procfile lines: the Procfile's, then RELEASE_OUTPUT's defaults
# for types the Procfile does not name. Merged in bash rather than by more awk runs.
resolve_process_types() {
    local app_dir=$1 release_output=$2 out_file=$3 parsed line status=0
    local -a procfile_lines=() default_lines=() merged=() problems=()
    local -A named=()
    if [ -f "$app_dir/Procfile" ]; then
        parsed=$(procfile_process_types "$app_dir/Procfile") || status=$?
        if [ "$status" -ne 0 ]; then
            mapfile -t problems <<<"$parsed"
            runner_fail "${problems[@]}"
        fi
        [ -z "$parsed" ] || mapfile -t procfile_lines <<<"$parsed"
    fi
    parsed=$(default_process_types <<<"$release_output")
    [ -z "$parsed" ] || mapfile -t default_lines <<<"$parsed"
    for line in "${procfile_lines[@]}"; do
        named[${line%%:*}]=1
        merged+=("$line")
    done
    for line in "${default_lines[@]}"; do
        [ -n "${named[${line%%:*}]:-}" ] || merged+=("$line")
    done
    if [ "${#merged[@]}" -gt 0 ]; then
        printf '%s\n' "${merged[@]}" >"$out_file"
    else
        : >"$out_file"
    fi
    # Read by bin/build for the "Discovering process types" lines.
    # shellcheck disable=SC2034
    type_names PROCFILE_TYPE_NAMES "${procfile_lines[@]}"
    # shellcheck disable=SC2034
    type_names DEFAULT_TYPE_NAMES "${default_lines[@]}"
}
