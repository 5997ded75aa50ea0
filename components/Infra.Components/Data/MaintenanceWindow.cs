namespace Infra.Components.Data;

/// <summary>
/// The weekly hour in which the provider may patch or restart a data service. Every cloud takes it in UTC.
/// </summary>
public sealed record MaintenanceWindow
{
    /// <summary>The day of the week. Default: Sunday.</summary>
    public DayOfWeek Day { get; init; } = DayOfWeek.Sunday;

    /// <summary>The hour (UTC, 0–23) at which the one-hour window starts. Default: 3.</summary>
    public int StartHourUtc { get; init; } = 3;

    /// <summary>The three-letter lower-case day name (<c>sun</c>).</summary>
    public string ShortDay => Day.ToString()[..3].ToLowerInvariant();

    /// <summary>The upper-case day name (<c>SUNDAY</c>).</summary>
    public string DayName => Day.ToString().ToUpperInvariant();

    /// <summary>The ISO day number, Monday = 1 … Sunday = 7.</summary>
    public int IsoDay => Day == DayOfWeek.Sunday ? 7 : (int)Day;
}
