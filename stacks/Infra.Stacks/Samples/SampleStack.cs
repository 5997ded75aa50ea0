using Infra.Core;
using Infra.Core.Values;
using Infra.Stacks.Platform;

namespace Infra.Stacks.Samples;

/// <summary>
/// The smallest stack that shows the programming model end to end: a generated password, a bucket and a
/// Kubernetes namespace, a secret config value passed by reference, and outputs that reference resources.
/// </summary>
public sealed class SampleStack : Stack
{
    public SampleStack()
    {
        var config = new Config();
        var app = config.Require("appName");
        var databasePassword = config.RequireSecret("databasePassword");
        var region = new Config("aws").Require("region");

        _ = new ProviderResource("aws", "aws", new Props { ["region"] = region },
            new CustomResourceOptions { Version = ProviderPins.Aws }, isDefault: true);

        var apiKey = new CustomResource("random:index/randomPassword:RandomPassword", $"{app}-api-key",
            new Props { ["length"] = 32, ["special"] = false },
            new CustomResourceOptions { Version = ProviderPins.Random });

        var bucket = new CustomResource("aws:s3/bucket:Bucket", $"{app}-assets", new Props
        {
            ["bucketPrefix"] = $"{app}-assets-",
            ["tags"] = new Props { ["app"] = app, ["stack"] = Deployment.StackName },
        }, new CustomResourceOptions { Protect = true });

        // A bucket is private, encrypted with a rotated key and versioned, or the policy gate stops synthesis.
        var key = new CustomResource("aws:kms/key:Key", $"{app}-assets-key", new Props
        {
            ["description"] = $"Encrypts the {app} assets bucket",
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = 30,
        }, new CustomResourceOptions { Protect = true });
        _ = new CustomResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", $"{app}-assets-public-access", new Props
        {
            ["bucket"] = bucket.Id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });
        _ = new CustomResource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", $"{app}-assets-encryption", new Props
        {
            ["bucket"] = bucket.Id,
            ["rules"] = Input.List(new Props
            {
                ["applyServerSideEncryptionByDefault"] = new Props { ["sseAlgorithm"] = "aws:kms", ["kmsMasterKeyId"] = key.GetOutput<string>("arn") },
                ["bucketKeyEnabled"] = true,
            }),
        });
        _ = new CustomResource("aws:s3/bucketVersioning:BucketVersioning", $"{app}-assets-versioning", new Props
        {
            ["bucket"] = bucket.Id,
            ["versioningConfiguration"] = new Props { ["status"] = "Enabled" },
        });

        var namespaceName = app;
        var ns = new CustomResource("kubernetes:core/v1:Namespace", app, new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = namespaceName,
                ["labels"] = new Props { ["pod-security.kubernetes.io/enforce"] = "restricted" },
            },
        }, new CustomResourceOptions { Version = ProviderPins.Kubernetes });

        _ = new CustomResource("kubernetes:core/v1:Secret", $"{app}-credentials", new Props
        {
            ["metadata"] = new Props { ["name"] = $"{app}-credentials", ["namespace"] = ns.GetOutput<string>("metadata.name") },
            ["stringData"] = new Props
            {
                ["DATABASE_PASSWORD"] = databasePassword,
                ["API_KEY"] = apiKey.GetOutput<string>("result"),
                ["ASSETS_URL"] = Output.Format($"https://{bucket.GetOutput<string>("bucketRegionalDomainName")}/"),
            },
        }, new CustomResourceOptions { Version = ProviderPins.Kubernetes });

        BucketArn = bucket.GetOutput<string>("arn");
        ApiKey = Output.CreateSecret<string>(apiKey.GetOutput<string>("result"));
    }

    [Output("bucketArn")]
    public Output<string> BucketArn { get; }

    [Output("apiKey")]
    public Output<string> ApiKey { get; }
}
