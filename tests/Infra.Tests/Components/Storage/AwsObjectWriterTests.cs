using Infra.Components;
using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Core.Values;
using Infra.Tests.Components.Edge;

namespace Infra.Tests.Components.Storage;

/// <summary>EKS Pod Identity write grants and buckets in another region on AWS.</summary>
public sealed class AwsObjectWriterTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void A_grant_is_a_pod_identity_role_that_may_only_put_objects_under_the_prefix(string environment)
    {
        var program = WriterPrograms.Build(CloudKind.Aws, environment).Program;

        Assert.Equal(
            ["aws:iam/role:Role", "aws:eks/podIdentityAssociation:PodIdentityAssociation", "aws:iam/rolePolicy:RolePolicy"],
            program.GrantResources().Select(r => r.Type));
        var role = program.Single("aws:iam/role:Role", "platform-writer-events-backup");
        var trust = Assert.Single(WriterPrograms.Statements(role.Get("assumeRolePolicy")));
        Assert.Equal("pods.eks.amazonaws.com", trust.Get("Principal")!.Text("Service"));
        Assert.Equal(["sts:AssumeRole", "sts:TagSession"], WriterPrograms.Actions(trust));
        Assert.NotNull(trust.Get("Condition")!.Get("StringEquals")!.Get("aws:SourceAccount"));

        var policy = program.Single("aws:iam/rolePolicy:RolePolicy", "backups-writer-events-backup-policy");
        Assert.True(policy.Get("role").References(role));
        var statements = WriterPrograms.Statements(policy.Get("policy"));
        var put = statements[0];
        Assert.Equal(["s3:PutObject"], WriterPrograms.Actions(put));
        Assert.Equal($"arn:aws:s3:::acme-{environment}-backups/clickhouse/events/*", put.Text("Resource"));
        var actions = statements.SelectMany(WriterPrograms.Actions).ToList();
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal) || a.Contains("Get", StringComparison.Ordinal)
            || a.Contains("Delete", StringComparison.Ordinal) || a.Contains("List", StringComparison.Ordinal));

        var association = program.Single("aws:eks/podIdentityAssociation:PodIdentityAssociation", "platform-writer-events-backup-pod-identity");
        Assert.Equal("platform-eks", Assert.IsType<ReferenceNode>(association.Get("clusterName")).Root);
        Assert.Equal(("clickhouse-events", "events-backup"), (association.Text("namespace"), association.Text("serviceAccount")));
        Assert.True(association.Get("roleArn").References(role));
    }

    /// <summary>EKS associates a service account with one role, so a second bucket adds a policy to the same role.</summary>
    [Fact]
    public void A_writer_granted_two_buckets_has_one_role_and_one_association_with_a_policy_per_bucket()
    {
        var program = WriterPrograms.TwoBuckets(CloudKind.Aws, "eu-central-1");

        var role = Assert.Single(program.OfType("aws:iam/role:Role"), r => r.Key.Contains("-writer-", StringComparison.Ordinal));
        var association = Assert.Single(program.OfType("aws:eks/podIdentityAssociation:PodIdentityAssociation"));
        Assert.True(association.Get("roleArn").References(role));
        var policies = program.OfType("aws:iam/rolePolicy:RolePolicy").Where(r => r.Key.Contains("-writer-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["backups-copy-writer-events-backup-policy", "backups-writer-events-backup-policy"], policies.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.True(p.Get("role").References(role)));
        Assert.Equal(
            ["arn:aws:s3:::acme-prod-backups-copy/clickhouse/events/*", "arn:aws:s3:::acme-prod-backups/clickhouse/events/*"],
            policies.Select(p => WriterPrograms.Statements(p.Get("policy"))[0].Text("Resource")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_a_bucket_key_the_writer_may_use_that_key_through_s3_only()
    {
        var program = WriterPrograms.Build(CloudKind.Aws, "prod").Program;

        var statements = WriterPrograms.Statements(program.Single("aws:iam/rolePolicy:RolePolicy", "backups-writer-events-backup-policy").Get("policy"));
        Assert.Equal(2, statements.Count);
        var kms = statements[1];
        Assert.Equal(["kms:GenerateDataKey", "kms:Decrypt"], WriterPrograms.Actions(kms));
        Assert.Equal("backups-key", Assert.IsType<ReferenceNode>(kms.Get("Resource")).Root);
        Assert.Equal("s3.eu-west-1.amazonaws.com", kms.Get("Condition")!.Get("StringEquals")!.Text("kms:ViaService"));

        // The key policy delegates to IAM, which is what lets the role's own policy grant the key.
        var keyPolicy = WriterPrograms.Statements(program.Single("aws:kms/key:Key", "backups-key").Get("policy"));
        Assert.Contains(keyPolicy, s => s.Text("Sid") == "AccountAdministersKeyThroughIam");
    }

    [Fact]
    public void Without_a_bucket_key_the_writer_gets_no_key_rights()
    {
        var program = WriterPrograms.Build(CloudKind.Aws, "dev").Program;

        var statement = Assert.Single(WriterPrograms.Statements(program.Single("aws:iam/rolePolicy:RolePolicy", "backups-writer-events-backup-policy").Get("policy")));
        Assert.Equal(["s3:PutObject"], WriterPrograms.Actions(statement));
    }

    [Fact]
    public void The_target_is_the_regional_s3_endpoint_with_the_pod_identity_agent_and_no_key()
    {
        var target = WriterPrograms.Build(CloudKind.Aws, "dev").Target;

        Assert.Equal(("acme-dev-backups", "https://s3.eu-west-1.amazonaws.com", "eu-west-1", ObjectStorageApi.S3, "clickhouse/events/"),
            (target.Bucket, target.Endpoint, target.Region, target.Api, target.Prefix));
        Assert.False(target.HasStaticKey);
        Assert.Equal(new WorkloadIdentity { Name = "events-backup", KubernetesNamespace = "clickhouse-events", KubernetesServiceAccount = "events-backup" },
            target.GrantedTo);
        Assert.Equal([new NetworkDestination("169.254.170.23/32", 80)], target.CredentialEndpoints);
        Assert.Empty(target.ServiceAccountAnnotations);
    }

    [Fact]
    public void Every_eks_cluster_runs_the_pod_identity_agent_after_its_nodes()
    {
        var program = TestPlatforms.NetworkAndCluster(CloudKind.Aws, "dev").Program;

        var agent = Assert.Single(program.OfType("aws:eks/addon:Addon"), a => a.Text("addonName") == "eks-pod-identity-agent");
        Assert.Equal("platform-eks", Assert.IsType<ReferenceNode>(agent.Get("clusterName")).Root);
        var dependsOn = Assert.IsType<ListNode>(agent.Options!["dependsOn"]).Items;
        var nodeGroups = program.OfType("aws:eks/nodeGroup:NodeGroup");
        Assert.NotEmpty(nodeGroups);
        Assert.All(nodeGroups, g => Assert.Contains(dependsOn, d => d.References(g)));
    }

    [Fact]
    public void A_bucket_in_another_region_names_that_region_on_each_of_its_resources()
    {
        var built = WriterPrograms.Build(CloudKind.Aws, "prod", new ObjectStorageArgs { Region = "eu-central-1" });
        var program = built.Program;

        var bucketResources = program.Resources.Where(r => r.Key.StartsWith("backups-", StringComparison.Ordinal) && !program.GrantResources().Contains(r)).ToList();
        Assert.Contains(bucketResources, r => r.Type == "aws:kms/key:Key");
        Assert.Equal(2, bucketResources.Count(r => r.Type == "aws:s3/bucket:Bucket"));
        Assert.Contains(bucketResources, r => r.Type == "aws:s3/bucketLogging:BucketLogging");
        Assert.All(bucketResources, r => Assert.True(r.Text("region") == "eu-central-1", $"{r.Key} has no region"));

        // IAM is global and the Pod Identity association belongs to the cluster's region.
        Assert.All(program.GrantResources(), r => Assert.Null(r.Get("region")));
        Assert.Equal(("https://s3.eu-central-1.amazonaws.com", "eu-central-1"), (built.Target.Endpoint, built.Target.Region));
        var kms = WriterPrograms.Statements(program.Single("aws:iam/rolePolicy:RolePolicy", "backups-writer-events-backup-policy").Get("policy"))[1];
        Assert.Equal("s3.eu-central-1.amazonaws.com", kms.Get("Condition")!.Get("StringEquals")!.Text("kms:ViaService"));
    }

    [Fact]
    public void A_bucket_in_the_platform_region_names_no_region()
    {
        var program = WriterPrograms.Build(CloudKind.Aws, "prod", new ObjectStorageArgs { Region = "eu-west-1" }).Program;

        var bucketResources = program.Resources.Where(r => r.Key.StartsWith("backups-", StringComparison.Ordinal)).ToList();
        Assert.Contains(bucketResources, r => r.Type == "aws:s3/bucket:Bucket");
        Assert.All(bucketResources, r => Assert.Null(r.Get("region")));
    }
}
