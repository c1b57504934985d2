# shellcheck shell=bash
# Chooses and installs Node.js. Sourced by bin/compile after lib/buildpack.sh.

# Heroku's default line when package.json names none and the stack has no node.
NODE_DEFAULT_RANGE=22.x

# Installs node for the build and the dynos and sets NODE_VERSION; the stack's own when it satisfies engines.node, else into
# BUILD_DIR/.heroku/node from NODE_DIST_URL (default https://nodejs.org/dist), resolved like Heroku does:
# the newest release that satisfies the range.
install_node() {
    local build_dir=$1 cache_dir=$2 range npm_range stack_version dist version arch archive index versions status
    range=${PACKAGE[engines.node]:-}
    info "engines.node (package.json):  ${range:-unspecified}"
    npm_range=${PACKAGE[engines.npm]:-}
    info "engines.npm (package.json):   ${npm_range:-unspecified (use default)}"
    echo
    stack_version=""
    if command -v node >/dev/null 2>&1; then
        stack_version=$(node --version)
        stack_version=${stack_version#v}
    fi
    if [ -z "$range" ]; then
        range=${stack_version:-$NODE_DEFAULT_RANGE}
    fi
    info "Resolving node version $range..."
    # One awk run both checks the range (status 2: unreadable) and matches the stack's node against it.
    status=0
    if [ -n "$stack_version" ]; then
        max_satisfying "$range" <<<"$stack_version" >/dev/null || status=$?
    else
        max_satisfying "$range" </dev/null >/dev/null || status=$?
    fi
    [ "$status" -ne 2 ] || fail "engines.node in package.json is '$range', which is not a version range." \
        "Use a semver range such as \"20.x\" or \">=20 <23\"."
    if [ -n "$stack_version" ] && [ "$status" -eq 0 ]; then
        info "Using node $stack_version from the stack image"
        NODE_VERSION=$stack_version
        return 0
    fi
    dist=${NODE_DIST_URL:-https://nodejs.org/dist}
    index="$dist/index.json"
    mkdir -p "$cache_dir/node/dist"
    download "$index" "$cache_dir/node/dist/index.json" "the Node.js release list (to resolve node $range)"
    versions=$(grep -o '"version":"v[0-9.]*"' "$cache_dir/node/dist/index.json" | sed 's/.*"v//; s/"$//')
    status=0
    version=$(printf '%s\n' "$versions" | max_satisfying "$range") || status=$?
    [ "$status" -eq 0 ] || fail "No Node.js release satisfies engines.node '$range' (release list: $index)." \
        "Choose a range that includes a released version, such as \"20.x\"."
    arch=$(machine_arch)
    archive="node-v$version-linux-$arch.tar.xz"
    info "Downloading and installing node $version..."
    if [ ! -f "$cache_dir/node/dist/$archive" ]; then
        download "$dist/v$version/$archive" "$cache_dir/node/dist/$archive" "node $version"
    fi
    rm -rf "$build_dir/.heroku/node"
    mkdir -p "$build_dir/.heroku/node"
    tar -xJf "$cache_dir/node/dist/$archive" -C "$build_dir/.heroku/node" --strip-components 1
    export PATH="$build_dir/.heroku/node/bin:$PATH"
    NODE_VERSION=$(node --version | sed 's/^v//')
    info "Using node $NODE_VERSION"
}
