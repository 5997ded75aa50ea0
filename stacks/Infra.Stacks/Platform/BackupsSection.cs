namespace Infra.Stacks.Platform;

/// <summary>
/// The <c>infra:backups</c> section: dumps of the databases that run in the cluster (managed databases use their
/// cloud's backups). Dumps go to a private bucket that expires them; in production a second bucket in another
/// region keeps a copy where the cloud has one.
/// </summary>
public sealed record BackupsSection
{
    /// <summary>Cron schedule of the dumps, in Etc/UTC. Default: 0 3 * * * (daily at 03:00 UTC).</summary>
    public string Schedule { get; init; } = "0 3 * * *";

    /// <summary>Days a dump is kept before the bucket expires it. Default: 30.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>
    /// A second region that receives a copy of every dump (set it in production). Yandex Object Storage has one
    /// region per cloud, so Yandex stacks leave it unset. Default: none.
    /// </summary>
    public string? SecondRegion { get; init; }
}
