namespace Infra.Tests.Cli;

/// <summary>A throw-away Pulumi project folder with the sample stack's config.</summary>
public sealed class SampleProject : IDisposable
{
    public SampleProject()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("infra-project-").FullName;
        File.WriteAllText(Path.Combine(Directory, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");
        Write("dev", "config:\n  aws:region: eu-west-1\n  infra:appName: shop\n  infra:databasePassword:\n    secure: v1:abc\n");
    }

    public string Directory { get; }

    public void Write(string stack, string yaml) => File.WriteAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), yaml);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
