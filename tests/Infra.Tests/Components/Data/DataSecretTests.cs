using System.Text.RegularExpressions;
using Infra.Components;
using Infra.Components.Data;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>Credentials never appear in the program in clear: they are random passwords' results or fn::secret values.</summary>
public partial class DataSecretTests
{
    /// <summary>Property names that carry a credential or a document that embeds one.</summary>
    [GeneratedRegex("^(password|masterPassword|authToken|adminPassword|secretString|secretData|stringData|uri|connectionString)$", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialProperty();

    [Theory]
    [MemberData(nameof(DataPlatformTests.CloudsAndEnvironments), MemberType = typeof(DataPlatformTests))]
    public void Every_credential_property_is_a_random_password_or_a_secret(CloudKind cloud, string environment)
    {
        var program = DataPlatformTests.AllEngines(cloud, environment);
        var checkedCount = 0;
        foreach (var resource in DataPlatformTests.Components.SelectMany(program.ChildrenOf))
        {
            foreach (var (key, value) in resource.Properties.Entries().Where(e => CredentialProperty().IsMatch(e.Key)))
            {
                checkedCount++;
                var secret = program.IsSecret(value) || (key == "stringData" && ((MapNode)value).Entries.All(e => program.IsSecret(e.Value)));
                Assert.True(secret, $"{resource.Key}.{key} is not secret");
            }

            // Lockbox keeps one entry per value: { key: password, textValue: … }.
            foreach (var entry in resource.Properties.Descendants().OfType<MapNode>().Where(m => m["key"] is StringNode { Value: "password" or "uri" } && m["textValue"] is not null))
            {
                checkedCount++;
                Assert.True(program.IsSecret(entry["textValue"]), $"{resource.Key} entry {((StringNode)entry["key"]!).Value} is not secret");
            }
        }

        Assert.True(checkedCount >= 8, $"only {checkedCount} credential properties were found");
    }

    [Theory]
    [MemberData(nameof(DataPlatformTests.CloudsAndEnvironments), MemberType = typeof(DataPlatformTests))]
    public void The_written_program_holds_no_password_text(CloudKind cloud, string environment)
    {
        var yaml = YamlWriter.Write(DataPlatformTests.AllEngines(cloud, environment));

        // Passwords are generated at deploy time: the only password values written are references and secrets.
        foreach (Match match in PasswordLine().Matches(yaml))
        {
            var value = match.Groups["value"].Value.Trim();
            Assert.True(value.Length == 0 || value.StartsWith("${", StringComparison.Ordinal), $"'{match.Value.Trim()}' holds a literal");
        }

        Assert.DoesNotMatch("postgresql://[^$]*:[^$@]+@", yaml);
        Assert.Contains("${orders-password.result}", yaml, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*(password|masterPassword|authToken|adminPassword|secretString|secretData):(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();

    [Theory]
    [MemberData(nameof(DataPlatformTests.CloudsAndEnvironments), MemberType = typeof(DataPlatformTests))]
    public void Password_and_connection_string_outputs_are_secret_and_the_endpoint_carries_only_secrets(CloudKind cloud, string environment)
    {
        DataService? service = null;
        var program = DataProgram.Synthesize(cloud, environment, s =>
            service = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network }, s.Platform));

        Assert.True(program.IsRandomPassword(service!.Password.Node));
        Assert.Equal("secret", Assert.IsType<FunctionNode>(service.ConnectionString.Node).Name);
        Assert.All(service.Endpoint.Credentials, c => Assert.False(c.Value.IsKnown, c.Key));
        Assert.Equal(["USERNAME", "PASSWORD", "URL"], service.Endpoint.Credentials.Select(c => c.Key));
        var registered = service.RegisteredOutputs.ToDictionary(o => o.Key, o => o.Value);
        Assert.True(program.IsSecret(registered["password"]));
        Assert.True(program.IsSecret(registered["connectionString"]));
    }

    [Fact]
    public void Generated_passwords_use_only_characters_every_engine_and_uri_accept()
    {
        var program = DataPlatformTests.AllEngines(CloudKind.Aws, "prod");
        var password = program.One("orders", "random:index/randomPassword:RandomPassword");

        Assert.Equal(32, password.Properties.Integer("length"));
        Assert.False(password.Properties.Bool("special"));
    }
}
