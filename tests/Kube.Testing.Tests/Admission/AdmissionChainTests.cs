using System.Text.Json.Nodes;
using Kube.Testing.Admission;
using static Kube.Testing.Tests.Admission.AdmissionFixture;

namespace Kube.Testing.Tests.Admission;

public sealed class AdmissionChainTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Ca => _server.Certificates!.CaBundle;

    [Fact]
    public async Task A_mutating_webhook_receives_an_admission_review_and_its_json_patch_is_applied()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request : the webhook gets an AdmissionReview v1 and may answer with a base64 JSONPatch.
        _server.On("/mutate", request => WebhookTestServer.Allow(request, """[{"op":"add","path":"/metadata/labels/injected","value":"yes"}]"""));
        var mutating = Configuration("m", Webhook("inject.example.com", _server.Url("/mutate"), Ca));

        var result = await Chain().AdmitAsync(Create(Deployment(), mutating: [mutating]), CancellationToken.None);

        result.Allowed.Should().BeTrue();
        result.Object!["metadata"]!["labels"]!["injected"]!.GetValue<string>().Should().Be("yes");
        var request = _server.RequestsTo("/mutate").Should().ContainSingle().Subject;
        request["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        request["kind"]!.ToJsonString().Should().Be("""{"group":"apps","version":"v1","kind":"Deployment"}""");
        request["resource"]!.ToJsonString().Should().Be("""{"group":"apps","version":"v1","resource":"deployments"}""");
        request["requestKind"]!.ToJsonString().Should().Be(request["kind"]!.ToJsonString());
        request["name"]!.GetValue<string>().Should().Be("web");
        request["namespace"]!.GetValue<string>().Should().Be("team-a");
        request["operation"]!.GetValue<string>().Should().Be("CREATE");
        request["options"]!["kind"]!.GetValue<string>().Should().Be("CreateOptions");
        request["userInfo"]!["username"]!.GetValue<string>().Should().Be("system:admin");
        request["dryRun"]!.GetValue<bool>().Should().BeFalse();
        request["object"]!["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Mutating_webhooks_run_in_order_each_seeing_the_previous_patch()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#reinvocation-policy : mutating webhooks are called serially, in configuration name order.
        _server.On("/first", request => WebhookTestServer.Allow(request, """[{"op":"replace","path":"/spec/replicas","value":2}]"""));
        _server.On("/second", request => WebhookTestServer.Allow(request,
            """[{"op":"add","path":"/metadata/annotations","value":{"seen":""" + $"\"{request["object"]!["spec"]!["replicas"]}\"" + "}}]"));
        var configurations = new[]
        {
            Configuration("b-second", Webhook("second.example.com", _server.Url("/second"), Ca)),
            Configuration("a-first", Webhook("first.example.com", _server.Url("/first"), Ca)),
        };

        var result = await Chain().AdmitAsync(Create(Deployment(), mutating: configurations), CancellationToken.None);

        result.Object!["metadata"]!["annotations"]!["seen"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task A_validating_denial_is_reported_with_the_webhook_name_and_code()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response : allowed false with status code and message rejects the request.
        _server.On("/default-code", request => WebhookTestServer.Deny(request, "replicas must be even"));
        _server.On("/custom-code", request => WebhookTestServer.Deny(request, "try later", 429));

        var denied = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", Webhook("even.example.com", _server.Url("/default-code"), Ca))]), CancellationToken.None);
        var throttled = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", Webhook("busy.example.com", _server.Url("/custom-code"), Ca))]), CancellationToken.None);

        denied.Allowed.Should().BeFalse();
        denied.Code.Should().Be(403);
        denied.Message.Should().Be("admission webhook \"even.example.com\" denied the request: replicas must be even");
        throttled.Code.Should().Be(429);
    }

    [Fact]
    public async Task Every_validating_webhook_is_called_and_the_first_denial_wins()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#validating-webhooks : all matching validating webhooks run; any denial rejects.
        _server.On("/allow", request => WebhookTestServer.Allow(request, null, "deprecated field"));
        _server.On("/deny-1", request => WebhookTestServer.Deny(request, "first"));
        _server.On("/deny-2", request => WebhookTestServer.Deny(request, "second"));
        var validating = Configuration("v",
            Webhook("allow.example.com", _server.Url("/allow"), Ca),
            Webhook("one.example.com", _server.Url("/deny-1"), Ca),
            Webhook("two.example.com", _server.Url("/deny-2"), Ca));

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [validating]), CancellationToken.None);

        result.Message.Should().Be("admission webhook \"one.example.com\" denied the request: first");
        _server.Received.Select(r => r.Path).Should().BeEquivalentTo("/allow", "/deny-1", "/deny-2");
        result.Warnings.Should().Contain("deprecated field");
    }

    [Fact]
    public async Task Warnings_of_an_allowed_request_are_collected()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response : webhooks may return warnings shown to the client.
        _server.On("/warn", request => WebhookTestServer.Allow(request, null, "one", "two"));

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", Webhook("warn.example.com", _server.Url("/warn"), Ca))]), CancellationToken.None);

        result.Allowed.Should().BeTrue();
        result.Warnings.Should().Equal("one", "two");
    }

    [Fact]
    public async Task Webhooks_whose_rules_or_selectors_do_not_match_are_not_called()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules : rules, namespaceSelector and objectSelector pick the requests a webhook sees.
        var webhooks = new[]
        {
            Webhook("delete-only", _server.Url("/delete-only"), Ca, w => w["rules"]![0]!["operations"] = new JsonArray("DELETE")),
            Webhook("pods-only", _server.Url("/pods-only"), Ca, w => w["rules"]![0]!["resources"] = new JsonArray("pods")),
            Webhook("status-only", _server.Url("/status-only"), Ca, w => w["rules"]![0]!["resources"] = new JsonArray("deployments/status")),
            Webhook("cluster-only", _server.Url("/cluster-only"), Ca, w => w["rules"]![0]!["scope"] = "Cluster"),
            Webhook("prod-namespaces", _server.Url("/prod-namespaces"), Ca, w => w["namespaceSelector"] = Json("""{"matchLabels":{"env":"prod"}}""")),
            Webhook("dev-namespaces", _server.Url("/dev-namespaces"), Ca, w => w["namespaceSelector"] = Json("""{"matchLabels":{"env":"dev"}}""")),
            Webhook("tier-web", _server.Url("/tier-web"), Ca, w => w["objectSelector"] = Json("""{"matchExpressions":[{"key":"tier","operator":"In","values":["web"]}]}""")),
            Webhook("tier-db", _server.Url("/tier-db"), Ca, w => w["objectSelector"] = Json("""{"matchExpressions":[{"key":"tier","operator":"In","values":["db"]}]}""")),
            Webhook("everything", _server.Url("/everything"), Ca, w => w["rules"] = Json("""{"r":[{"operations":["*"],"apiGroups":["*"],"apiVersions":["*"],"resources":["*"]}]}""")["r"]!.DeepClone()),
        };
        foreach (var webhook in webhooks)
        {
            _server.On("/" + (string)webhook["name"]!, request => WebhookTestServer.Allow(request));
        }
        var namespaces = new Dictionary<string, Dictionary<string, string>> { ["team-a"] = new() { ["env"] = "dev" } };

        await Chain(namespaces).AdmitAsync(Create(Deployment(labels: """{"tier":"web"}"""), validating: [Configuration("v", webhooks)]), CancellationToken.None);

        _server.Received.Select(r => r.Path).Should().BeEquivalentTo("/dev-namespaces", "/tier-web", "/everything");
    }

    [Theory]
    [InlineData("Fail", false)]
    [InlineData("Ignore", true)]
    public async Task A_webhook_that_times_out_follows_its_failure_policy(string failurePolicy, bool allowed)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#timeouts : a call past timeoutSeconds is an error handled by failurePolicy.
        _server.On("/slow", async (request, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), aborted);
            return WebhookTestServer.Allow(request);
        });
        var webhook = Webhook("slow.example.com", _server.Url("/slow"), Ca, w =>
        {
            w["timeoutSeconds"] = 1;
            w["failurePolicy"] = failurePolicy;
        });

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", webhook)]), CancellationToken.None);

        result.Allowed.Should().Be(allowed);
        if (!allowed)
        {
            result.Code.Should().Be(500);
            result.Message.Should().StartWith("failed calling webhook \"slow.example.com\": failed to call webhook: Post \"https://127.0.0.1:")
                .And.EndWith("/slow?timeout=1s\": context deadline exceeded");
        }
    }

    [Theory]
    [InlineData("Fail", false)]
    [InlineData("Ignore", true)]
    public async Task A_server_certificate_not_signed_by_the_ca_bundle_is_rejected(string failurePolicy, bool allowed)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#contacting-the-webhook : caBundle is the CA the webhook's serving certificate must chain to.
        _server.On("/tls", request => WebhookTestServer.Deny(request, "should never be reached"));
        using var otherAuthority = TestCertificates.Create("some-other-ca");
        var webhook = Webhook("tls.example.com", _server.Url("/tls"), otherAuthority.CaBundle, w => w["failurePolicy"] = failurePolicy);

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", webhook)]), CancellationToken.None);

        result.Allowed.Should().Be(allowed);
        _server.Received.Should().BeEmpty();
        if (!allowed)
        {
            result.Message.Should().StartWith("failed calling webhook \"tls.example.com\": failed to call webhook: Post \"https://127.0.0.1:");
        }
    }

    [Fact]
    public async Task A_response_for_another_request_uid_is_an_error()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response : response.uid must echo request.uid.
        _server.On("/wrong-uid", _ => Json("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"not-it","allowed":true}}"""));

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", Webhook("uid.example.com", _server.Url("/wrong-uid"), Ca))]), CancellationToken.None);

        result.Allowed.Should().BeFalse();
        result.Message.Should().MatchRegex("^failed calling webhook \"uid.example.com\": expected response.uid=\"[-0-9a-f]+\", got \"not-it\"$");
    }

    [Fact]
    public async Task A_service_reference_is_resolved_through_the_resolver()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#service-reference : clientConfig.service names namespace, name, port and path.
        _server.On("/svc-path", request => WebhookTestServer.Deny(request, "from service"));
        var webhook = Webhook("svc.example.com", _server.Url("/unused"), Ca, w =>
        {
            w["clientConfig"]!.AsObject().Remove("url");
            w["clientConfig"]!["service"] = Json("""{"namespace":"paas-system","name":"paas-webhook","port":9443,"path":"/svc-path"}""");
        });
        WebhookService? asked = null;

        var result = await Chain(resolver: service => { asked = service; return _server.BaseUrl; })
            .AdmitAsync(Create(Deployment(), validating: [Configuration("v", webhook)]), CancellationToken.None);

        asked.Should().Be(new WebhookService("paas-system", "paas-webhook", 9443, "/svc-path"));
        result.Message.Should().Be("admission webhook \"svc.example.com\" denied the request: from service");
    }

    [Fact]
    public async Task Dry_run_requests_refuse_webhooks_with_side_effects()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#side-effects : dry-run requests may only call webhooks without side effects.
        _server.On("/effects", request => WebhookTestServer.Allow(request));
        var webhook = Webhook("effects.example.com", _server.Url("/effects"), Ca, w => w["sideEffects"] = "Some");
        var attributes = Create(Deployment(), validating: [Configuration("v", webhook)]) with { DryRun = true };

        var result = await Chain().AdmitAsync(attributes, CancellationToken.None);

        result.Allowed.Should().BeFalse();
        result.Message.Should().Contain("does not support dry run");
    }

    [Fact]
    public async Task Match_conditions_decide_with_cel_whether_the_webhook_is_called()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-matchconditions : all matchConditions must be true for the call.
        _server.On("/conditional", request => WebhookTestServer.Deny(request, "matched"));
        var webhook = Webhook("conditional.example.com", _server.Url("/conditional"), Ca, w => w["matchConditions"] = JsonNode.Parse("""
            [{"name":"big","expression":"object.spec.replicas > 2"},{"name":"not-system","expression":"!request.userInfo.username.startsWith('system:node')"}]
            """));
        var configuration = Configuration("v", webhook);
        var big = Deployment();
        big["spec"]!["replicas"] = 5;

        var small = await Chain().AdmitAsync(Create(Deployment(), validating: [configuration]), CancellationToken.None);
        var large = await Chain().AdmitAsync(Create(big, validating: [configuration]), CancellationToken.None);

        small.Allowed.Should().BeTrue();
        large.Message.Should().Be("admission webhook \"conditional.example.com\" denied the request: matched");
        _server.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task A_match_condition_that_cannot_be_evaluated_follows_the_failure_policy()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-matchconditions : evaluation errors are handled by failurePolicy.
        var webhook = Webhook("broken.example.com", _server.Url("/never"), Ca, w => w["matchConditions"] = JsonNode.Parse("""
            [{"name":"typo","expression":"object.spec.replicaz > 2"}]
            """));

        var result = await Chain().AdmitAsync(Create(Deployment(), validating: [Configuration("v", webhook)]), CancellationToken.None);

        result.Allowed.Should().BeFalse();
        result.Message.Should().Be("failed calling webhook \"broken.example.com\": failed to evaluate match condition \"typo\": no such key: replicaz");
        _server.Received.Should().BeEmpty();
    }
}
