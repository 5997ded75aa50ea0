namespace Infra.Components.Aws;

/// <summary>
/// Knobs only AWS has. Filled from stack config with camelCase keys (<c>accessEntries</c>,
/// <c>bootstrapClusterCreatorAdmin</c>, <c>logRetentionDays</c>, <c>defaultInstanceType</c>,
/// <c>kmsDeletionWindowDays</c>, <c>cliProfile</c>).
/// </summary>
public sealed record AwsOptions
{
    /// <summary>IAM principals given access to every EKS cluster through access entries. Default: none.</summary>
    public IReadOnlyList<EksAccessEntry> AccessEntries { get; init; } = [];

    /// <summary>
    /// Make the identity that creates an EKS cluster (the one running <c>pulumi up</c>) its administrator, so that
    /// the same deployment can install in-cluster components. Default: true. Set false when every admin is
    /// listed in <see cref="AccessEntries"/>.
    /// </summary>
    public bool BootstrapClusterCreatorAdmin { get; init; } = true;

    /// <summary>
    /// Days CloudWatch keeps VPC flow logs and EKS control-plane logs; one of CloudWatch's allowed values
    /// (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653). Default: 365.
    /// </summary>
    public int LogRetentionDays { get; init; } = 365;

    /// <summary>The EC2 instance type of node pools that name none. Default: <c>m6i.large</c>.</summary>
    public string DefaultInstanceType { get; init; } = "m6i.large";

    /// <summary>Days a deleted KMS key waits before it is destroyed, 7 to 30. Default: 30.</summary>
    public int KmsDeletionWindowDays { get; init; } = 30;

    /// <summary>The AWS CLI profile the kubeconfig's <c>aws eks get-token</c> uses. Default: none (the caller's environment).</summary>
    public string? CliProfile { get; init; }
}

/// <summary>An IAM principal's access to EKS clusters, granted with an EKS access policy.</summary>
public sealed record EksAccessEntry
{
    /// <summary>The IAM role or user ARN, e.g. <c>arn:aws:iam::123456789012:role/platform-admins</c>. Required.</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>
    /// The EKS access policy: <c>AmazonEKSClusterAdminPolicy</c>, <c>AmazonEKSAdminPolicy</c>, <c>AmazonEKSEditPolicy</c>
    /// or <c>AmazonEKSViewPolicy</c>. Default: <c>AmazonEKSViewPolicy</c> (read only).
    /// </summary>
    public string AccessPolicy { get; init; } = "AmazonEKSViewPolicy";

    /// <summary>Limit the policy to these namespaces. Default: none (the whole cluster).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];
}
