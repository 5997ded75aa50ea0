using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>Connection URIs with TLS required, as secret outputs (they embed the password).</summary>
public static class ConnectionStrings
{
    /// <summary><c>postgresql://user:password@host:port/database?sslmode=…</c>; <paramref name="sslMode"/> is <c>require</c> or <c>verify-full</c>.</summary>
    public static Output<string> Postgres(DataServiceSpec spec, Output<string> host, int port, Output<string> password, string sslMode = "require")
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format($"postgresql://{spec.Username}:{Part(password)}@{Part(host)}:{port}/{spec.DatabaseName}?sslmode={sslMode}"));
    }

    /// <summary>
    /// <c>mongodb://user:password@host:port/database?tls=true&amp;authSource=…</c>; <paramref name="options"/> adds
    /// engine options (<c>&amp;replicaSet=rs0</c>).
    /// </summary>
    public static Output<string> Mongo(DataServiceSpec spec, Output<string> host, int port, Output<string> password, string authSource, string options = "")
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format(
            $"mongodb://{spec.Username}:{Part(password)}@{Part(host)}:{port}/{spec.DatabaseName}?tls=true&authSource={authSource}{options}"));
    }

    /// <summary><c>rediss://user:password@host:port</c> (the <c>rediss</c> scheme means TLS).</summary>
    public static Output<string> Redis(string username, Output<string> host, int port, Output<string> password) =>
        DataCredentials.Secret(Output.Format($"rediss://{username}:{Part(password)}@{Part(host)}:{port}"));

    /// <summary><c>clickhouse://user:password@host:port/database?secure=true</c> (native protocol over TLS).</summary>
    public static Output<string> ClickHouse(string username, DataServiceSpec spec, Output<string> host, int port, Output<string> password)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format($"clickhouse://{username}:{Part(password)}@{Part(host)}:{port}/{spec.DatabaseName}?secure=true"));
    }

    /// <summary>
    /// A hole of an interpolation: a value known now is passed as its text (Output.Format would format the output
    /// object itself), a deploy-time value as the output.
    /// </summary>
    private static object Part(Output<string> value) => NodeConverter.TryToObject(value.Node, out var known) ? known! : value;
}
