namespace Infra.Components;

/// <summary>The clouds Infra deploys to. Only the stack composition switches on it, once, to pick an <see cref="ICloud"/>.</summary>
public enum CloudKind
{
    Aws,
    Gcp,
    Yandex,
}
