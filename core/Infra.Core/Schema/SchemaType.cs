using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>The shape of a schema type, as the validator distinguishes them.</summary>
public enum SchemaTypeKind
{
    /// <summary><c>pulumi.json#/Any</c>, an untyped object, or a type this validator cannot know: everything is accepted.</summary>
    Any,
    String,
    Number,
    Integer,
    Boolean,
    Array,

    /// <summary><c>type: object</c> with <c>additionalProperties</c>: any keys, values of one type.</summary>
    Map,

    /// <summary>An object type with named properties (<c>$ref: #/types/…</c>, or an invoke's result).</summary>
    Object,
    Enum,

    /// <summary><c>oneOf</c>: any one of the alternatives.</summary>
    Union,

    /// <summary><c>$ref: #/resources/…</c>: a resource of that type (or its ID).</summary>
    Resource,
    Asset,
    Archive,

    /// <summary>A <c>$ref: #/types/…</c> not yet looked up; <see cref="SchemaType.Resolve"/> turns it into an object or enum type.</summary>
    Named,
}

/// <summary>
/// One type of a provider schema. Primitive types are shared singletons; named types are resolved lazily
/// through their package, so a large schema is only converted where a program actually uses it.
/// </summary>
public sealed class SchemaType
{
    public static readonly SchemaType Any = new(SchemaTypeKind.Any);
    public static readonly SchemaType String = new(SchemaTypeKind.String);
    public static readonly SchemaType Number = new(SchemaTypeKind.Number);
    public static readonly SchemaType Integer = new(SchemaTypeKind.Integer);
    public static readonly SchemaType Boolean = new(SchemaTypeKind.Boolean);
    public static readonly SchemaType Asset = new(SchemaTypeKind.Asset);
    public static readonly SchemaType Archive = new(SchemaTypeKind.Archive);
    public static readonly SchemaType ListOfStrings = ArrayOf(String);
    public static readonly SchemaType MapOfAny = MapOf(Any);

    private readonly PackageSchema? owner;
    private SchemaType? resolved;

    private SchemaType(SchemaTypeKind kind, SchemaType? element = null, string? token = null, PackageSchema? owner = null)
    {
        Kind = kind;
        Element = element;
        Token = token;
        this.owner = owner;
    }

    public SchemaTypeKind Kind { get; }

    /// <summary>The item type of an array, the value type of a map.</summary>
    public SchemaType? Element { get; }

    /// <summary>The type token of an object, enum, resource or named type.</summary>
    public string? Token { get; }

    public IReadOnlyList<SchemaType> Alternatives { get; private init; } = [];

    public ObjectSpec? Object { get; private init; }

    public EnumSpec? Enum { get; private init; }

    /// <summary>The only value allowed (<c>const</c>, e.g. a Kubernetes <c>apiVersion</c>), as a literal.</summary>
    public Node? Const { get; private init; }

    public static SchemaType ArrayOf(SchemaType items) => new(SchemaTypeKind.Array, items);

    public static SchemaType MapOf(SchemaType values) => new(SchemaTypeKind.Map, values);

    public static SchemaType UnionOf(IReadOnlyList<SchemaType> alternatives) => new(SchemaTypeKind.Union) { Alternatives = alternatives };

    public static SchemaType ResourceOf(string token) => new(SchemaTypeKind.Resource, token: token);

    public static SchemaType ObjectOf(ObjectSpec spec) => new(SchemaTypeKind.Object, token: spec.Token) { Object = spec };

    public static SchemaType EnumOf(EnumSpec spec) => new(SchemaTypeKind.Enum, token: spec.Token) { Enum = spec };

    public static SchemaType ConstOf(SchemaType primitive, Node value) => new(primitive.Kind) { Const = value };

    internal static SchemaType NamedIn(PackageSchema owner, string token) => new(SchemaTypeKind.Named, token: token, owner: owner);

    /// <summary>The object or enum type a <see cref="SchemaTypeKind.Named"/> type stands for (<see cref="Any"/> if the schema lacks it); any other type itself.</summary>
    public SchemaType Resolve()
    {
        if (Kind != SchemaTypeKind.Named)
        {
            return this;
        }

        // Racing threads compute the same cached instance, so a plain write is enough.
        return resolved ??= owner!.ResolveNamedType(Token!);
    }

    public override string ToString() => TypeText.Describe(this);
}
