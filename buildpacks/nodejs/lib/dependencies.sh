# shellcheck shell=bash
# Installs, caches and prunes node_modules with npm, yarn or pnpm. Sourced by bin/compile after lib/buildpack.sh.

# Where in CACHE_DIR the node_modules of the last install are kept, with node/signature naming their inputs.
NODE_MODULES_ARCHIVE=node/node_modules.tar

# Sets PACKAGE_MANAGER to npm, yarn or pnpm, chosen by the lockfile as Heroku does (yarn.lock, pnpm-lock.yaml,
# else npm). These helpers set variables instead of printing, since every $(...) costs a process and a warm build
# is mostly such bookkeeping.
# shellcheck disable=SC2034 # read by bin/compile
choose_package_manager() {
    if [ -f "$1/yarn.lock" ]; then
        PACKAGE_MANAGER=yarn
    elif [ -f "$1/pnpm-lock.yaml" ]; then
        PACKAGE_MANAGER=pnpm
    else
        PACKAGE_MANAGER=npm
    fi
}

# Sets LOCKFILE to the name of BUILD_DIR's lockfile for MANAGER, empty when there is none.
find_lockfile() {
    local build_dir=$1 manager=$2 name
    LOCKFILE=""
    case $manager in
        yarn) set -- yarn.lock ;;
        pnpm) set -- pnpm-lock.yaml ;;
        *) set -- package-lock.json npm-shrinkwrap.json ;;
    esac
    for name in "$@"; do
        if [ -f "$build_dir/$name" ]; then
            LOCKFILE=$name
            return 0
        fi
    done
}

# yarn and pnpm come from the stack, else from Corepack (shipped with node), pinned by package.json's packageManager.
prepare_package_manager() {
    local build_dir=$1 manager=$2
    find_lockfile "$build_dir" "$manager"
    info "Using $manager (${LOCKFILE:-no lockfile})"
    [ "$manager" != npm ] || { info "npm $(npm_version)"; return 0; }
    if ! command -v "$manager" >/dev/null 2>&1; then
        command -v corepack >/dev/null 2>&1 || fail "$manager is not on the stack image and this node has no Corepack." \
            "Use a node version with Corepack (16.9 or later), or commit package-lock.json and use npm."
        mkdir -p "$build_dir/.heroku/corepack"
        corepack enable --install-directory "$build_dir/.heroku/corepack" "$manager" 2>&1 | indent
        export PATH="$build_dir/.heroku/corepack:$PATH"
    fi
    info "$manager $("$manager" --version)"
}

# Reads npm's version from its package.json: starting npm just to ask costs most of a second. The top-level
# "version" line is matched in bash; jq or npm itself answer only when the manifest is laid out otherwise.
npm_version() {
    local cli="" manifest line
    if hash npm 2>/dev/null; then
        cli=$(readlink -f "${BASH_CMDS[npm]}")
    fi
    manifest="${cli%/*}/../package.json"
    if [ -z "$cli" ] || [ ! -f "$manifest" ]; then
        npm --version
        return 0
    fi
    while IFS= read -r line; do
        if [[ $line =~ ^\ \ \"version\":\ *\"([^\"]+)\" ]]; then
            printf '%s\n' "${BASH_REMATCH[1]}"
            return 0
        fi
    done <"$manifest"
    json_get "$manifest" version
}

# Sets DEPENDENCY_SIGNATURE, one line naming what the cached node_modules were built from (node, package manager,
# stack, and the checksums of package.json and the lockfile); a cache is used only for the same inputs.
dependency_signature() {
    local build_dir=$1 manager=$2 sums
    sums=$(cd "$build_dir" && cksum package.json ${LOCKFILE:+"$LOCKFILE"})
    DEPENDENCY_SIGNATURE="node $NODE_VERSION; $manager ${STACK:-}; ${sums//$'\n'/; }"
}

run_script_if_present() {
    local build_dir=$1 name=$2
    [ -n "${PACKAGE[scripts.$name]:-}" ] || return 0
    info "Running $name"
    (cd "$build_dir" && npm run "$name" 2>&1) | indent || fail "npm run $name failed (exit ${PIPESTATUS[0]}); its output is above." \
        "Fix the \"$name\" script in package.json, or run it locally with: npm run $name"
}

# A lockfile build whose inputs match the cache's reuses the cached node_modules as they are; a build without a
# lockfile starts from them and lets the package manager bring them up to date.
install_dependencies() {
    local build_dir=$1 cache_dir=$2 manager=$3 lockfile status cached_signature=""
    local archive="$cache_dir/$NODE_MODULES_ARCHIVE"
    # Looked up again: a heroku-prebuild script may have written the lockfile.
    find_lockfile "$build_dir" "$manager"
    lockfile=$LOCKFILE
    # Taken before installing: npm install writes a lockfile, which must not change what the next build compares.
    dependency_signature "$build_dir" "$manager"
    export npm_config_cache="$cache_dir/node/npm-cache"
    export YARN_CACHE_FOLDER="$cache_dir/node/yarn-cache"
    export PNPM_HOME="$cache_dir/node/pnpm-home"
    if [ -f "$archive" ] && [ ! -d "$build_dir/node_modules" ]; then
        if [ -f "$cache_dir/node/signature" ]; then
            IFS= read -r cached_signature <"$cache_dir/node/signature" || true
        fi
        if [ "$cached_signature" = "$DEPENDENCY_SIGNATURE" ]; then
            if [ -n "$lockfile" ]; then
                info "Restoring node_modules from the cache ($lockfile, package.json and node unchanged)"
                if restore_node_modules "$archive" "$build_dir"; then
                    NODE_MODULES_FROM_CACHE=true
                    return 0
                fi
            else
                info "Restoring node_modules from the cache"
                restore_node_modules "$archive" "$build_dir" || true
            fi
        else
            info "Cached node_modules not restored: node, $manager, package.json or the lockfile changed"
        fi
    fi
    if [ -d "$build_dir/node_modules" ] && [ -n "$lockfile" ]; then
        info "node_modules is checked in; it is replaced by a clean install from $lockfile"
    fi
    info "Installing node modules${lockfile:+ ($lockfile)}"
    status=0
    case "$manager:${lockfile:+locked}" in
        npm:locked) (cd "$build_dir" && npm ci --include=dev --prefer-offline --no-audit --no-fund 2>&1) | indent || status=$? ;;
        npm:) (cd "$build_dir" && npm install --include=dev --prefer-offline --no-audit --no-fund 2>&1) | indent || status=$? ;;
        yarn:*) (cd "$build_dir" && yarn_install "$lockfile" 2>&1) | indent || status=$? ;;
        pnpm:*) (cd "$build_dir" && pnpm install ${lockfile:+--frozen-lockfile} --prod=false 2>&1) | indent || status=$? ;;
    esac
    [ "$status" -eq 0 ] || fail "$manager could not install the dependencies (exit $status); its output is above." \
        "Check that ${lockfile:-package.json} is committed and up to date: run '$manager install' locally and commit the lockfile."
}

yarn_install() {
    if yarn --version | grep -q '^1\.'; then
        yarn install ${1:+--frozen-lockfile} --production=false --non-interactive
    else
        yarn install ${1:+--immutable}
    fi
}

# Extracts the cached node_modules into BUILD_DIR; on an unreadable archive removes what it extracted, says so
# and returns 1, so that the build installs afresh instead of failing.
restore_node_modules() {
    local archive=$1 build_dir=$2 error
    # -p keeps the archived modes whatever the umask, as cp -a would.
    if error=$(tar -xpf "$archive" -C "$build_dir" 2>&1); then
        return 0
    fi
    rm -rf "$build_dir/node_modules"
    warning "The cached node_modules could not be read (${error%%$'\n'*}); installing them afresh."
    return 1
}

# Saves node_modules as one uncompressed tar file in the cache. Writing one file costs a fraction of creating each
# of node_modules' files a second time, which a copy does (most of a cold build's time after npm ci), and the
# archive shares nothing with the slug, as hard links would: an app writing into its node_modules cannot change
# what the next build restores. It works the same when the cache is on another filesystem (a Kaniko volume).
save_cache() {
    local build_dir=$1 cache_dir=$2 manager=$3 error=""
    local archive="$cache_dir/$NODE_MODULES_ARCHIVE"
    if [ "${NODE_MODULES_FROM_CACHE:-false}" = true ]; then
        info "node_modules unchanged since the cached copy"
        return 0
    fi
    # The signature goes first and is written last, so that an archive is only ever used with the signature of the
    # build that wrote it, even when a build stops halfway. The folder is where builds before the archive kept
    # their copy. Tested first: on a first build there is nothing to remove and no need to start rm.
    if [ -e "$cache_dir/node/signature" ] || [ -e "$archive" ] || [ -e "$cache_dir/node/node_modules" ]; then
        rm -rf "$cache_dir/node/signature" "$archive" "$cache_dir/node/node_modules"
    fi
    if [ ! -d "$build_dir/node_modules" ]; then
        info "No node_modules to cache"
        return 0
    fi
    [ -d "$cache_dir/node" ] || mkdir -p "$cache_dir/node"
    if ! error=$(tar -cf "$archive" -C "$build_dir" node_modules 2>&1); then
        rm -f "$archive"
        warning "node_modules could not be cached (${error%%$'\n'*}); the next build installs them again."
        return 0
    fi
    printf '%s\n' "$DEPENDENCY_SIGNATURE" >"$cache_dir/node/signature"
    info "Cached node_modules and the $manager cache"
}

# devDependencies go unless the app asks to keep them (NPM_CONFIG_PRODUCTION=false or NODE_ENV other than production).
prune_dev_dependencies() {
    local build_dir=$1 manager=$2
    if [ -z "${PACKAGE[devDependencies]:-}" ]; then
        info "No devDependencies to prune"
        return 0
    fi
    if [ "${NPM_CONFIG_PRODUCTION:-true}" = false ] || [ "$NODE_ENV" != production ]; then
        info "Keeping devDependencies (NPM_CONFIG_PRODUCTION=${NPM_CONFIG_PRODUCTION:-unset}, NODE_ENV=$NODE_ENV)"
        return 0
    fi
    case $manager in
        npm) (cd "$build_dir" && npm prune --omit=dev --no-audit --no-fund 2>&1) | indent ;;
        yarn) if yarn --version | grep -q '^1\.'; then
                  (cd "$build_dir" && yarn install --frozen-lockfile --production=true --non-interactive 2>&1) | indent
              else
                  info "Yarn $(yarn --version) keeps devDependencies (pruning needs the workspace-tools plugin)"
              fi ;;
        pnpm) (cd "$build_dir" && pnpm prune --prod 2>&1) | indent ;;
    esac
}
