using Infra.Components.Clusters;
using Infra.Core.Values;

namespace Infra.Tests.Components.Clusters;

public sealed class KubeconfigTests
{
    private static readonly ExecCredentialPlugin Plugin = new("tool", ["get", "token", "--name=a \"b\""], "Install tool.");

    [Fact]
    public void References_and_nested_interpolations_give_one_interpolated_string()
    {
        var server = Output.FromNode<string>(new InterpolationNode([new StringNode("https://"), new ReferenceNode("gke", [PathSegment.Property("endpoint")])]));
        var ca = Output.FromNode<string>(new ReferenceNode("gke", [PathSegment.Property("masterAuth"), PathSegment.Property("clusterCaCertificate")]));

        var kubeconfig = Kubeconfig.Build("acme-dev-platform", server, ca, Plugin);

        var parts = Assert.IsType<InterpolationNode>(kubeconfig.Node).Parts;
        Assert.Equal(5, parts.Count);
        Assert.EndsWith("server: \"https://", Assert.IsType<StringNode>(parts[0]).Value, StringComparison.Ordinal);
        Assert.Equal("gke.endpoint", Assert.IsType<ReferenceNode>(parts[1]).ToExpressionText());
        Assert.Equal("gke.masterAuth.clusterCaCertificate", Assert.IsType<ReferenceNode>(parts[3]).ToExpressionText());
        var tail = Assert.IsType<StringNode>(parts[4]).Value;
        Assert.Contains("args: [\"get\", \"token\", \"--name=a \\\"b\\\"\"]", tail, StringComparison.Ordinal);
        Assert.Contains("installHint: \"Install tool.\"", tail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_call_turns_the_kubeconfig_into_a_join()
    {
        var server = Output.FromNode<string>(new ReferenceNode("k8s", [PathSegment.Property("master"), PathSegment.Property("internalV4Endpoint")]));
        var ca = Fn.ToBase64(Output.FromNode<string>(new ReferenceNode("k8s", [PathSegment.Property("master"), PathSegment.Property("clusterCaCertificate")])));

        var kubeconfig = Kubeconfig.Build("acme-dev-platform", server, ca, Plugin);

        var join = Assert.IsType<FunctionNode>(kubeconfig.Node);
        Assert.Equal("join", join.Name);
        var parts = Assert.IsType<ListNode>(Assert.IsType<ListNode>(join.Argument).Items[1]).Items;
        Assert.Equal("toBase64", Assert.IsType<FunctionNode>(parts[3]).Name);
    }
}
