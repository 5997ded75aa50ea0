using Infra.Components.Connectivity;

namespace Infra.Components.Kubernetes;

/// <summary>
/// The upload container of each object storage API. One container per destination, so a primary and a secondary copy
/// may speak different APIs. Writers may only create objects: nothing is listed, replaced or deleted; the bucket's
/// lifecycle rule expires old dumps. Object names: <c>&lt;prefix&gt;&lt;database&gt;/&lt;database&gt;-&lt;UTC stamp&gt;.&lt;ext&gt;</c>.
/// </summary>
internal static class UploadScripts
{
    /// <summary>The GCE/GKE metadata server, which hands a Workload Identity pod its Google access token.</summary>
    public const string MetadataTokenUrl = "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token";

    private const string ObjectName =
        "set -eu\n" +
        "object=\"${PREFIX}${DB_NAME}/${DB_NAME}-$(cat " + DumpScripts.StampFile + ").${EXTENSION}\"\n";

    public static string Script(ObjectStorageApi api) => api == ObjectStorageApi.GoogleCloudStorage ? GoogleCloudStorage : S3;

    /// <summary>
    /// aws-cli finds its credentials itself: a static key in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the EKS Pod
    /// Identity agent named by the variables its admission webhook injects.
    /// </summary>
    private const string S3 =
        ObjectName +
        "aws s3 cp " + DumpScripts.DumpFile + " \"s3://${BUCKET}/${object}\" --endpoint-url \"$ENDPOINT\" --only-show-errors\n";

    /// <summary>
    /// A media upload to the JSON API with the metadata server's token. <c>ifGenerationMatch=0</c> makes it create-only
    /// (an existing object is never replaced), and the token reaches curl through a private header file, not its arguments.
    /// </summary>
    private const string GoogleCloudStorage =
        ObjectName +
        "umask 077\n" +
        "header=/tmp/authorization\n" +
        "trap 'rm -f \"$header\"' EXIT\n" +
        "token=$(curl -fsS --retry 3 -H 'Metadata-Flavor: Google' " + MetadataTokenUrl + " | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')\n" +
        "if [ -z \"$token\" ]; then echo 'the metadata server gave no access token' >&2; exit 1; fi\n" +
        "printf 'Authorization: Bearer %s\\n' \"$token\" > \"$header\"\n" +
        "curl -fsS --retry 3 -X POST -H @\"$header\" -H 'Content-Type: application/octet-stream' -T " + DumpScripts.DumpFile + " \\\n" +
        "  --url-query uploadType=media --url-query \"name=${object}\" --url-query ifGenerationMatch=0 \\\n" +
        "  -o /dev/null \"${ENDPOINT%/}/upload/storage/v1/b/${BUCKET}/o\"\n";
}
