using Infra.Core.Values;

namespace Infra.Components.Aws;

/// <summary>The IAM and key policy documents the AWS realisation writes, each as narrow as the service allows.</summary>
internal static class AwsPolicies
{
    private const string Version = "2012-10-17";

    /// <summary>A trust policy that lets one AWS service assume the role.</summary>
    public static Output<string> ServiceTrust(string service, params string[] actions) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = new Input[]
        {
            new Props
            {
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = service },
                ["Action"] = actions.Length == 0 ? new[] { "sts:AssumeRole" } : actions,
            },
        },
    });

    /// <summary>
    /// A key policy: the account administers the key through IAM (the AWS default), and CloudWatch Logs of
    /// this region may use it for this account's log groups only.
    /// </summary>
    public static Output<string> KeyForLogs(Output<string> accountId, string region) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = new Input[]
        {
            new Props
            {
                ["Sid"] = "AccountAdministersKeyThroughIam",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["AWS"] = Output.Format($"arn:aws:iam::{accountId}:root") },
                ["Action"] = "kms:*",
                ["Resource"] = "*",
            },
            new Props
            {
                ["Sid"] = "CloudWatchLogsEncryptsThisAccountsLogGroups",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = $"logs.{region}.amazonaws.com" },
                ["Action"] = new[] { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" },
                ["Resource"] = "*",
                ["Condition"] = new Props
                {
                    ["ArnLike"] = new Props
                    {
                        ["kms:EncryptionContext:aws:logs:arn"] = Output.Format($"arn:aws:logs:{region}:{accountId}:log-group:*"),
                    },
                },
            },
        },
    });

    /// <summary>Allows writing to one log group (and its streams) only.</summary>
    public static Output<string> WriteToLogGroup(Output<string> logGroupArn) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = new Input[]
        {
            new Props
            {
                ["Effect"] = "Allow",
                ["Action"] = new[] { "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams" },
                ["Resource"] = new Input[] { logGroupArn, Output.Format($"{logGroupArn}:*") },
            },
        },
    });

    /// <summary>What EKS needs to envelope-encrypt secrets with one key.</summary>
    public static Output<string> UseKeyForSecrets(Output<string> keyArn) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = new Input[]
        {
            new Props
            {
                ["Effect"] = "Allow",
                ["Action"] = new[] { "kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey" },
                ["Resource"] = keyArn,
            },
        },
    });

    /// <summary>
    /// The trust policy of a role for EKS Pod Identity: the EKS Auth service may assume it (and tag the session with
    /// the pod's cluster, namespace and service account) for this account's clusters only; which pod gets it is the
    /// Pod Identity association's business.
    /// </summary>
    public static Output<string> PodIdentityTrust(Output<string> accountId) => Output.JsonSerialize(new Props
    {
        ["Version"] = Version,
        ["Statement"] = new Input[]
        {
            new Props
            {
                ["Sid"] = "EksPodIdentity",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = "pods.eks.amazonaws.com" },
                ["Action"] = new[] { "sts:AssumeRole", "sts:TagSession" },
                ["Condition"] = new Props { ["StringEquals"] = new Props { ["aws:SourceAccount"] = accountId } },
            },
        },
    });

    /// <summary>
    /// Creating objects under one prefix of one bucket, and nothing else: s3:PutObject alone also covers multipart
    /// uploads; no read, list or delete. With a bucket key of its own the writer may have S3 (only S3, in the bucket's
    /// region, for this bucket) generate data keys, and decrypt them, which S3 needs for the parts of a multipart upload.
    /// </summary>
    public static Output<string> WriteObjectsUnder(string bucketName, string prefix, string region, Output<string>? keyArn)
    {
        var statements = new List<Input>
        {
            new Props
            {
                ["Sid"] = "CreateObjectsUnderPrefix",
                ["Effect"] = "Allow",
                ["Action"] = "s3:PutObject",
                ["Resource"] = $"arn:aws:s3:::{bucketName}/{prefix}*",
            },
        };
        if (keyArn is not null)
        {
            statements.Add(new Props
            {
                ["Sid"] = "EncryptNewObjectsWithTheBucketKey",
                ["Effect"] = "Allow",
                ["Action"] = new[] { "kms:GenerateDataKey", "kms:Decrypt" },
                ["Resource"] = keyArn,
                ["Condition"] = new Props
                {
                    ["StringEquals"] = new Props { ["kms:ViaService"] = $"s3.{region}.amazonaws.com" },

                    // The context is the bucket with S3 Bucket Keys (always on here) and the object without them.
                    ["StringLike"] = new Props
                    {
                        ["kms:EncryptionContext:aws:s3:arn"] = new[] { $"arn:aws:s3:::{bucketName}", $"arn:aws:s3:::{bucketName}/{prefix}*" },
                    },
                },
            });
        }

        return Output.JsonSerialize(new Props { ["Version"] = Version, ["Statement"] = statements.ToArray() });
    }
}
