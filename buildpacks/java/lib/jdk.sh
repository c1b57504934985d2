# shellcheck shell=bash
# Chooses and installs the JDK. Sourced by bin/compile after lib/buildpack.sh.

# The major version the app asks for in system.properties (java.runtime.version=17; 1.8 means 8), or nothing.
requested_java_major() {
    local file="$1/system.properties" value
    [ -f "$file" ] || return 0
    value=$(sed -nE 's/^[[:space:]]*java\.runtime\.version[[:space:]]*=[[:space:]]*([^[:space:]]+).*/\1/p' "$file" | head -n 1)
    value=${value#1.}
    printf '%s' "${value%%.*}"
}

# Uses the stack's JDK when its major version is the one asked for, else installs Eclipse Temurin from the
# Adoptium API into BUILD_DIR/.jdk, where the dynos find it too.
install_jdk() {
    local build_dir=$1 cache_dir=$2 major stack_major url archive
    major=$(requested_java_major "$build_dir")
    stack_major=""
    if command -v java >/dev/null 2>&1; then
        stack_major=$(java -XshowSettings:properties -version 2>&1 | sed -nE 's/^[[:space:]]*java\.specification\.version = (1\.)?([0-9]+).*/\2/p')
    fi
    if [ -z "$major" ]; then
        major=${stack_major:-21}
        topic "Installing OpenJDK $major (java.runtime.version is not set in system.properties)"
    else
        topic "Installing OpenJDK $major (java.runtime.version in system.properties)"
    fi
    [[ $major =~ ^[0-9]+$ ]] || fail "system.properties sets java.runtime.version to '$major'; use a major version such as 17 or 21."
    if [ "$stack_major" = "$major" ]; then
        info "Using the stack image's JDK $(java -version 2>&1 | head -n 1)"
        return 0
    fi
    url="https://api.adoptium.net/v3/binary/latest/$major/ga/linux/$(machine_arch)/jdk/hotspot/normal/eclipse"
    archive="$cache_dir/java/temurin-$major-linux-$(machine_arch).tar.gz"
    mkdir -p "$cache_dir/java" "$build_dir/.jdk"
    [ -f "$archive" ] || download "$url" "$archive" "OpenJDK $major (Eclipse Temurin)"
    tar -xzf "$archive" -C "$build_dir/.jdk" --strip-components 1
    export JAVA_HOME="$build_dir/.jdk" PATH="$build_dir/.jdk/bin:$PATH"
}
