using System.Text.Json.Nodes;
using Kube.Client;

namespace Paas.Webhook.Tests.Support;

/// <summary>The paas.dev objects the tests send, as YAML a user would write, read into JSON.</summary>
internal static class Manifests
{
    public const string Digest = "sha256:0f3c1a8e0e5b6d7c8b9a0f1e2d3c4b5a69788766554433221100ffeeddccbbaa";

    public const string GoodApp = """
        apiVersion: paas.dev/v1alpha1
        kind: App
        metadata: {name: shop, namespace: team-a}
        spec:
          stack: heroku-24
          config: {DATABASE_URL: "postgres://db/shop", RAILS_ENV: production}
          domains: [shop.example.com]
          procfile: |
            web: bundle exec puma -C config/puma.rb
            worker: bundle exec sidekiq
        """;

    /// <summary>Three independent mistakes: a config key with a dash, an uppercase domain and an empty domain label.</summary>
    public const string BadApp = """
        apiVersion: paas.dev/v1alpha1
        kind: App
        metadata: {name: shop, namespace: team-a}
        spec:
          config: {MY-KEY: "1"}
          domains: [Shop.Example.com, "www..example.com"]
        """;

    public const string GoodBuild = """
        apiVersion: paas.dev/v1alpha1
        kind: Build
        metadata: {name: shop-build-1, namespace: team-a}
        spec:
          app: shop
          source:
            git: {url: "https://github.com/heroku/ruby-getting-started.git", ref: main}
        """;

    public const string GoodRelease = $$"""
        apiVersion: paas.dev/v1alpha1
        kind: Release
        metadata: {name: shop-v1, namespace: team-a}
        spec:
          app: shop
          version: 1
          image: "registry.example.com/team-a/shop@{{Digest}}"
          processTypes: {web: "bundle exec puma", worker: "bundle exec sidekiq"}
          description: Deploy 1a2b3c4
        """;

    public const string GoodFormation = """
        apiVersion: paas.dev/v1alpha1
        kind: Formation
        metadata: {name: shop, namespace: team-a}
        spec:
          app: shop
          processes:
            web: {quantity: 2, size: standard-2x}
            worker: {quantity: 1, size: standard-1x}
        """;

    public static JsonObject Read(string yaml) => ManifestYaml.Parse(yaml, "test.yaml").Single();

    /// <summary>A copy of <paramref name="obj"/> changed by <paramref name="change"/>.</summary>
    public static JsonObject With(this JsonObject obj, Action<JsonObject> change)
    {
        var copy = obj.DeepClone().AsObject();
        change(copy);
        return copy;
    }
}
