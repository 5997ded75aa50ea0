using System.Collections.Immutable;

namespace Infra.Core.Values;

/// <summary>
/// The Pulumi YAML built-in functions (<c>fn::…</c>), evaluated by the Pulumi engine at deploy time.
/// Only built-ins that exist are offered; for anything else use an invoke on the <c>std</c> package.
/// </summary>
public static class Fn
{
    public static Output<string> Join(string delimiter, Input list) =>
        Call<string>("join", new ListNode([new StringNode(delimiter), Required(list)]));

    public static Output<ImmutableArray<string>> Split(string delimiter, Input text) =>
        Call<ImmutableArray<string>>("split", new ListNode([new StringNode(delimiter), Required(text)]));

    public static Output<T> Select<T>(int index, Input list) =>
        Call<T>("select", new ListNode([new IntegerNode(index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index))), Required(list)]));

    public static Output<string> ToJson(Input value) => Call<string>("toJSON", Required(value));

    public static Output<string> ToBase64(Input text) => Call<string>("toBase64", Required(text));

    public static Output<string> FromBase64(Input text) => Call<string>("fromBase64", Required(text));

    public static Output<T> Secret<T>(Input<T> value) => Output.CreateSecret(value);

    public static Output<T> Unsecret<T>(Output<T> value) => Output.Unsecret(value);

    /// <summary>Reads a file relative to the program directory at deploy time.</summary>
    public static Output<string> ReadFile(string path) => Call<string>("readFile", new StringNode(path));

    public static Output<string> FileBase64(string path) => Call<string>("filebase64", new StringNode(path));

    public static Output<string> FileBase64Sha256(string path) => Call<string>("filebase64sha256", new StringNode(path));

    public static Output<string> Sha1(Input text) => Call<string>("sha1", Required(text));

    public static Output<int> Length(Input value) => Call<int>("length", Required(value));

    public static Output<T> SingleOrNone<T>(Input list) => Call<T>("singleOrNone", Required(list));

    public static Output<string> PulumiResourceName(Resource resource) =>
        Call<string>("pulumiResourceName", Required(ResourceReference(resource)));

    public static Output<string> PulumiResourceType(Resource resource) =>
        Call<string>("pulumiResourceType", Required(ResourceReference(resource)));

    public static Node FileAsset(string path) => new FunctionNode("fileAsset", new StringNode(path));

    public static Node StringAsset(Input text) => new FunctionNode("stringAsset", Required(text));

    public static Node RemoteAsset(string uri) => new FunctionNode("remoteAsset", new StringNode(uri));

    public static Node FileArchive(string path) => new FunctionNode("fileArchive", new StringNode(path));

    public static Node RemoteArchive(string uri) => new FunctionNode("remoteArchive", new StringNode(uri));

    public static Node AssetArchive(Props entries) => new FunctionNode("assetArchive", entries.ToNode());

    /// <summary>The names of every built-in a YAML program accepts (without <c>fn::</c>).</summary>
    public static readonly ImmutableHashSet<string> BuiltinNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "invoke", "join", "split", "select", "toJSON", "toBase64", "fromBase64", "secret", "unsecret", "readFile",
        "filebase64", "filebase64sha256", "sha1", "length", "singleOrNone", "pulumiResourceName", "pulumiResourceType",
        "stackReference", "fileAsset", "stringAsset", "remoteAsset", "fileArchive", "remoteArchive", "assetArchive");

    internal static Input ResourceReference(Resource resource) =>
        new ReferenceNode(resource.RequireKey(), []);

    private static Output<T> Call<T>(string name, Node argument) => new(new FunctionNode(name, argument), false, default);

    private static Node Required(Input input) =>
        input.Node ?? throw new ArgumentNullException(nameof(input), "A built-in function needs a value.");
}
