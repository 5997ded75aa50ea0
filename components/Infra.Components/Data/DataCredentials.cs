using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>
/// Generated credentials and the secret values built from them. Passwords come from the random provider (its
/// <c>result</c> is a secret output, so it is encrypted in state and never written into the program), and every
/// value that embeds one is wrapped in <c>fn::secret</c>.
/// </summary>
public static class DataCredentials
{
    /// <summary>The version of the random provider plugin.</summary>
    public const string RandomProviderVersion = "4.21.1";

    /// <summary>
    /// A 32-character password of letters and digits (about 190 bits): no punctuation, because every engine and
    /// every URI accepts it unescaped. Returns the password as a secret output.
    /// </summary>
    public static Output<string> GeneratePassword(DataService service, string suffix = "password")
    {
        ArgumentNullException.ThrowIfNull(service);
        var password = new CustomResource("random:index/randomPassword:RandomPassword", service.ChildResourceName(suffix), new Props
        {
            ["length"] = 32,
            ["special"] = false,
            ["minLower"] = 2,
            ["minUpper"] = 2,
            ["minNumeric"] = 2,
        }, service.ChildResourceOptions with { Version = RandomProviderVersion });
        return password.GetOutput<string>("result");
    }

    /// <summary>Marks a value built from secrets secret (<c>fn::secret</c>), unless it already is.</summary>
    public static Output<string> Secret(Output<string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Node is FunctionNode { Name: "secret" } ? value : Output.CreateSecret<string>(value);
    }

    /// <summary>
    /// The JSON document kept in a cloud secret store: engine, host, port, database, username, password and uri,
    /// serialized at deploy time (<c>fn::toJSON</c>) and secret.
    /// </summary>
    public static Output<string> SecretDocument(DataService service, string engine, Output<string> host, int port,
        Output<string> password, Output<string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Secret(Output.JsonSerialize(new Props
        {
            ["engine"] = engine,
            ["host"] = host,
            ["port"] = port,
            ["database"] = service.Spec.DatabaseName,
            ["username"] = service.Spec.Username ?? "default",
            ["password"] = password,
            ["uri"] = connectionString,
        }));
    }

    /// <summary>The secret entries (key → value) a secret store keeps for workloads, for stores that take one value per key.</summary>
    public static IReadOnlyList<KeyValuePair<string, Input>> SecretEntries(DataService service, Output<string> host, int port,
        Output<string> password, Output<string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(service);
        var entries = new List<KeyValuePair<string, Input>>
        {
            new("host", host),
            new("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (service.Spec.DatabaseName is { } database)
        {
            entries.Add(new("database", database));
        }

        entries.Add(new("username", service.Spec.Username ?? "default"));
        entries.Add(new("password", password));
        entries.Add(new("uri", connectionString));
        return entries;
    }
}
