using System.Globalization;

namespace Infra.Policies;

/// <summary>
/// Where a <see cref="PropertyValue"/> sits, formatted only when asked: rules walk many paths for every resource but
/// name few of them in findings, so the text (and its schema form) is built on demand and then kept.
/// </summary>
internal sealed class ValuePath
{
    private static readonly ValuePath Root = new(null, Step.Literal, null, 0) { path = "", schemaPath = "" };

    private readonly ValuePath? parent;
    private readonly Step step;
    private readonly string? name;
    private readonly int index;
    private string? path;
    private string? schemaPath;

    private ValuePath(ValuePath? parent, Step step, string? name, int index)
    {
        this.parent = parent;
        this.step = step;
        this.name = name;
        this.index = index;
    }

    private enum Step
    {
        Literal,
        Property,
        Item,
        Entry,
    }

    /// <summary>The path for messages, e.g. <c>hosts[1].assignPublicIp</c>.</summary>
    public string Path => path ??= step switch
    {
        Step.Property => Parent.Path.Length == 0 ? name! : $"{Parent.Path}.{name}",
        Step.Item => $"{Parent.Path}[{index.ToString(CultureInfo.InvariantCulture)}]",
        _ => $"{Parent.Path}[\"{name}\"]",
    };

    /// <summary>The schema form: <c>[]</c> for any list item, <c>{}</c> for any map entry.</summary>
    public string SchemaPath => schemaPath ??= step switch
    {
        Step.Property => Parent.SchemaPath.Length == 0 ? name! : $"{Parent.SchemaPath}.{name}",
        Step.Item => Parent.SchemaPath + "[]",
        _ => Parent.SchemaPath + "{}",
    };

    private ValuePath Parent => parent ?? Root;

    public static ValuePath Of(string path, string schemaPath) => path.Length == 0 && schemaPath.Length == 0
        ? Root
        : new ValuePath(null, Step.Literal, null, 0) { path = path, schemaPath = schemaPath };

    public static ValuePath Property(ValuePath? parent, string name) => new(parent, Step.Property, name, 0);

    public static ValuePath Item(ValuePath? parent, int index) => new(parent, Step.Item, null, index);

    public static ValuePath Entry(ValuePath? parent, string key) => new(parent, Step.Entry, key, 0);
}
