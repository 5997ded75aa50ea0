using System.Text.Encodings.Web;
using System.Text.Json;
using Infra.Core.Values;

namespace Infra.Components.Clusters;

/// <summary>
/// Writes a kubeconfig that authenticates with an exec credential plugin, so that it holds no long-lived
/// secret: every client runs the cloud's CLI for a short-lived token. It is an interpolation of the cluster's
/// endpoint and CA, resolved at deploy time.
/// </summary>
public static class Kubeconfig
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="contextName">Names the cluster, user and context entries.</param>
    /// <param name="server">The API server URL.</param>
    /// <param name="certificateAuthorityData">The base64-encoded CA certificate.</param>
    /// <param name="plugin">How a client gets a token.</param>
    public static Output<string> Build(string contextName, Output<string> server, Output<string> certificateAuthorityData, ExecCredentialPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(certificateAuthorityData);
        ArgumentNullException.ThrowIfNull(plugin);
        var name = Quote(contextName);
        var text = new Parts();
        text.Add($"apiVersion: v1\nkind: Config\nclusters:\n  - name: {name}\n    cluster:\n      server: \"");
        text.Add(server.Node);
        text.Add("\"\n      certificate-authority-data: \"");
        text.Add(certificateAuthorityData.Node);
        text.Add(
            $"\"\ncontexts:\n  - name: {name}\n    context:\n      cluster: {name}\n      user: {name}\n" +
            $"current-context: {name}\nusers:\n  - name: {name}\n    user:\n      exec:\n" +
            "        apiVersion: \"client.authentication.k8s.io/v1beta1\"\n" +
            $"        command: {Quote(plugin.Command)}\n" +
            $"        args: [{string.Join(", ", plugin.Arguments.Select(Quote))}]\n" +
            "        interactiveMode: \"Never\"\n" +
            $"        provideClusterInfo: {(plugin.ProvideClusterInfo ? "true" : "false")}\n" +
            $"        installHint: {Quote(plugin.InstallHint)}\n");
        return Output.FromNode<string>(text.ToNode());
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Json);

    /// <summary>
    /// Text and values, flattened: nested interpolations are spliced in, so that the result stays one
    /// <c>"…${a}…${b}…"</c> string unless a value is a built-in call (then it is a <c>fn::join</c>).
    /// </summary>
    private sealed class Parts
    {
        private readonly List<Node> parts = [];

        public void Add(string literal)
        {
            if (parts.Count > 0 && parts[^1] is StringNode last)
            {
                parts[^1] = new StringNode(last.Value + literal);
            }
            else
            {
                parts.Add(new StringNode(literal));
            }
        }

        public void Add(Node value)
        {
            switch (value)
            {
                case StringNode literal:
                    Add(literal.Value);
                    break;
                case InterpolationNode interpolation:
                    foreach (var part in interpolation.Parts)
                    {
                        Add(part);
                    }

                    break;
                default:
                    parts.Add(value);
                    break;
            }
        }

        public Node ToNode() => parts.TrueForAll(p => p is StringNode or ReferenceNode)
            ? new InterpolationNode([.. parts])
            : new FunctionNode("join", new ListNode([new StringNode(""), new ListNode([.. parts])]));
    }
}
