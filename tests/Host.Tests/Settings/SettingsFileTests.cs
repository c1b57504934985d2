using Paas.Host.Running.Settings;
using Paas.Platform;
using Paas.Platform.Dynos;

namespace Paas.Host.Tests.Settings;

public class SettingsFileTests
{
    private static PlatformSettings Parse(string yaml) => SettingsFile.Parse(yaml, "settings.yaml");

    private static string Failure(string yaml) =>
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<SettingsFileException>().Which.Message;

    [Fact]
    public void An_empty_file_gives_the_defaults()
    {
        Parse("").Should().BeEquivalentTo(PlatformSettings.Default);
        Parse("# nothing set\n").Should().BeEquivalentTo(PlatformSettings.Default);
    }

    [Fact]
    public void Keys_set_the_matching_properties_and_the_rest_keep_their_defaults()
    {
        var settings = Parse("""
            baseDomain: apps.example.com
            maxQuantity: 20
            rendering:
              ingressClassName: nginx
              tls: true
              clusterIssuer: letsencrypt
            """);

        settings.BaseDomain.Should().Be("apps.example.com");
        settings.MaxQuantity.Should().Be(20);
        settings.Rendering.IngressClassName.Should().Be("nginx");
        settings.Rendering.Tls.Should().BeTrue();
        settings.Rendering.ClusterIssuer.Should().Be("letsencrypt");
        settings.Rendering.WebPort.Should().Be(5000, "keys left out keep the record's default");
        settings.DefaultStack.Should().Be("heroku-24");
    }

    [Fact]
    public void Dyno_sizes_replace_sizes_of_the_same_name_and_add_new_ones()
    {
        var settings = Parse("""
            defaultDynoSize: tiny
            dynoSizes:
              - {name: standard-1x, memory: 768Mi, cpuRequest: 300m, cpuLimit: "1"}
              - {name: tiny, memory: 256Mi, cpuRequest: 100m, cpuLimit: 500m}
            """);

        settings.DynoSizes.Find("standard-1x").Should().Be(new DynoSize("standard-1x", "768Mi", "300m", "1"));
        settings.DynoSizes.Find("tiny").Should().Be(new DynoSize("tiny", "256Mi", "100m", "500m"));
        settings.DynoSizes.Find("performance-l").Should().NotBeNull("sizes not listed stay");
        settings.DefaultDynoSize.Should().Be("tiny");
    }

    [Fact]
    public void Build_settings_and_record_parameters_with_defaults_are_read_like_any_other_key()
    {
        var settings = Parse("""
            builds:
              registry: ghcr.io/example/paas
              timeoutSeconds: 1800
              stacks:
                heroku-22: {build: "heroku/heroku:22-build", run: "heroku/heroku:22"}
              resources: {memoryLimit: 8Gi}
            rendering:
              maintenance: {namespace: platform}
            """);

        settings.Builds.Registry.Should().Be("ghcr.io/example/paas");
        settings.Builds.TimeoutSeconds.Should().Be(1800);
        settings.Builds.Stacks.Should().ContainKey("heroku-22").WhoseValue.Run.Should().Be("heroku/heroku:22");
        settings.Builds.Resources.MemoryLimit.Should().Be("8Gi");
        settings.Builds.Resources.CpuLimit.Should().Be("2", "keys left out keep the record's default");
        settings.Rendering.Maintenance.Should().Be(new Paas.Platform.Rendering.MaintenanceService(Namespace: "platform"));
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_path_and_the_closest_known_key()
    {
        var message = Failure("""
            rendering:
              ingresClassName: nginx
            """);

        message.Should().Contain("settings.yaml").And.Contain("rendering.ingresClassName: unknown key \"ingresClassName\"")
            .And.Contain("did you mean \"ingressClassName\"").And.Contain("clusterIssuer");
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_the_value_and_what_is_expected()
    {
        var message = Failure("""
            maxQuantity: lots
            rendering:
              tls: maybe
            """);

        message.Should().Contain("2 errors")
            .And.Contain("maxQuantity: value string \"lots\" is invalid: expected a whole number")
            .And.Contain("rendering.tls: value string \"maybe\" is invalid: expected true or false");
    }

    [Fact]
    public void A_number_where_a_string_belongs_says_to_quote_it()
    {
        Failure("defaultStack: 24").Should().Contain("defaultStack: value number 24 is invalid").And.Contain("quote");
    }

    [Fact]
    public void A_dyno_size_without_all_its_fields_is_rejected_with_the_missing_key()
    {
        Failure("""
            dynoSizes:
              - {name: tiny, memory: 256Mi}
            """).Should().Contain("dynoSizes[0].cpuRequest: is missing").And.Contain("dynoSizes[0].cpuLimit: is missing");
    }

    [Fact]
    public void A_default_dyno_size_that_is_not_in_the_table_is_rejected_with_the_sizes_there_are()
    {
        Failure("defaultDynoSize: huge").Should().Contain("defaultDynoSize: value \"huge\" is invalid").And.Contain("standard-2x").And.Contain("dynoSizes");
    }

    [Fact]
    public void A_size_that_is_not_a_kubernetes_quantity_is_rejected()
    {
        Failure("""
            dynoSizes:
              - {name: tiny, memory: 256MB, cpuRequest: 100m, cpuLimit: 500m}
            """).Should().Contain("dynoSizes (tiny).memory: value \"256MB\" is invalid").And.Contain("512Mi");
    }

    [Fact]
    public void Null_for_a_setting_that_cannot_be_empty_is_rejected_but_allowed_where_the_setting_is_optional()
    {
        Failure("defaultStack: null").Should().Contain("defaultStack: value null is invalid");
        Parse("baseDomain: null").BaseDomain.Should().BeNull();
    }

    [Fact]
    public void Something_other_than_a_mapping_is_rejected()
    {
        Failure("- a\n- b\n").Should().Contain("must hold one YAML mapping").And.Contain("list");
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        Failure("rendering:\n  tls: [true\n").Should().Contain("not valid YAML at line");
    }

    [Fact]
    public void A_missing_file_names_the_path_and_the_flag()
    {
        FluentActions.Invoking(() => SettingsFile.Load("/no/such/settings.yaml")).Should().Throw<SettingsFileException>()
            .WithMessage("*/no/such/settings.yaml*--settings*");
    }

    [Fact]
    public void Dyno_cycling_is_read_with_durations_and_defaults_to_herokus_daily_cycle()
    {
        Parse("").DynoCycling.Should().Be(new DynoCyclingSettings { Enabled = true, Period = TimeSpan.FromHours(24), MaxJitter = TimeSpan.FromMinutes(216) });

        var settings = Parse("""
            dynoCycling:
              enabled: false
              period: 12h
              maxJitter: 30m
            """);

        settings.DynoCycling.Should().Be(new DynoCyclingSettings { Enabled = false, Period = TimeSpan.FromHours(12), MaxJitter = TimeSpan.FromMinutes(30) });
    }

    [Fact]
    public void Dyno_cycling_shorter_than_an_hour_or_with_a_jitter_beyond_its_period_is_rejected_with_the_fix()
    {
        Failure("dynoCycling: {period: 10m}").Should().Contain("dynoCycling.period: value 10m is invalid").And.Contain("dynoCycling.enabled: false");
        Failure("dynoCycling: {period: 2h, maxJitter: 3h}").Should().Contain("dynoCycling.maxJitter: value 3h is invalid").And.Contain("0 to dynoCycling.period (2h)");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(86401)]
    public void Source_poll_interval_outside_ten_seconds_to_a_day_is_rejected(int seconds)
    {
        Failure($"builds: {{sourcePollSeconds: {seconds}}}").Should().Contain($"builds.sourcePollSeconds: value {seconds} is invalid").And.Contain("10 to 86400");
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:20:00", 1200)]
    public void Durations_are_read_as_kubernetes_users_write_them(string text, int seconds)
    {
        DurationConverter.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(45, "45s")]
    [InlineData(0.25, "250ms")]
    [InlineData(86400, "24h")]
    [InlineData(0, "0s")]
    [InlineData(-600, "-10m")]
    public void Durations_in_messages_are_written_as_in_the_settings_file(double seconds, string text)
    {
        DurationConverter.Format(TimeSpan.FromSeconds(seconds)).Should().Be(text);
    }

    [Fact]
    public void Text_that_is_not_a_duration_is_not_read_as_one()
    {
        DurationConverter.TryParse("fifteen minutes", out _).Should().BeFalse();
    }
}
