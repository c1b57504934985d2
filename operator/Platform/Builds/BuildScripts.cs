namespace Paas.Platform.Builds;

/// <summary>
/// The POSIX shell scripts of the source and plan steps. User input (URL, ref, checksum, Dockerfile) reaches them only
/// through environment variables, never spliced into the script text, so no value can change what the script runs.
/// A step writes its result to <c>/dev/termination-log</c>; a failing step writes nothing there, so the kubelet's
/// <c>FallbackToLogsOnError</c> puts the tail of its log in the message instead, which the Build status quotes.
/// </summary>
public static class BuildScripts
{
    /// <summary>Where every step sees the pod's shared scratch volume.</summary>
    public const string Workspace = "/workspace";

    /// <summary>The builder's context: Dockerfile, source/, env/ and buildpacks/.</summary>
    public const string Context = Workspace + "/context";

    /// <summary>Where the plan step sees the App's config snapshot Secret, one file per config var.</summary>
    public const string ConfigMount = "/paas/config";

    /// <summary>Clones <c>$GIT_URL</c> at <c>$GIT_REF</c> (else the default branch), keeps only <c>$GIT_PATH</c> when set, and reports the full commit SHA.</summary>
    public const string GitSource = """
        set -eu
        src=/workspace/context/source
        ref="${GIT_REF:-HEAD}"
        git init -q "$src"
        cd "$src"
        git remote add origin "$GIT_URL"
        echo "-----> Fetching $GIT_URL at $ref"
        if git fetch -q --depth 1 origin "$ref"; then
          git checkout -q --detach FETCH_HEAD
        else
          echo "       $ref is not a branch or tag the server serves shallowly; fetching the whole history"
          git fetch -q origin '+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*'
          git checkout -q --detach "$ref" 2>/dev/null || git checkout -q --detach "origin/$ref" 2>/dev/null || {
            echo "ref $ref was not found in $GIT_URL; set spec.source.git.ref to a branch, tag or commit that exists" >&2
            exit 1
          }
        fi
        commit=$(git rev-parse HEAD)
        rm -rf .git
        echo "       Commit $commit"
        if [ -n "${GIT_PATH:-}" ]; then
          if [ ! -d "$src/$GIT_PATH" ]; then
            echo "folder $GIT_PATH does not exist in $GIT_URL at $commit; set spec.source.git.path to the app's folder or omit it" >&2
            exit 1
          fi
          echo "       Building the folder $GIT_PATH"
          mv "$src" /workspace/checkout
          mv "/workspace/checkout/$GIT_PATH" "$src"
          rm -rf /workspace/checkout
        fi
        printf '%s' "$commit" > /dev/termination-log
        """;

    /// <summary>Downloads <c>$ARCHIVE_URL</c>, checks it against <c>$ARCHIVE_SHA256</c> and unpacks it; a single top-level folder is unwrapped.</summary>
    public const string ArchiveSource = """
        set -eu
        src=/workspace/context/source
        download=/workspace/download
        mkdir -p "$download/tree"
        echo "-----> Downloading $ARCHIVE_URL"
        curl -fsSL --retry 3 -o "$download/source.tar.gz" "$ARCHIVE_URL" || {
          echo "downloading $ARCHIVE_URL failed; check that spec.source.archive.url is reachable from the cluster" >&2
          exit 1
        }
        expected=$(printf '%s' "$ARCHIVE_SHA256" | tr 'A-F' 'a-f')
        actual=$(sha256sum "$download/source.tar.gz" | cut -d ' ' -f 1)
        if [ "$actual" != "$expected" ]; then
          message="sha256 of $ARCHIVE_URL does not match: expected $expected, actual $actual; fix spec.source.archive.sha256 or the URL"
          echo "$message" >&2
          printf '%s' "$message" > /dev/termination-log
          exit 1
        fi
        tar -xzf "$download/source.tar.gz" -C "$download/tree" || {
          echo "$ARCHIVE_URL is not a gzipped tarball; spec.source.archive.url must point at a .tar.gz" >&2
          exit 1
        }
        top=$(ls -A "$download/tree")
        if [ "$(printf '%s\n' "$top" | wc -l)" -eq 1 ] && [ -d "$download/tree/$top" ]; then
          mv "$download/tree/$top" "$src"
        else
          mv "$download/tree" "$src"
        fi
        rm -rf "$download"
        echo "       sha256 $actual"
        """;

    /// <summary>Runs bin/plan on the source, then writes the builder's context; the plan JSON is the step's result.</summary>
    public const string Plan = """
        set -eu
        context=/workspace/context
        echo "-----> Detecting buildpacks"
        if ! /paas/buildpacks/bin/plan "$context/source" > /workspace/plan.json; then
          cat /workspace/plan.json >&2
          exit 1
        fi
        cat /workspace/plan.json
        mkdir -p "$context/env"
        for var in /paas/config/*; do
          if [ -f "$var" ]; then cp -L "$var" "$context/env/"; fi
        done
        cp -R /paas/buildpacks "$context/buildpacks"
        printf '%s\n' "$PAAS_DOCKERFILE" > "$context/Dockerfile"
        cat /workspace/plan.json > /dev/termination-log
        """;
}
