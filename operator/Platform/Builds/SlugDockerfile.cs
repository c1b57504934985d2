using System.Globalization;

namespace Paas.Platform.Builds;

/// <summary>
/// The Dockerfile a builder runs on the prepared context: a build stage on the stack's build image where
/// <c>buildpacks/bin/build</c> compiles the source into a slug at <c>/app</c> with the config vars as ENV_DIR, and a
/// final stage that copies only the slug onto the stack's run image, as Heroku runs slugs on the runtime stack.
/// </summary>
/// <remarks>
/// The config vars are in the build stage only: a multi-stage build leaves them out of the pushed image, and the layer
/// cache stores the output of RUN steps, which writes only the slug and the buildpacks' cache.
/// </remarks>
public static class SlugDockerfile
{
    /// <summary>The build argument carrying the buildpacks, comma-separated; empty means detect.</summary>
    public const string BuildpacksArgument = "PAAS_BUILDPACKS";

    public static string Render(StackImages stack, long runAsUser)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return string.Create(CultureInfo.InvariantCulture, $"""
            FROM {stack.Build} AS build
            ARG {BuildpacksArgument}=
            COPY buildpacks /paas/buildpacks
            COPY env /paas/env
            COPY source /workspace/source
            RUN mkdir -p /paas/cache /app && PAAS_CACHE_DIR=/paas/cache PAAS_ENV_DIR=/paas/env PAAS_BUILDPACKS="${BuildpacksArgument}" /paas/buildpacks/bin/build /workspace/source /app

            FROM {stack.Run}
            COPY --from=build --chown={runAsUser}:{runAsUser} /app /app
            ENV HOME=/app
            WORKDIR /app
            USER {runAsUser}
            """);
    }
}
