namespace Infra.Components.Data;

/// <summary>
/// How much capacity a data service gets, in words every cloud maps to its own machine class (an RDS instance
/// class, a Cloud SQL tier, a Yandex resource preset, pod requests). <see cref="Small"/> is the cheap development size.
/// </summary>
public enum DataSize
{
    /// <summary>About 2 vCPU and 4–8 GB of memory, or the smallest production-grade class.</summary>
    Small,

    /// <summary>About 2–4 vCPU and 8–16 GB of memory.</summary>
    Medium,

    /// <summary>About 4–8 vCPU and 16–32 GB of memory.</summary>
    Large,
}
