using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>Connection URIs with TLS required, as secret outputs (they embed the password).</summary>
public static class ConnectionStrings
{
    /// <summary><c>postgresql://user:password@host:port/database?sslmode=…</c>; <paramref name="sslMode"/> is <c>require</c> or <c>verify-full</c>.</summary>
    public static Output<string> Postgres(DataServiceSpec spec, Output<string> host, int port, Output<string> password, string sslMode = "require")
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format($"postgresql://{spec.Username}:{password}@{host}:{port}/{spec.DatabaseName}?sslmode={sslMode}"));
    }

    /// <summary>
    /// <c>mongodb://user:password@host:port/database?tls=true&amp;authSource=…</c>; <paramref name="options"/> adds
    /// engine options (<c>&amp;replicaSet=rs0</c>).
    /// </summary>
    public static Output<string> Mongo(DataServiceSpec spec, Output<string> host, int port, Output<string> password, string authSource, string options = "")
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format(
            $"mongodb://{spec.Username}:{password}@{host}:{port}/{spec.DatabaseName}?tls=true&authSource={authSource}{options}"));
    }

    /// <summary><c>rediss://user:password@host:port</c> (the <c>rediss</c> scheme means TLS).</summary>
    public static Output<string> Redis(string username, Output<string> host, int port, Output<string> password) =>
        DataCredentials.Secret(Output.Format($"rediss://{username}:{password}@{host}:{port}"));

    /// <summary><c>clickhouse://user:password@host:port/database?secure=true</c> (native protocol over TLS).</summary>
    public static Output<string> ClickHouse(string username, DataServiceSpec spec, Output<string> host, int port, Output<string> password)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DataCredentials.Secret(Output.Format($"clickhouse://{username}:{password}@{host}:{port}/{spec.DatabaseName}?secure=true"));
    }
}
