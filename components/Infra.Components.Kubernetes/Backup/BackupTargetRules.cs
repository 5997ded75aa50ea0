using System.Text.RegularExpressions;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;

namespace Infra.Components.Kubernetes;

/// <summary>Checks of a backup destination: the bucket and endpoint, how its writer authenticates, and who it was granted to.</summary>
internal static partial class BackupTargetRules
{
    /// <summary>Checks one destination; false when it is missing altogether.</summary>
    public static bool Check(ArgsProblems problems, string key, ObjectStorageTarget? target)
    {
        if (target is null)
        {
            problems.Add(key, null, $"{key} is null.", "a bucket to write to", "Pass the ObjectStorageTarget that ObjectStorage.GrantWrite returned.");
            return false;
        }

        if (!Bucket().IsMatch(target.Bucket ?? ""))
        {
            problems.Add($"{key}.Bucket", target.Bucket, $"{key}.Bucket '{target.Bucket}' is not a bucket name.",
                "3 to 63 lower-case letters, digits, '.' and '-'", "Give the bucket's name, not its URL.");
        }

        if (!Uri.TryCreate(target.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{key}.Endpoint", target.Endpoint, $"{key}.Endpoint '{target.Endpoint}' is not an https URL.",
                "dumps travel encrypted: an https:// endpoint", "Write e.g. 'https://storage.googleapis.com'.");
        }

        CheckAuthentication(problems, key, target);
        for (var i = 0; i < target.Cidrs.Count; i++)
        {
            EndpointRules.CheckCidr(problems, $"{key}.Cidrs[{i}]", target.Cidrs[i], allowWorld: true);
        }

        EndpointRules.CheckCredentialEndpoints(problems, key, target.CredentialEndpoints);

        return true;
    }

    /// <summary>An ambient identity is bound to one service account in one namespace: the job must run as exactly that one.</summary>
    public static void CheckGrant(ArgsProblems problems, BackupDestination destination, string jobAccount, string jobNamespace, bool namespaceGiven)
    {
        if (destination.Target.GrantedTo is not { } granted)
        {
            return;
        }

        var key = destination.Key;
        var account = granted.KubernetesServiceAccount ?? granted.Name;
        if (account != jobAccount)
        {
            problems.Add($"{key}.GrantedTo", account,
                $"{key} was granted to service account '{account}', but the job runs as '{jobAccount}'.",
                "an ambient identity is bound to one Kubernetes service account; the job's ServiceAccount is named DatabaseBackupArgs.Name",
                $"Set DatabaseBackupArgs.Name to '{account}', or grant the write access to '{jobAccount}'.");
        }

        if (jobNamespace.Length > 0 && granted.KubernetesNamespace != jobNamespace)
        {
            var where = namespaceGiven ? "DatabaseBackupArgs.Namespace" : "the database's namespace, where the job runs when DatabaseBackupArgs.Namespace is not set";
            problems.Add($"{key}.GrantedTo", granted.KubernetesNamespace,
                $"{key} was granted to namespace '{granted.KubernetesNamespace}', but the job runs in '{jobNamespace}' ({where}).",
                "an ambient identity is bound to a service account in one namespace",
                $"Set DatabaseBackupArgs.Namespace to the Namespace '{granted.KubernetesNamespace}', or grant the write access in '{jobNamespace}'.");
        }
    }

    private static void CheckAuthentication(ArgsProblems problems, string key, ObjectStorageTarget target)
    {
        if ((target.AccessKeyId is null) != (target.SecretAccessKey is null))
        {
            problems.Add(target.AccessKeyId is null ? $"{key}.AccessKeyId" : $"{key}.SecretAccessKey", null,
                $"{key} gives only one of AccessKeyId and SecretAccessKey.", "a static key is both values or neither",
                "Pass both secret outputs of the key, or neither for an ambient identity (GrantedTo).");
        }
        else if (target.HasStaticKey)
        {
            EndpointRules.CheckSecret(problems, $"{key}.AccessKeyId", target.AccessKeyId);
            EndpointRules.CheckSecret(problems, $"{key}.SecretAccessKey", target.SecretAccessKey);
        }

        if (target.HasStaticKey && target.GrantedTo is not null)
        {
            problems.Add($"{key}.GrantedTo", target.GrantedTo.Name, $"{key} gives both a static key and GrantedTo.",
                "a writer authenticates with a static key or with an ambient identity, not both", "Pass the target ObjectStorage.GrantWrite returned, unchanged.");
        }
        else if (!target.HasStaticKey && target.GrantedTo is null)
        {
            problems.Add($"{key}.GrantedTo", null, $"{key} gives neither a static key nor GrantedTo, so the job could not authenticate.",
                "a writer authenticates with a static key or with an ambient identity", "Pass the target ObjectStorage.GrantWrite returned, unchanged.");
        }

        if (target.Api == ObjectStorageApi.GoogleCloudStorage && target.HasStaticKey)
        {
            problems.Add($"{key}.Api", target.Api.ToString(), $"{key} speaks the Google Cloud Storage API but gives a static key.",
                "Google Cloud Storage uploads authenticate with the workload's Google identity (GKE Workload Identity)",
                "Use Api = S3 for an HMAC key, or the ambient identity GrantWrite returns on GKE.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();
}
