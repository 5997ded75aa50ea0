using Infra.Core;
using Infra.Core.Values;

namespace Infra.Tests.Schema;

/// <summary>Small programs of each package, written with real schema names, check with zero errors.</summary>
public sealed class PositiveProgramTests
{
    [SchemaFact]
    public void Aws_network_cluster_and_bucket_check_clean()
    {
        var result = SchemaPrograms.Check(() =>
        {
            var provider = new ProviderResource("aws", "eu", new Props
            {
                ["region"] = "eu-west-1",
                ["defaultTags"] = new Props { ["tags"] = new Props { ["team"] = "platform" } },
            });
            var options = new CustomResourceOptions { Provider = provider };
            var vpc = new CustomResource("aws:ec2/vpc:Vpc", "main", new Props
            {
                ["cidrBlock"] = "10.0.0.0/16",
                ["enableDnsHostnames"] = true,
                ["tags"] = new Props { ["Name"] = "main" },
            }, options);
            var subnets = Enumerable.Range(0, 2).Select(i => new CustomResource("aws:ec2:Subnet", $"private-{i}", new Props
            {
                ["vpcId"] = vpc.Id,
                ["cidrBlock"] = $"10.0.{i}.0/24",
                ["availabilityZone"] = $"eu-west-1{(char)('a' + i)}",
                ["mapPublicIpOnLaunch"] = false,
            }, options)).ToArray();
            var role = new CustomResource("aws:iam/role:Role", "cluster", new Props
            {
                ["assumeRolePolicy"] = Output.JsonSerialize(new Props
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new Input[] { new Props { ["Effect"] = "Allow", ["Action"] = "sts:AssumeRole" } },
                }),
                ["maxSessionDuration"] = 3600,
            }, options);
            var account = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", returnField: "accountId");
            var cluster = new CustomResource("aws:eks/cluster:Cluster", "cluster", new Props
            {
                ["roleArn"] = role.GetOutput<string>("arn"),
                ["version"] = "1.31",
                ["vpcConfig"] = new Props
                {
                    ["subnetIds"] = subnets.Select(s => (Input)s.Id).ToArray(),
                    ["endpointPublicAccess"] = false,
                },
                ["tags"] = new Props { ["account"] = account },
            }, options with { DependsOn = [role], Protect = true });
            _ = new CustomResource("aws:ec2/securityGroup:SecurityGroup", "web", new Props
            {
                ["vpcId"] = vpc.Id,
                ["ingress"] = new Input[] { new Props { ["fromPort"] = 443, ["toPort"] = 443, ["protocol"] = "tcp", ["cidrBlocks"] = new[] { "10.0.0.0/8" } } },
            }, options);
            _ = new CustomResource("aws:s3/bucket:Bucket", "logs", new Props { ["forceDestroy"] = false, ["tags"] = new Props { ["Name"] = "logs" } }, options);
            Deployment.Current.Export("endpoint", cluster.GetOutput<string>("endpoint"));
            Deployment.Current.Export("ca", cluster.GetOutput<string>("certificateAuthority.data"));
            Deployment.Current.Export("oidc", cluster.GetOutput<string>("identities[0].oidcs[0].issuer"));
        });

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal("7.48.0", result.SchemasUsed["aws"].Version);
        Assert.Equal("aws.json", result.SchemasUsed["aws"].File);
    }

    [SchemaFact]
    public void Gcp_network_and_cluster_check_clean()
    {
        var result = SchemaPrograms.Check(() =>
        {
            var network = new CustomResource("gcp:compute/network:Network", "main", new Props { ["autoCreateSubnetworks"] = false, ["mtu"] = 1460 });
            var subnet = new CustomResource("gcp:compute/subnetwork:Subnetwork", "nodes", new Props
            {
                ["network"] = network.Id,
                ["ipCidrRange"] = "10.10.0.0/20",
                ["region"] = "europe-west1",
                ["secondaryIpRanges"] = new Input[] { new Props { ["rangeName"] = "pods", ["ipCidrRange"] = "10.20.0.0/16" } },
            });
            _ = new CustomResource("gcp:container/cluster:Cluster", "gke", new Props
            {
                ["location"] = "europe-west1",
                ["network"] = network.GetOutput<string>("selfLink"),
                ["subnetwork"] = subnet.GetOutput<string>("selfLink"),
                ["initialNodeCount"] = 1,
                ["removeDefaultNodePool"] = true,
                ["deletionProtection"] = true,
            });
            _ = new CustomResource("gcp:storage/bucket:Bucket", "assets", new Props { ["location"] = "EU", ["uniformBucketLevelAccess"] = true });
            _ = new CustomResource("gcp:compute:URLMap", "site", new Props { ["defaultService"] = "backend" });
        });

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal("9.35.0", result.SchemasUsed["gcp"].Version);
    }

    [SchemaFact]
    public void Kubernetes_namespace_deployment_and_service_check_clean()
    {
        var result = SchemaPrograms.Check(() =>
        {
            var provider = new ProviderResource("kubernetes", "cluster", new Props { ["kubeconfig"] = "~/.kube/config", ["enableServerSideApply"] = true });
            var options = new CustomResourceOptions { Provider = provider };
            var ns = new CustomResource("kubernetes:core/v1:Namespace", "apps", new Props { ["metadata"] = new Props { ["name"] = "apps" } }, options);
            var labels = new Props { ["app"] = "web" };
            _ = new CustomResource("kubernetes:apps/v1:Deployment", "web", new Props
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["metadata"] = new Props { ["namespace"] = ns.GetOutput<string>("metadata.name"), ["labels"] = labels },
                ["spec"] = new Props
                {
                    ["replicas"] = 2,
                    ["selector"] = new Props { ["matchLabels"] = labels },
                    ["strategy"] = new Props { ["rollingUpdate"] = new Props { ["maxUnavailable"] = "25%", ["maxSurge"] = 1 } },
                    ["template"] = new Props
                    {
                        ["metadata"] = new Props { ["labels"] = labels },
                        ["spec"] = new Props
                        {
                            ["containers"] = new Input[]
                            {
                                new Props
                                {
                                    ["name"] = "web",
                                    ["image"] = "nginx:1.27",
                                    ["ports"] = new Input[] { new Props { ["containerPort"] = 80 } },
                                },
                            },
                        },
                    },
                },
            }, options);
            _ = new CustomResource("kubernetes:core/v1:Service", "web", new Props
            {
                ["metadata"] = new Props { ["namespace"] = "apps" },
                ["spec"] = new Props
                {
                    ["type"] = "ClusterIP",
                    ["selector"] = labels,
                    ["ports"] = new Input[] { new Props { ["port"] = 80, ["targetPort"] = "http" } },
                },
            }, options);
        });

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal("4.32.0", result.SchemasUsed["kubernetes"].Version);
    }

    [SchemaFact]
    public void Random_password_and_pet_check_clean()
    {
        var result = SchemaPrograms.Check(() =>
        {
            var password = new CustomResource("random:index/randomPassword:RandomPassword", "db", new Props
            {
                ["length"] = 32,
                ["special"] = true,
                ["minNumeric"] = 2,
                ["keepers"] = new Props { ["rotation"] = "2025-01" },
            });
            _ = new CustomResource("random:index:RandomPet", "name", new Props { ["length"] = 2, ["prefix"] = password.GetOutput<string>("result") });
        });

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal("4.21.1", result.SchemasUsed["random"].Version);
    }

    [SchemaFact]
    public void Yandex_network_and_cluster_check_clean_from_the_dynamic_bridge_schema()
    {
        var result = SchemaPrograms.Check(() =>
        {
            var provider = new ProviderResource("yandex", "ru", new Props { ["zone"] = "ru-central1-a", ["folderId"] = "b1gexample" });
            var options = new CustomResourceOptions { Provider = provider };
            var network = new CustomResource("yandex:index/vpcNetwork:VpcNetwork", "main", new Props { ["name"] = "main" }, options);
            var subnet = new CustomResource("yandex:index:VpcSubnet", "nodes", new Props
            {
                ["networkId"] = network.Id,
                ["v4CidrBlocks"] = new[] { "10.1.0.0/16" },
                ["zone"] = "ru-central1-a",
            }, options);
            var account = new CustomResource("yandex:index/iamServiceAccount:IamServiceAccount", "k8s", new Props { ["name"] = "k8s" }, options);
            _ = new CustomResource("yandex:index/kubernetesCluster:KubernetesCluster", "k8s", new Props
            {
                ["networkId"] = network.Id,
                ["serviceAccountId"] = account.Id,
                ["nodeServiceAccountId"] = account.Id,
                ["master"] = new Props
                {
                    ["version"] = "1.30",
                    ["publicIp"] = false,
                    ["zonal"] = new Props { ["zone"] = subnet.GetOutput<string>("zone"), ["subnetId"] = subnet.Id },
                },
            }, options);
        });

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal(new Infra.Core.Schema.SchemaUsage("yandex", "0.222.0", "yandex-tf.json"), result.SchemasUsed["yandex"]);
    }
}
