using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// How a cloud provisions encrypted persistent volumes for in-cluster data services: the CSI provisioner and its
/// parameters (e.g. <c>ebs.csi.aws.com</c> with <c>encrypted: "true"</c> and a KMS key; <c>pd.csi.storage.gke.io</c>
/// with a Cloud KMS key).
/// </summary>
/// <param name="Provisioner">The CSI driver name.</param>
/// <param name="Parameters">The StorageClass parameters, in order; values may be outputs (key IDs).</param>
/// <param name="DependsOn">What must exist before volumes are provisioned (e.g. the grant that lets the disk service use the key).</param>
public sealed record EncryptedStorageClass(string Provisioner, IReadOnlyList<KeyValuePair<string, Input>> Parameters, IReadOnlyList<Resource>? DependsOn = null);
