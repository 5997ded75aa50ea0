namespace Infra.Policies.Rules;

/// <summary>AWS type tokens the rules read (pulumi-aws 7.x).</summary>
internal static class Aws
{
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string DefaultVpc = "aws:ec2/defaultVpc:DefaultVpc";
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string EksCluster = "aws:eks/cluster:Cluster";
    public const string EksNodeGroup = "aws:eks/nodeGroup:NodeGroup";
    public const string EksAddon = "aws:eks/addon:Addon";
    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string RdsCluster = "aws:rds/cluster:Cluster";
    public const string RdsClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    public const string RdsParameterGroup = "aws:rds/parameterGroup:ParameterGroup";
    public const string RdsClusterParameterGroup = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
    public const string DocDbCluster = "aws:docdb/cluster:Cluster";
    public const string DocDbClusterParameterGroup = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";
    public const string ElastiCacheReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    public const string MskCluster = "aws:msk/cluster:Cluster";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string BucketAcl = "aws:s3/bucketAcl:BucketAcl";
    public const string BucketAclV2 = "aws:s3/bucketAclV2:BucketAclV2";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BucketEncryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string BucketEncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public const string BucketVersioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string BucketVersioningV2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public const string BucketOwnershipControls = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    public const string BucketLogging = "aws:s3/bucketLogging:BucketLogging";
    public const string BucketLoggingV2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    public const string CloudFrontDistribution = "aws:cloudfront/distribution:Distribution";
    public const string LbListener = "aws:lb/listener:Listener";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string WebAclAssociation = "aws:wafv2/webAclAssociation:WebAclAssociation";
    public const string KmsKey = "aws:kms/key:Key";
    public const string KmsKeyPolicy = "aws:kms/keyPolicy:KeyPolicy";
    public const string IamPolicy = "aws:iam/policy:Policy";
    public const string IamRolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string IamRole = "aws:iam/role:Role";
    public const string IamRolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string CloudTrail = "aws:cloudtrail/trail:Trail";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";

    public static readonly string[] Buckets = [Bucket, BucketV2];
}

/// <summary>Google Cloud type tokens the rules read (pulumi-gcp 9.x).</summary>
internal static class Gcp
{
    public const string Firewall = "gcp:compute/firewall:Firewall";
    public const string Subnetwork = "gcp:compute/subnetwork:Subnetwork";
    public const string GkeCluster = "gcp:container/cluster:Cluster";
    public const string GkeNodePool = "gcp:container/nodePool:NodePool";
    public const string SqlInstance = "gcp:sql/databaseInstance:DatabaseInstance";
    public const string RedisInstance = "gcp:redis/instance:Instance";
    public const string MemorystoreInstance = "gcp:memorystore/instance:Instance";
    public const string KafkaCluster = "gcp:managedkafka/cluster:Cluster";
    public const string Bucket = "gcp:storage/bucket:Bucket";
    public const string BucketIamMember = "gcp:storage/bucketIAMMember:BucketIAMMember";
    public const string BucketIamBinding = "gcp:storage/bucketIAMBinding:BucketIAMBinding";
    public const string BackendService = "gcp:compute/backendService:BackendService";
    public const string UrlMap = "gcp:compute/uRLMap:URLMap";
    public const string SslPolicy = "gcp:compute/sSLPolicy:SSLPolicy";
    public const string TargetHttpProxy = "gcp:compute/targetHttpProxy:TargetHttpProxy";
    public const string TargetHttpsProxy = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
    public const string CryptoKey = "gcp:kms/cryptoKey:CryptoKey";
    public const string CryptoKeyIamMember = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    public const string ProjectIamMember = "gcp:projects/iAMMember:IAMMember";
    public const string ServiceAccountIamMember = "gcp:serviceaccount/iAMMember:IAMMember";
    public const string IamAuditConfig = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
}

/// <summary>Yandex Cloud type tokens (Terraform provider yandex-cloud/yandex 0.222 through the dynamic bridge).</summary>
internal static class Yandex
{
    public const string SecurityGroup = "yandex:index/vpcSecurityGroup:VpcSecurityGroup";
    public const string SecurityGroupRule = "yandex:index/vpcSecurityGroupRule:VpcSecurityGroupRule";
    public const string KubernetesCluster = "yandex:index/kubernetesCluster:KubernetesCluster";
    public const string KubernetesNodeGroup = "yandex:index/kubernetesNodeGroup:KubernetesNodeGroup";
    public const string Postgresql = "yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster";
    public const string PostgresqlV2 = "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2";
    public const string PostgresqlUser = "yandex:index/mdbPostgresqlUser:MdbPostgresqlUser";
    public const string Mongodb = "yandex:index/mdbMongodbCluster:MdbMongodbCluster";
    public const string MongodbUser = "yandex:index/mdbMongodbUser:MdbMongodbUser";
    public const string Redis = "yandex:index/mdbRedisCluster:MdbRedisCluster";
    public const string RedisV2 = "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2";
    public const string Clickhouse = "yandex:index/mdbClickhouseCluster:MdbClickhouseCluster";
    public const string ClickhouseV2 = "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2";
    public const string Kafka = "yandex:index/mdbKafkaCluster:MdbKafkaCluster";
    public const string KafkaUser = "yandex:index/mdbKafkaUser:MdbKafkaUser";
    public const string StorageBucket = "yandex:index/storageBucket:StorageBucket";
    public const string CdnResource = "yandex:index/cdnResource:CdnResource";
    public const string AlbLoadBalancer = "yandex:index/albLoadBalancer:AlbLoadBalancer";
    public const string AlbHttpRouter = "yandex:index/albHttpRouter:AlbHttpRouter";
    public const string AlbVirtualHost = "yandex:index/albVirtualHost:AlbVirtualHost";
    public const string KmsSymmetricKey = "yandex:index/kmsSymmetricKey:KmsSymmetricKey";
    public const string FolderIamMember = "yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember";
    public const string StaticAccessKey = "yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey";
    public const string LoggingGroup = "yandex:index/loggingGroup:LoggingGroup";
    public const string AuditTrail = "yandex:index/auditTrailsTrail:AuditTrailsTrail";

    /// <summary>Managed database clusters whose hosts are a list (SDKv2) or a map keyed by host label (V2).</summary>
    public static readonly string[] HostedClusters = [Postgresql, PostgresqlV2, Mongodb, Redis, RedisV2, Clickhouse, ClickhouseV2];

    public static readonly string[] ManagedClusters = [.. HostedClusters, Kafka];
}

/// <summary>Kubernetes type tokens (pulumi-kubernetes 4.x; ConfigGroup objects get the same tokens).</summary>
internal static class K8s
{
    public const string Pod = "kubernetes:core/v1:Pod";
    public const string Deployment = "kubernetes:apps/v1:Deployment";
    public const string StatefulSet = "kubernetes:apps/v1:StatefulSet";
    public const string DaemonSet = "kubernetes:apps/v1:DaemonSet";
    public const string ReplicaSet = "kubernetes:apps/v1:ReplicaSet";
    public const string Job = "kubernetes:batch/v1:Job";
    public const string CronJob = "kubernetes:batch/v1:CronJob";
    public const string Namespace = "kubernetes:core/v1:Namespace";
    public const string Service = "kubernetes:core/v1:Service";
    public const string Ingress = "kubernetes:networking.k8s.io/v1:Ingress";
    public const string NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    public const string PodDisruptionBudget = "kubernetes:policy/v1:PodDisruptionBudget";
    public const string HelmRelease = "kubernetes:helm.sh/v3:Release";
    public const string HelmChart = "kubernetes:helm.sh/v4:Chart";

    /// <summary>Every kind that carries a pod template.</summary>
    public static readonly string[] Workloads = [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob];
}
