using Infra.Components.Edge;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>AWS managed rule groups the CDN's web ACL applies, in priority order.</summary>
    internal static readonly string[] WafManagedRuleGroups =
        ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"];

    /// <summary>
    /// A WAFv2 web ACL for CloudFront (scope CLOUDFRONT, hence in us-east-1): AWS's common, known-bad-inputs and
    /// IP-reputation rule groups, and a per-address rate limit. Requests matching none are allowed.
    /// </summary>
    private CustomResource WebAcl(Cdn cdn)
    {
        var name = cdn.CloudResourceName("waf");
        var rules = new List<Input>();
        for (var i = 0; i < WafManagedRuleGroups.Length; i++)
        {
            rules.Add(new Props
            {
                ["name"] = WafManagedRuleGroups[i],
                ["priority"] = i + 1,
                ["overrideAction"] = new Props { ["none"] = new Props() },
                ["statement"] = new Props
                {
                    ["managedRuleGroupStatement"] = new Props { ["vendorName"] = "AWS", ["name"] = WafManagedRuleGroups[i] },
                },
                ["visibilityConfig"] = Visibility($"{name}-{WafManagedRuleGroups[i]}"),
            });
        }

        rules.Add(new Props
        {
            ["name"] = "rate-limit-per-address",
            ["priority"] = WafManagedRuleGroups.Length + 1,
            ["action"] = new Props { ["block"] = new Props() },
            ["statement"] = new Props
            {
                ["rateBasedStatement"] = new Props { ["limit"] = WafRateLimitPer5Minutes, ["aggregateKeyType"] = "IP" },
            },
            ["visibilityConfig"] = Visibility($"{name}-rate-limit"),
        });

        return new CustomResource("aws:wafv2/webAcl:WebAcl", cdn.ChildResourceName("waf"), new Props
        {
            ["name"] = name,
            ["description"] = $"Web application firewall of CloudFront {cdn.CloudResourceName()}",
            ["scope"] = "CLOUDFRONT",
            ["defaultAction"] = new Props { ["allow"] = new Props() },
            ["rules"] = rules.ToArray(),
            ["visibilityConfig"] = Visibility(name),
            ["tags"] = NameTag(name),
        }, EdgeOptions(cdn));
    }

    private static Props Visibility(string metricName) => new()
    {
        ["cloudwatchMetricsEnabled"] = true,
        ["metricName"] = metricName,
        ["sampledRequestsEnabled"] = true,
    };
}
