using Infra.Core.Values;

namespace Infra.Tests.Values;

/// <summary>Props keep insertion order; setting a key again replaces its value in place; an absent value removes the key.</summary>
public class PropsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(2000)]
    public void A_map_of_any_size_keeps_first_positions_last_values_and_drops_absent_ones(int size)
    {
        var props = new Props();
        var expected = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < size; i++)
        {
            props[$"KEY_{i}"] = $"v{i}";
            expected.Add(new($"KEY_{i}", $"v{i}"));
        }

        // Set again: the value changes, the position stays.
        props["KEY_1"] = "again";
        expected[1] = new("KEY_1", "again");

        // Absent: the key goes; setting it later appends it at the end.
        props["KEY_0"] = (string?)null;
        expected.RemoveAt(0);
        props[$"KEY_{size - 1}"] = "last";
        expected[^1] = new($"KEY_{size - 1}", "last");
        props["KEY_0"] = "back";
        expected.Add(new("KEY_0", "back"));
        props["KEY_2"] = "after removal";
        expected[1] = new("KEY_2", "after removal");

        var written = props.ToNode().Entries.Select(e => new KeyValuePair<string, string>(e.Key, ((StringNode)e.Value).Value));
        Assert.Equal(expected, written);
        Assert.Equal(expected.Count, props.Count);
        Assert.True(props.ContainsKey("KEY_0"));
        Assert.False(props.ContainsKey($"KEY_{size}"));
    }
}
