using System.Globalization;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>The backup job's pod: the dump init container, one upload container per destination, scratch and CA volumes.</summary>
internal static class BackupPod
{
    public static Props Spec(DatabaseBackupSpec spec, Input account, Input secret)
    {
        var args = spec.Args;
        var verifyCa = spec.CaSecret is not null;
        var dumpEnv = new List<Props>
        {
            Env("DB_HOST", args.Database.Host),
            Env("DB_PORT", args.Database.Ports[0].ToString(CultureInfo.InvariantCulture)),
            Env("DB_NAME", args.DatabaseName),
            SecretEnv("DB_USER", secret, "DB_USER"),
            SecretEnv(DumpScripts.PasswordVariable(args.Engine), secret, "DB_PASSWORD"),
        };
        dumpEnv.AddRange(DumpScripts.ToolEnvironment(args.Engine, verifyCa).Select(e => Env(e.Name, e.Value)));
        dumpEnv.Add(Env("HOME", "/tmp"));
        var dumpMounts = new List<Props> { Mount("backup", "/backup"), Mount("tmp-dump", "/tmp") };
        var volumes = new List<Props> { K8s.EmptyDirVolume("backup", args.ScratchSize), K8s.EmptyDirVolume("tmp-dump", "64Mi") };
        if (spec.CaSecret is { } caSecret)
        {
            dumpMounts.Add(new Props { ["name"] = "database-ca", ["mountPath"] = DumpScripts.CaDirectory, ["readOnly"] = true });
            volumes.Add(new Props
            {
                ["name"] = "database-ca",
                ["secret"] = new Props
                {
                    ["secretName"] = caSecret,
                    ["items"] = K8s.List([new Props { ["key"] = "ca.crt", ["path"] = "ca.crt" }]),
                    ["defaultMode"] = 0x124, // 0444
                },
            });
        }

        var uploads = new List<Props>();
        foreach (var destination in spec.Destinations)
        {
            var tmp = "tmp-" + destination.ContainerName;
            volumes.Add(K8s.EmptyDirVolume(tmp, "64Mi"));
            var image = destination.Target.Api == ObjectStorageApi.GoogleCloudStorage ? args.GcsUploadImage : args.S3UploadImage;
            uploads.Add(Container(destination.ContainerName, image, UploadScripts.Script(destination.Target.Api),
                UploadEnv(spec, destination, secret), [Mount("backup", "/backup"), Mount(tmp, "/tmp")]));
        }

        return new Props
        {
            ["serviceAccountName"] = account,
            ["automountServiceAccountToken"] = false,
            ["restartPolicy"] = "Never",
            ["securityContext"] = K8s.PodSecurityContext(),
            ["initContainers"] = K8s.List([Container("dump", spec.DumpImage, DumpScripts.Script(args.Engine, verifyCa), dumpEnv, dumpMounts)]),
            ["containers"] = K8s.List(uploads),
            ["volumes"] = K8s.List(volumes),
        };
    }

    private static List<Props> UploadEnv(DatabaseBackupSpec spec, BackupDestination destination, Input secret)
    {
        var target = destination.Target;
        var env = new List<Props>
        {
            Env("DB_NAME", spec.Args.DatabaseName),
            Env("EXTENSION", DumpScripts.Extension(spec.Args.Engine)),
            Env("BUCKET", target.Bucket),
            Env("ENDPOINT", target.Endpoint),
            Env("PREFIX", target.Prefix),
        };
        if (target.Api == ObjectStorageApi.S3)
        {
            env.Add(Env("AWS_DEFAULT_REGION", target.Region));
        }

        if (target.HasStaticKey)
        {
            env.Add(SecretEnv("AWS_ACCESS_KEY_ID", secret, $"{destination.Slot}_ACCESS_KEY_ID"));
            env.Add(SecretEnv("AWS_SECRET_ACCESS_KEY", secret, $"{destination.Slot}_SECRET_ACCESS_KEY"));
        }

        env.Add(Env("HOME", "/tmp"));
        return env;
    }

    private static Props Container(string name, string image, string script, IEnumerable<Props> env, IEnumerable<Props> mounts) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["command"] = new[] { "/bin/sh", "-c" },
        ["args"] = new[] { script },
        ["env"] = K8s.List(env),
        ["resources"] = K8s.Resources("100m", "256Mi", "1Gi", null),
        ["securityContext"] = K8s.ContainerSecurityContext(),
        ["volumeMounts"] = K8s.List(mounts),
    };

    private static Props Mount(string name, string path) => K8s.VolumeMount(name, path);

    private static Props Env(string name, Input value) => new() { ["name"] = name, ["value"] = value };

    private static Props SecretEnv(string name, Input secret, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new Props { ["secretKeyRef"] = new Props { ["name"] = secret, ["key"] = key } },
    };
}
