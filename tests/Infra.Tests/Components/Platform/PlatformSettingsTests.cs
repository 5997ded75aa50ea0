using Infra.Components;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Platforms;

public sealed class PlatformSettingsTests
{
    private static PlatformSettings Valid(string environment) => new()
    {
        Environment = environment,
        Region = "eu-west-1",
        Zones = ["eu-west-1a", "eu-west-1b"],
        NamePrefix = "acme-" + environment,
    };

    [Theory]
    [InlineData("prod", true)]
    [InlineData("dev", false)]
    [InlineData("staging", false)]
    public void Production_and_protection_default_from_the_environment_name(string environment, bool production)
    {
        var settings = Valid(environment);

        Assert.Equal(production, settings.IsProduction);
        Assert.Equal(production, settings.ProtectStatefulResources);
    }

    [Fact]
    public void Production_and_protection_can_be_set_explicitly()
    {
        var settings = Valid("live") with { IsProduction = true };
        var unprotected = Valid("prod") with { ProtectStatefulResources = false };

        Assert.True(settings.IsProduction);
        Assert.True(settings.ProtectStatefulResources);
        Assert.True(unprotected.IsProduction);
        Assert.False(unprotected.ProtectStatefulResources);
    }

    [Fact]
    public void Labels_are_ordered_by_key_whatever_order_they_were_given_in()
    {
        var settings = Valid("dev") with { Labels = new Dictionary<string, string> { ["team"] = "platform", ["cost-centre"] = "42", ["app"] = "shop" } };

        Assert.Equal(["app", "cost-centre", "team"], settings.OrderedLabels.Select(l => l.Key));
    }

    [Fact]
    public void Every_invalid_setting_is_reported_at_once()
    {
        var settings = new PlatformSettings
        {
            Environment = "Prod",
            Region = "",
            Zones = ["eu-west-1a", "eu-west-1a"],
            NamePrefix = "Acme_Prod",
            Labels = new Dictionary<string, string> { ["Team"] = "Platform" },
        };

        var error = Assert.Throws<InfraException>(settings.Validate);

        Assert.Equal(
        [
            "PlatformSettings.Environment: 'Prod' is not a valid environment name.",
            "PlatformSettings.Region: no region is given.",
            "PlatformSettings.Zones: zone 'eu-west-1a' is listed twice.",
            "PlatformSettings.NamePrefix: 'Acme_Prod' cannot prefix cloud resource names.",
            "PlatformSettings.Labels[\"Team\"]: the label Team=Platform is not accepted by every cloud.",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.Equal(["INFRA-PLATFORM-001", "INFRA-PLATFORM-002", "INFRA-PLATFORM-003", "INFRA-PLATFORM-004", "INFRA-PLATFORM-005"],
            error.Diagnostics.Select(d => d.Code));
        Assert.All(error.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Fix)));
    }

    [Fact]
    public void A_platform_refuses_invalid_settings()
    {
        var settings = Valid("dev") with { Zones = [] };

        var error = Assert.Throws<InfraException>(() => Deployment.Run(StackConfig.FromValues("infra", "dev"),
            () => _ = new Infra.Components.Platform(settings, TestPlatforms.Create(CloudKind.Aws, "dev").Cloud)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("PlatformSettings.Zones: no zones are given.", problem.Message);
        Assert.Equal("List the region's zones, e.g. [eu-west-1a, eu-west-1b, eu-west-1c].", problem.Fix);
    }

    [Fact]
    public void Settings_are_read_from_stack_config_with_camel_case_keys()
    {
        PlatformSettings? settings = null;
        var json = """
            {"environment": "prod", "region": "eu-west-1", "zones": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
             "namePrefix": "acme-prod", "labels": {"team": "platform"}, "protectStatefulResources": false}
            """;

        Deployment.Run(StackConfig.FromValues("infra", "prod", new Dictionary<string, string> { ["platform"] = json }),
            () => settings = new Config().RequireObject<PlatformSettings>("platform"));

        Assert.NotNull(settings);
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], settings.Zones);
        Assert.True(settings.IsProduction);
        Assert.False(settings.ProtectStatefulResources);
        Assert.Equal("platform", settings.Labels["team"]);
    }
}
