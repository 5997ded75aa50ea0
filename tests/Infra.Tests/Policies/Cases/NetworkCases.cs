using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class NetworkCases
{
    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-NET-001", "aws", "HTTPS from the world, SSH from the VPN", """
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties:
                ingress:
                  - { protocol: tcp, fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }
                  - { protocol: tcp, fromPort: 22, toPort: 22, cidrBlocks: ["10.8.0.0/16"] }
            """),
        Fail("INF-NET-001", "aws", "SSH from 0.0.0.0/0", """
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties:
                ingress:
                  - { protocol: tcp, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }
            """, "ingress[0].cidrBlocks"),
        Fail("INF-NET-001", "aws", "a port range covering PostgreSQL open on IPv6", """
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties:
                ingress:
                  - { protocol: tcp, fromPort: 5000, toPort: 6000, ipv6CidrBlocks: ["::/0"] }
            """, "ingress[0].ipv6CidrBlocks"),
        Fail("INF-NET-001", "aws", "a standalone ingress rule to PostgreSQL from the world", """
            pg:
              type: aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule
              properties: { securityGroupId: sg-1, ipProtocol: tcp, fromPort: 5432, toPort: 5432, cidrIpv4: 0.0.0.0/0 }
            """, "cidrIpv4"),
        Pass("INF-NET-001", "gcp", "HTTPS from the world", """
            fw:
              type: gcp:compute/firewall:Firewall
              properties: { network: default, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: tcp, ports: ["443"] }] }
            """),
        Fail("INF-NET-001", "gcp", "SSH with no sources (GCP defaults to 0.0.0.0/0)", """
            fw:
              type: gcp:compute/firewall:Firewall
              properties: { network: default, allows: [{ protocol: tcp, ports: ["22"] }] }
            """, "sourceRanges"),
        Pass("INF-NET-001", "yandex", "HTTPS from the world", """
            sg:
              type: yandex:index/vpcSecurityGroup:VpcSecurityGroup
              properties: { networkId: n1, ingresses: [{ protocol: TCP, port: 443, v4CidrBlocks: ["0.0.0.0/0"] }] }
            """),
        Fail("INF-NET-001", "yandex", "SSH from the world", """
            sg:
              type: yandex:index/vpcSecurityGroup:VpcSecurityGroup
              properties: { networkId: n1, ingresses: [{ protocol: TCP, port: 22, v4CidrBlocks: ["0.0.0.0/0"] }] }
            """, "ingresses[0].v4CidrBlocks"),
        Fail("INF-NET-001", "yandex", "a standalone rule whose range covers PostgreSQL", """
            rule:
              type: yandex:index/vpcSecurityGroupRule:VpcSecurityGroupRule
              properties: { securityGroupBinding: sg1, direction: ingress, protocol: TCP, fromPort: 5000, toPort: 6000, v4CidrBlocks: ["0.0.0.0/0"] }
            """, "v4CidrBlocks"),

        Pass("INF-NET-002", "aws", "one port from the world", """
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties: { ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }
            """),
        Fail("INF-NET-002", "aws", "all protocols from the world", """
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }
            """, "ingress[0].cidrBlocks"),
        Pass("INF-NET-002", "gcp", "one port from the world", """
            fw:
              type: gcp:compute/firewall:Firewall
              properties: { network: default, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: tcp, ports: ["443"] }] }
            """),
        Fail("INF-NET-002", "gcp", "protocol all from the world", """
            fw:
              type: gcp:compute/firewall:Firewall
              properties: { network: default, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: all }] }
            """, "sourceRanges"),
        Pass("INF-NET-002", "yandex", "one port from the world", """
            sg:
              type: yandex:index/vpcSecurityGroup:VpcSecurityGroup
              properties: { networkId: n1, ingresses: [{ protocol: TCP, port: 443, v4CidrBlocks: ["0.0.0.0/0"] }] }
            """),
        Fail("INF-NET-002", "yandex", "ANY from the world", """
            sg:
              type: yandex:index/vpcSecurityGroup:VpcSecurityGroup
              properties: { networkId: n1, ingresses: [{ protocol: ANY, v4CidrBlocks: ["0.0.0.0/0"] }] }
            """, "ingresses[0].v4CidrBlocks"),

        Pass("INF-NET-003", "aws", "the default security group emptied", """
            default:
              type: aws:ec2/defaultSecurityGroup:DefaultSecurityGroup
              properties: { vpcId: vpc-1 }
            """),
        Fail("INF-NET-003", "aws", "the default security group allows ingress", """
            default:
              type: aws:ec2/defaultSecurityGroup:DefaultSecurityGroup
              properties: { vpcId: vpc-1, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] }
            """, "ingress"),
        Fail("INF-NET-003", "aws", "the default VPC adopted", """
            default:
              type: aws:ec2/defaultVpc:DefaultVpc
            """, "<resource>"),

        Pass("INF-NET-004", "aws", "a private subnet", """
            private:
              type: aws:ec2/subnet:Subnet
              properties: { vpcId: vpc-1, cidrBlock: 10.0.1.0/24, mapPublicIpOnLaunch: false }
            """),
        Fail("INF-NET-004", "aws", "a subnet mapping public IPs", """
            public:
              type: aws:ec2/subnet:Subnet
              properties: { vpcId: vpc-1, cidrBlock: 10.0.1.0/24, mapPublicIpOnLaunch: true }
            """, "mapPublicIpOnLaunch"),
        Fail("INF-NET-004", "aws", "a launch template associating public IPs", """
            nodes:
              type: aws:ec2/launchTemplate:LaunchTemplate
              properties: { networkInterfaces: [{ associatePublicIpAddress: "true" }] }
            """, "networkInterfaces[0].associatePublicIpAddress"),

        Pass("INF-NET-005", "aws", "a VPC with a flow log", """
            vpc:
              type: aws:ec2/vpc:Vpc
              properties: { cidrBlock: 10.0.0.0/16 }
            vpcFlowLog:
              type: aws:ec2/flowLog:FlowLog
              properties: { vpcId: "${vpc.id}", trafficType: ALL, logDestination: arn:aws:s3:::logs }
            """),
        Fail("INF-NET-005", "aws", "a VPC without a flow log", """
            vpc:
              type: aws:ec2/vpc:Vpc
              properties: { cidrBlock: 10.0.0.0/16 }
            """, "<aws:ec2/flowLog:FlowLog>"),
        Pass("INF-NET-005", "gcp", "a subnetwork with flow logs", """
            subnet:
              type: gcp:compute/subnetwork:Subnetwork
              properties: { network: n, ipCidrRange: 10.0.0.0/20, logConfig: { aggregationInterval: INTERVAL_5_SEC } }
            """),
        Pass("INF-NET-005", "gcp", "a proxy-only subnetwork, which cannot have flow logs", """
            proxy:
              type: gcp:compute/subnetwork:Subnetwork
              properties: { network: n, ipCidrRange: 10.1.0.0/23, purpose: REGIONAL_MANAGED_PROXY }
            """),
        Fail("INF-NET-005", "gcp", "a subnetwork without flow logs", """
            subnet:
              type: gcp:compute/subnetwork:Subnetwork
              properties: { network: n, ipCidrRange: 10.0.0.0/20 }
            """, "logConfig"),

        Pass("INF-NET-006", "aws", "a database with its own security group", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, vpcSecurityGroupIds: ["${dbSg.id}"] }
            """),
        Fail("INF-NET-006", "aws", "a database without security groups", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "vpcSecurityGroupIds"),
        Fail("INF-NET-006", "aws", "a cache in the default subnet group", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c, securityGroupIds: [sg-1] }
            """, "subnetGroupName"),
        Pass("INF-NET-006", "yandex", "a PostgreSQL cluster with security groups", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, securityGroupIds: [sg1], config: { version: "16" } }
            """),
        Fail("INF-NET-006", "yandex", "a Kubernetes master without security groups", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: { zonal: { zone: ru-central1-a } } }
            """, "master.securityGroupIds"),
        Fail("INF-NET-006", "yandex", "node interfaces without security groups", """
            nodes:
              type: yandex:index/kubernetesNodeGroup:KubernetesNodeGroup
              properties: { clusterId: c, instanceTemplate: { networkInterfaces: [{ subnetIds: [s1] }] } }
            """, "instanceTemplate.networkInterfaces[0].securityGroupIds"),
    ];
}
