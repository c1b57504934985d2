using Paas.Platform.Builds;

namespace Paas.Platform.Tests.Builds;

public sealed class ImageNameTests
{
    [Theory]
    [InlineData("nginx", "nginx", ImageName.DockerHub, "library/nginx", "latest", null)]
    [InlineData("nginx:1.27", "nginx", ImageName.DockerHub, "library/nginx", "1.27", null)]
    [InlineData("bitnami/redis:7", "bitnami/redis", ImageName.DockerHub, "bitnami/redis", "7", null)]
    [InlineData("docker.io/nginx:1", "docker.io/nginx", ImageName.DockerHub, "library/nginx", "1", null)]
    [InlineData("ghcr.io/team/app:v2", "ghcr.io/team/app", "ghcr.io", "team/app", "v2", null)]
    [InlineData("127.0.0.1:5000/team/web:1.4", "127.0.0.1:5000/team/web", "127.0.0.1:5000", "team/web", "1.4", null)]
    [InlineData("localhost/app", "localhost/app", "localhost", "app", "latest", null)]
    [InlineData("ghcr.io/team/app@sha256:abc", "ghcr.io/team/app", "ghcr.io", "team/app", null, "sha256:abc")]
    [InlineData("ghcr.io/team/app:v2@sha256:abc", "ghcr.io/team/app", "ghcr.io", "team/app", "v2", "sha256:abc")]
    public void References_split_as_docker_pull_reads_them(string reference, string written, string registry, string repository, string? tag, string? digest) =>
        ImageName.Parse(reference).Should().Be(new ImageName(written, registry, repository, tag, digest));
}
