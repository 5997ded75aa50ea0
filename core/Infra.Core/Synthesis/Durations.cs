using System.Globalization;
using System.Text;
using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>Custom timeouts as Go duration strings, which Pulumi YAML parses (<c>1h30m</c>, <c>45s</c>).</summary>
internal static class Durations
{
    public static MapNode Lower(CustomTimeouts timeouts)
    {
        var entries = new List<KeyValuePair<string, Node>>();
        void Add(string key, TimeSpan? value)
        {
            if (value is { } span)
            {
                entries.Add(new(key, new StringNode(Format(span))));
            }
        }

        Add("create", timeouts.Create);
        Add("update", timeouts.Update);
        Add("delete", timeouts.Delete);
        Add("read", timeouts.Read);
        return new MapNode(entries.ToArray());
    }

    public static string Format(TimeSpan span)
    {
        var text = new StringBuilder();
        var hours = (long)span.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (span.Minutes > 0)
        {
            text.Append(span.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = span.Seconds + (span.Milliseconds / 1000.0);
        if (seconds > 0 || text.Length == 0)
        {
            text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
