namespace Infra.Testing;

/// <summary>
/// A value computed with the mocks' answers. <see cref="IsSecret"/> tells whether Pulumi would treat it as a
/// secret (it came from <c>fn::secret</c>, a secret config value or a secret input).
/// </summary>
public sealed record EvaluatedValue(object? Value, bool IsSecret)
{
    public static readonly EvaluatedValue Null = new(null, false);
}

/// <summary>An asset or archive value (<c>fn::fileAsset</c> and friends) as evaluated in tests.</summary>
public sealed record AssetValue(string Kind, object? Argument);
