namespace Infra.Components.Data;

/// <summary>
/// How a data service's cloud lets clients in. A service starts with no ingress at all; each grant adds exactly one
/// least-privilege rule for its ports.
/// </summary>
public interface IDataAccess
{
    /// <summary>Whether this cloud can enforce a rule for clients of <paramref name="kind"/>.</summary>
    bool Supports(ConnectionSourceKind kind);

    /// <summary>Why <paramref name="kind"/> is not supported, and what to do instead (for the error message).</summary>
    string Unsupported(ConnectionSourceKind kind);

    /// <summary>
    /// Creates the rule that lets <paramref name="source"/> reach <paramref name="service"/>'s ports, as a child of the
    /// service named <c>&lt;service&gt;-from-&lt;source&gt;</c>. The source is already checked and supported.
    /// </summary>
    void Allow(DataService service, ConnectionSource source);
}
