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
}
