namespace Paas.Platform.Builds;

/// <summary>The two images of a stack: one with compilers and headers to build on, a smaller one the slug runs on.</summary>
/// <param name="Build">Where buildpacks compile, e.g. heroku/heroku:24-build.</param>
/// <param name="Run">What dynos run, with the slug at /app, e.g. heroku/heroku:24.</param>
public sealed record StackImages(string Build, string Run);
