using System.Text.Json;

namespace Infra.Core.Schema;

/// <summary>
/// Reads a schema file's package <c>name</c> and <c>version</c> without parsing the rest: schema files put
/// them first, so listing a directory of large schemas stays fast.
/// </summary>
internal static class SchemaFileHeader
{
    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal) { "config", "types", "provider", "resources", "functions" };

    public static (string? Name, string? Version) Read(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[16 * 1024];
        var length = 0;
        var final = false;
        var state = new JsonReaderState();
        string? name = null;
        string? version = null;
        string? property = null;
        while (true)
        {
            while (!final && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    final = true;
                }

                length += read;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    if (name is not null && Sections.Contains(property!))
                    {
                        return (name, version);
                    }
                }
                else if (reader.TokenType == JsonTokenType.String && property is "name" or "version")
                {
                    if (property == "name")
                    {
                        name = reader.GetString();
                    }
                    else
                    {
                        version = reader.GetString();
                    }

                    if (name is not null && version is not null)
                    {
                        return (name, version);
                    }
                }
            }

            if (final)
            {
                return (name, version);
            }

            // Keep the unread tail; grow when one token does not fit.
            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
