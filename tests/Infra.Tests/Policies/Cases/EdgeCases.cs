using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

/// <summary>CDN and load-balancer fixtures.</summary>
internal static class EdgeCases
{
    private const string Restrictions = "restrictions: { geoRestriction: { restrictionType: none } }";

    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-CDN-001", "aws", "HTTPS everywhere", $$"""
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties:
                enabled: true
                {{Restrictions}}
                defaultCacheBehavior: { targetOriginId: o, viewerProtocolPolicy: redirect-to-https }
                orderedCacheBehaviors: [{ pathPattern: "/api/*", targetOriginId: o, viewerProtocolPolicy: https-only }]
            """),
        Fail("INF-CDN-001", "aws", "plain HTTP allowed by default behaviour", $$"""
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { enabled: true, {{Restrictions}}, defaultCacheBehavior: { targetOriginId: o, viewerProtocolPolicy: allow-all } }
            """, "defaultCacheBehavior.viewerProtocolPolicy"),
        Fail("INF-CDN-001", "aws", "plain HTTP allowed on one path", $$"""
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties:
                enabled: true
                {{Restrictions}}
                defaultCacheBehavior: { targetOriginId: o, viewerProtocolPolicy: https-only }
                orderedCacheBehaviors: [{ pathPattern: "/img/*", targetOriginId: o, viewerProtocolPolicy: allow-all }]
            """, "orderedCacheBehaviors[0].viewerProtocolPolicy"),
        Pass("INF-CDN-001", "yandex", "HTTP redirected", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com, options: { redirectHttpToHttps: true } }
            """),
        Fail("INF-CDN-001", "yandex", "no redirect", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com }
            """, "options.redirectHttpToHttps"),

        Pass("INF-CDN-002", "aws", "an ACM certificate with TLS 1.2", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { aliases: [www.example.com], viewerCertificate: { acmCertificateArn: "${cert.arn}", sslSupportMethod: sni-only, minimumProtocolVersion: TLSv1.2_2021 } }
            """),
        Fail("INF-CDN-002", "aws", "the default certificate", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { viewerCertificate: { cloudfrontDefaultCertificate: true } }
            """, "viewerCertificate.cloudfrontDefaultCertificate"),
        Fail("INF-CDN-002", "aws", "TLS 1.0 allowed", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { viewerCertificate: { acmCertificateArn: "${cert.arn}", sslSupportMethod: sni-only, minimumProtocolVersion: TLSv1 } }
            """, "viewerCertificate.minimumProtocolVersion"),
        Pass("INF-CDN-002", "yandex", "a Certificate Manager certificate", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com, sslCertificate: { type: certificate_manager, certificateManagerId: "${cert.id}" } }
            """),
        Fail("INF-CDN-002", "yandex", "no certificate", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com, sslCertificate: { type: not_used } }
            """, "sslCertificate.type"),

        Pass("INF-CDN-003", "aws", "HTTPS to a custom origin and OAC to S3", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties:
                origins:
                  - { originId: api, domainName: api.example.com, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: https-only, originSslProtocols: [TLSv1.2] } }
                  - { originId: s3, domainName: "${assets.bucketRegionalDomainName}", originAccessControlId: "${oac.id}" }
            """),
        Fail("INF-CDN-003", "aws", "plain HTTP to the origin", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { origins: [{ originId: api, domainName: api.example.com, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: http-only, originSslProtocols: [TLSv1.2] } }] }
            """, "origins[0].customOriginConfig.originProtocolPolicy"),
        Fail("INF-CDN-003", "aws", "an S3 origin without origin access control", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { origins: [{ originId: s3, domainName: assets.s3.eu-west-1.amazonaws.com }] }
            """, "origins[0].originAccessControlId"),
        Pass("INF-CDN-003", "gcp", "an HTTPS CDN back end", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { enableCdn: true, protocol: HTTPS }
            """),
        Fail("INF-CDN-003", "gcp", "a CDN back end on plain HTTP by default", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { enableCdn: true }
            """, "protocol"),
        Pass("INF-CDN-003", "yandex", "HTTPS to the origin", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com, originProtocol: https }
            """),
        Fail("INF-CDN-003", "yandex", "HTTP to the origin by default", """
            cdn:
              type: yandex:index/cdnResource:CdnResource
              properties: { cname: cdn.example.com }
            """, "originProtocol"),

        Pass("INF-CDN-004", "aws", "a web ACL", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { webAclId: "${waf.arn}" }
            """),
        Fail("INF-CDN-004", "aws", "no web ACL", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { enabled: true }
            """, "webAclId"),
        Pass("INF-CDN-004", "gcp", "an edge security policy", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { enableCdn: true, edgeSecurityPolicy: "${edge.id}" }
            """),
        Fail("INF-CDN-004", "gcp", "no edge security policy", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { enableCdn: true }
            """, "edgeSecurityPolicy"),

        Pass("INF-LB-001", "aws", "an HTTP listener that only redirects", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            http:
              type: aws:lb/listener:Listener
              properties: { loadBalancerArn: "${lb.arn}", port: 80, protocol: HTTP, defaultActions: [{ type: redirect, redirect: { protocol: HTTPS, port: "443", statusCode: HTTP_301 } }] }
            """),
        Pass("INF-LB-001", "aws", "HTTP on an internal load balancer", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
              properties: { internal: true }
            http:
              type: aws:lb/listener:Listener
              properties: { loadBalancerArn: "${lb.arn}", port: 80, protocol: HTTP, defaultActions: [{ type: forward, targetGroupArn: "${tg.arn}" }] }
            """),
        Fail("INF-LB-001", "aws", "an internet-facing HTTP listener forwarding traffic", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            http:
              type: aws:lb/listener:Listener
              properties: { loadBalancerArn: "${lb.arn}", port: 80, protocol: HTTP, defaultActions: [{ type: forward, targetGroupArn: "${tg.arn}" }] }
            """, "defaultActions"),
        Pass("INF-LB-001", "gcp", "an HTTP proxy on a redirecting URL map", """
            redirect:
              type: gcp:compute/uRLMap:URLMap
              properties: { defaultUrlRedirect: { httpsRedirect: true, stripQuery: false } }
            http:
              type: gcp:compute/targetHttpProxy:TargetHttpProxy
              properties: { urlMap: "${redirect.id}" }
            """),
        Fail("INF-LB-001", "gcp", "an HTTP proxy serving the application", """
            app:
              type: gcp:compute/uRLMap:URLMap
              properties: { defaultService: "${backend.id}" }
            http:
              type: gcp:compute/targetHttpProxy:TargetHttpProxy
              properties: { urlMap: "${app.id}" }
            """, "urlMap"),
        Pass("INF-LB-001", "yandex", "the external HTTP listener redirects", """
            alb:
              type: yandex:index/albLoadBalancer:AlbLoadBalancer
              properties:
                networkId: n
                listeners:
                  - name: http
                    endpoints: [{ ports: [80], addresses: [{ externalIpv4Address: {} }] }]
                    http: { redirects: { httpToHttps: true } }
            """),
        Fail("INF-LB-001", "yandex", "the external HTTP listener serves traffic", """
            alb:
              type: yandex:index/albLoadBalancer:AlbLoadBalancer
              properties:
                networkId: n
                listeners:
                  - name: http
                    endpoints: [{ ports: [80], addresses: [{ externalIpv4Address: {} }] }]
                    http: { handler: { httpRouterId: "${router.id}" } }
            router:
              type: yandex:index/albHttpRouter:AlbHttpRouter
            """, "listeners[0].http"),
        Pass("INF-LB-001", "kubernetes", "an Ingress with TLS", """
            web:
              type: kubernetes:networking.k8s.io/v1:Ingress
              properties: { metadata: { namespace: shop }, spec: { tls: [{ hosts: [shop.example.com], secretName: shop-tls }] } }
            """),
        Fail("INF-LB-001", "kubernetes", "an Ingress without TLS", """
            web:
              type: kubernetes:networking.k8s.io/v1:Ingress
              properties: { metadata: { namespace: shop }, spec: { rules: [{ host: shop.example.com }] } }
            """, "spec.tls"),

        Pass("INF-LB-002", "aws", "a TLS 1.3 policy", """
            https:
              type: aws:lb/listener:Listener
              properties: { loadBalancerArn: "${lb.arn}", port: 443, protocol: HTTPS, sslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06, certificateArn: "${cert.arn}" }
            """),
        Fail("INF-LB-002", "aws", "the default policy accepting TLS 1.0", """
            https:
              type: aws:lb/listener:Listener
              properties: { loadBalancerArn: "${lb.arn}", port: 443, protocol: HTTPS, certificateArn: "${cert.arn}" }
            """, "sslPolicy"),
        Pass("INF-LB-002", "gcp", "a modern SSL policy on the proxy", """
            tls:
              type: gcp:compute/sSLPolicy:SSLPolicy
              properties: { profile: MODERN, minTlsVersion: TLS_1_2 }
            https:
              type: gcp:compute/targetHttpsProxy:TargetHttpsProxy
              properties: { urlMap: "${app.id}", sslPolicy: "${tls.id}" }
            """),
        Fail("INF-LB-002", "gcp", "an SSL policy with the COMPATIBLE default", """
            tls:
              type: gcp:compute/sSLPolicy:SSLPolicy
              properties: { minTlsVersion: TLS_1_2 }
            """, "profile"),
        Fail("INF-LB-002", "gcp", "an HTTPS proxy on Google's default SSL policy", """
            https:
              type: gcp:compute/targetHttpsProxy:TargetHttpsProxy
              properties: { urlMap: "${app.id}" }
            """, "sslPolicy"),

        Pass("INF-LB-003", "aws", "a web ACL association", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            lbWaf:
              type: aws:wafv2/webAclAssociation:WebAclAssociation
              properties: { resourceArn: "${lb.arn}", webAclArn: "${waf.arn}" }
            """),
        Fail("INF-LB-003", "aws", "an internet-facing ALB without WAF", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            """, "<aws:wafv2/webAclAssociation:WebAclAssociation>"),
        Pass("INF-LB-003", "gcp", "a Cloud Armor policy", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { loadBalancingScheme: EXTERNAL_MANAGED, securityPolicy: "${armor.id}" }
            """),
        Fail("INF-LB-003", "gcp", "no Cloud Armor policy", """
            backend:
              type: gcp:compute/backendService:BackendService
              properties: { loadBalancingScheme: EXTERNAL_MANAGED }
            """, "securityPolicy"),
        Pass("INF-LB-003", "yandex", "a Smart Web Security profile", """
            host:
              type: yandex:index/albVirtualHost:AlbVirtualHost
              properties: { httpRouterId: "${router.id}", routeOptions: { securityProfileId: "${sws.id}" } }
            """),
        Fail("INF-LB-003", "yandex", "no security profile", """
            host:
              type: yandex:index/albVirtualHost:AlbVirtualHost
              properties: { httpRouterId: "${router.id}" }
            """, "routeOptions.securityProfileId"),

        Pass("INF-LB-004", "aws", "invalid headers dropped", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
              properties: { dropInvalidHeaderFields: true }
            """),
        Fail("INF-LB-004", "aws", "invalid headers passed on by default", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            """, "dropInvalidHeaderFields"),
        Pass("INF-LB-004", "kubernetes", "an internal load-balancer Service", """
            svc:
              type: kubernetes:core/v1:Service
              properties: { metadata: { namespace: shop, annotations: { networking.gke.io/load-balancer-type: Internal } }, spec: { type: LoadBalancer } }
            """),
        Fail("INF-LB-004", "kubernetes", "a public load-balancer Service", """
            svc:
              type: kubernetes:core/v1:Service
              properties: { metadata: { namespace: shop }, spec: { type: LoadBalancer } }
            """, "spec.type"),
    ];
}
