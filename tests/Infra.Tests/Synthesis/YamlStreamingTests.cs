using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Synthesis;

/// <summary>The compiler streams the program to standard output; what it streams is byte for byte the program's text.</summary>
public class YamlStreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public void A_streamed_program_is_the_same_text_as_the_written_one(int buckets)
    {
        var program = Programs.Synthesize(() =>
        {
            for (var i = 0; i < buckets; i++)
            {
                var bucket = new CustomResource("aws:s3/bucket:Bucket", $"assets-{i}", new Props
                {
                    ["bucketPrefix"] = $"assets-{i}-",
                    ["tags"] = new Props { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cost"] = "$${team}" },
                });
                new CustomResource("aws:s3/bucketVersioning:BucketVersioning", $"assets-{i}-versioning", new Props
                {
                    ["bucket"] = bucket.Id,
                    ["versioningConfiguration"] = new Props { ["status"] = "Enabled" },
                });
            }

            Deployment.Current.Export("first", "text with\nlines\n");
        });
        string[] header = ["one comment", "another"];
        var streamed = new StringWriter();

        YamlWriter.Write(program, streamed, header);

        var written = YamlWriter.Write(program, header);
        Assert.Equal(written, streamed.ToString());
        Assert.True(buckets == 1 || written.Length > 64 * 1024, "the larger program must span several flushes");
    }
}
