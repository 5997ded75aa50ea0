namespace Infra.Core.Schema;

/// <summary>Resolving each resource's type: built-in, provider, refused, or a token of its package's schema.</summary>
internal sealed partial class ValidationRun
{
    private void Resolve(ResourceEntry entry)
    {
        var token = entry.Decl.Type;
        if (BuiltinTypes.Refused.ContainsKey(token))
        {
            entry.Status = TypeStatus.Refused;
            return;
        }

        if (token.StartsWith(PackageSchema.ProviderPrefix, StringComparison.Ordinal))
        {
            entry.IsProvider = true;
            entry.Package = token[PackageSchema.ProviderPrefix.Length..];
            if (entry.Package.Length == 0 || entry.Package.Contains(':', StringComparison.Ordinal))
            {
                entry.Status = TypeStatus.Invalid;
                return;
            }

            if (Lookup(entry, entry.Package) is { } providerSchema)
            {
                entry.Schema = providerSchema;
                entry.Spec = providerSchema.Provider;
                entry.Token = providerSchema.ProviderToken;
            }

            return;
        }

        if (string.Equals(token, BuiltinTypes.StackReferenceToken, StringComparison.OrdinalIgnoreCase))
        {
            entry.Spec = BuiltinTypes.StackReference;
            entry.Token = BuiltinTypes.StackReferenceToken;
            return;
        }

        if (BuiltinTypes.Unchecked.Contains(token))
        {
            entry.Status = TypeStatus.Unchecked;
            return;
        }

        if (!IsTypeToken(token))
        {
            entry.Status = TypeStatus.Invalid;
            return;
        }

        entry.Package = token[..token.IndexOf(':', StringComparison.Ordinal)];
        if (entry.Package == "pulumi")
        {
            entry.Status = TypeStatus.Unknown;
            return;
        }

        if (Lookup(entry, entry.Package) is not { } schema)
        {
            return;
        }

        entry.Schema = schema;
        if (schema.ResolveResourceToken(token) is not { } canonical)
        {
            entry.Status = TypeStatus.Unknown;
            return;
        }

        entry.Token = canonical;
        entry.Spec = schema.GetResource(canonical);
        if (BuiltinTypes.Refused.ContainsKey(canonical))
        {
            entry.Status = TypeStatus.Refused;
        }
    }

    /// <summary><c>package:Name</c> or <c>package:module:Name</c>, no part empty.</summary>
    private static bool IsTypeToken(string token)
    {
        var parts = 1;
        var partLength = 0;
        foreach (var c in token)
        {
            if (c != ':')
            {
                partLength++;
                continue;
            }

            if (partLength == 0)
            {
                return false;
            }

            parts++;
            partLength = 0;
        }

        return partLength > 0 && parts is 2 or 3;
    }

    /// <summary>The schema of a package, or null after noting that the resource cannot be checked.</summary>
    private PackageSchema? Lookup(ResourceEntry entry, string package)
    {
        if (Find(package) is { } schema)
        {
            return schema;
        }

        entry.Status = TypeStatus.NoSchema;
        NotChecked(package, entry.Decl.LogicalName);
        return null;
    }

    private void NotChecked(string package, string what)
    {
        if (!notCheckedSeen.Add((package, what)))
        {
            return;
        }

        if (!notChecked.TryGetValue(package, out var names))
        {
            notChecked[package] = names = [];
        }

        names.Add(what);
    }

    private PackageSchema? Find(string package)
    {
        if (!lookups.TryGetValue(package, out var lookup))
        {
            lookups[package] = lookup = schemas.Find(package);
        }

        return lookup.Schema;
    }
}
