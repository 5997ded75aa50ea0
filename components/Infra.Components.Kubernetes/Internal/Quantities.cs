using System.Text.RegularExpressions;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Kubernetes resource quantities (<c>500m</c>, <c>2</c>, <c>256Mi</c>) and Prometheus durations (<c>15d</c>).</summary>
internal static partial class Quantities
{
    public const string QuantityRule = "a Kubernetes quantity such as 250m, 2, 512Mi or 10Gi";

    public const string DurationRule = "a Prometheus duration such as 30s, 5m, 12h, 15d or 4w";

    public static bool IsQuantity(string? value) => value is not null && Quantity().IsMatch(value);

    public static bool IsDuration(string? value) => value is not null && Duration().IsMatch(value);

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^[1-9][0-9]*(ms|s|m|h|d|w|y)$")]
    private static partial Regex Duration();
}
