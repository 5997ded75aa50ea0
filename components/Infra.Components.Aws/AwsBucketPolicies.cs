using Infra.Core.Values;

namespace Infra.Components.Aws;

/// <summary>The bucket and key policies of object storage and its CDN, each admitting one service for one purpose.</summary>
internal static class AwsBucketPolicies
{
    private const string Version = "2012-10-17";

    /// <summary>Refuses every request that does not use TLS (INF-OBJ-003).</summary>
    public static Props DenyInsecureTransport(Output<string> bucketArn) => new()
    {
        ["Sid"] = "DenyInsecureTransport",
        ["Effect"] = "Deny",
        ["Principal"] = "*",
        ["Action"] = "s3:*",
        ["Resource"] = new Input[] { bucketArn, Output.Format($"{bucketArn}/*") },
        ["Condition"] = new Props { ["Bool"] = new Props { ["aws:SecureTransport"] = "false" } },
    };

    /// <summary>A bucket policy made of <paramref name="statements"/>.</summary>
    public static Output<string> Document(params Props[] statements) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = statements.Select(s => (Input)s).ToArray(),
    });

    /// <summary>Lets one CloudFront distribution (and nothing else) read the bucket's objects through origin access control.</summary>
    public static Props CloudFrontReads(Output<string> bucketArn, Output<string> distributionArn) => new()
    {
        ["Sid"] = "CloudFrontDistributionReadsObjects",
        ["Effect"] = "Allow",
        ["Principal"] = new Props { ["Service"] = "cloudfront.amazonaws.com" },
        ["Action"] = "s3:GetObject",
        ["Resource"] = Output.Format($"{bucketArn}/*"),
        ["Condition"] = new Props { ["StringEquals"] = new Props { ["AWS:SourceArn"] = distributionArn } },
    };

    /// <summary>Lets S3 server access logging of <paramref name="sourceBucketArn"/> write into the log bucket.</summary>
    public static Props S3LoggingWrites(Output<string> logBucketArn, Output<string> sourceBucketArn, Output<string> accountId) => new()
    {
        ["Sid"] = "S3ServerAccessLogsWrite",
        ["Effect"] = "Allow",
        ["Principal"] = new Props { ["Service"] = "logging.s3.amazonaws.com" },
        ["Action"] = "s3:PutObject",
        ["Resource"] = Output.Format($"{logBucketArn}/*"),
        ["Condition"] = new Props
        {
            ["ArnLike"] = new Props { ["aws:SourceArn"] = sourceBucketArn },
            ["StringEquals"] = new Props { ["aws:SourceAccount"] = accountId },
        },
    };

    /// <summary>
    /// A bucket key policy: the account administers the key through IAM (the AWS default) and, for a bucket served
    /// through CloudFront, this account's distributions may decrypt objects (the bucket policy names the one distribution).
    /// </summary>
    public static Output<string> BucketKey(Output<string> accountId, bool cloudFrontDecrypts)
    {
        var statements = new List<Input>
        {
            new Props
            {
                ["Sid"] = "AccountAdministersKeyThroughIam",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["AWS"] = Output.Format($"arn:aws:iam::{accountId}:root") },
                ["Action"] = "kms:*",
                ["Resource"] = "*",
            },
        };
        if (cloudFrontDecrypts)
        {
            statements.Add(new Props
            {
                ["Sid"] = "CloudFrontDistributionsOfThisAccountDecrypt",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = "cloudfront.amazonaws.com" },
                ["Action"] = new[] { "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*" },
                ["Resource"] = "*",
                ["Condition"] = new Props
                {
                    ["StringLike"] = new Props { ["AWS:SourceArn"] = Output.Format($"arn:aws:cloudfront::{accountId}:distribution/*") },
                },
            });
        }

        return Output.JsonSerialize(new Props { ["Version"] = Version, ["Statement"] = statements.ToArray() });
    }
}
