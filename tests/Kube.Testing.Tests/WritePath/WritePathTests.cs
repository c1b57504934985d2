using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Server;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.WritePath;

/// <summary>The write path calls the apply, schema and admission seams in Kubernetes' order and maps their verdicts to responses.</summary>
public sealed class WritePathTests : IAsyncLifetime
{
    private RecordingHooks _recording = null!;
    private KubeApiServer _server = null!;
    private RawApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync(null, store =>
        {
            _recording = new RecordingHooks(WriteHookComposition.Default(store));
            return _recording.Hooks;
        }, CancellationToken.None);
        _api = new RawApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    // Mutating admission, then schema defaulting, pruning and validation, then validating admission: https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#what-are-admission-webhooks
    [Fact]
    public async Task Create_calls_hooks_in_kubernetes_order()
    {
        _recording.Calls.Clear();

        await _api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("ordered"));

        _recording.Calls.Should().Equal("admission", "defaults", "prune", "validate", "admission", "update-managed-fields");
    }

    // Server-side apply merges first, then admission and validation; apply records ownership itself: https://kubernetes.io/docs/reference/using-api/server-side-apply/
    [Fact]
    public async Task Apply_merges_before_admission_and_skips_update_bookkeeping()
    {
        _recording.Calls.Clear();

        await _api.ApplyAsync("/api/v1/namespaces/default/configmaps/applied?fieldManager=test", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: applied}
            data: {a: b}
            """);

        _recording.Calls.Should().Equal("apply", "admission", "defaults", "prune", "validate", "admission");
    }

    // A webhook's denial becomes the response, worded "admission webhook ... denied the request": https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response
    [Fact]
    public async Task Admission_denial_is_returned_as_status()
    {
        _recording.Verdict = a => new AdmissionResult(false, null, 403, "admission webhook \"apps.paas.dev\" denied the request: name is reserved", []);

        var reply = await _api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("reserved"));

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Json["message"]!.GetValue<string>().Should().Be("admission webhook \"apps.paas.dev\" denied the request: name is reserved");
        (await _api.GetAsync("/api/v1/namespaces/default/configmaps/reserved")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // Admission warnings reach the client as Warning: 299 headers: https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response
    [Fact]
    public async Task Admission_warnings_become_warning_headers()
    {
        _recording.Verdict = a => new AdmissionResult(true, a.Object, 200, null, ["process type Clock was renamed to clock"]);

        var reply = await _api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("warned"));

        reply.Status.Should().Be(HttpStatusCode.Created);
        reply.Headers.GetValues("Warning").Should().Contain("299 - \"process type Clock was renamed to clock\"");
    }

    // A mutating webhook's changes are stored: https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response
    [Fact]
    public async Task Mutations_from_admission_are_stored()
    {
        _recording.Verdict = a =>
        {
            var mutated = a.Object!.DeepClone().AsObject();
            mutated["data"]!["injected"] = "yes";
            return new AdmissionResult(true, mutated, 200, null, []);
        };

        await _api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("mutated"));

        (await _api.GetAsync("/api/v1/namespaces/default/configmaps/mutated")).Json["data"]!["injected"]!.GetValue<string>().Should().Be("yes");
    }

    // Deletes pass through admission with the old object: https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules
    [Fact]
    public async Task Delete_is_admitted_with_the_old_object()
    {
        await _api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("kept"));
        JsonObject? seenOld = null;
        _recording.Verdict = a =>
        {
            seenOld = a.OldObject;
            return a.Operation == "DELETE" ? new AdmissionResult(false, null, 403, "deletion is blocked", []) : null;
        };

        var reply = await _api.DeleteAsync("/api/v1/namespaces/default/configmaps/kept");

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        seenOld!["metadata"]!["name"]!.GetValue<string>().Should().Be("kept");
        (await _api.GetAsync("/api/v1/namespaces/default/configmaps/kept")).Status.Should().Be(HttpStatusCode.OK);
    }

    // Schema violations are 422 Invalid with one cause per field: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
    [Fact]
    public async Task Schema_violations_are_Invalid_with_causes()
    {
        var crd = JsonNode.Parse("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"builds.paas.dev"},
             "spec":{"group":"paas.dev","scope":"Namespaced","names":{"kind":"Build","plural":"builds"},
               "versions":[{"name":"v1alpha1","served":true,"storage":true,
                 "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","required":["app"],
                   "properties":{"app":{"type":"string"},"timeoutMinutes":{"type":"integer","minimum":1}}}}}}}]}}
            """)!;
        (await _api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).Status.Should().Be(HttpStatusCode.Created);

        var reply = await _api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/builds", JsonNode.Parse("""
            {"apiVersion":"paas.dev/v1alpha1","kind":"Build","metadata":{"name":"b1"},"spec":{"timeoutMinutes":0}}
            """)!);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, reply.Text);
        reply.Json["message"]!.GetValue<string>().Should().StartWith("Build.paas.dev \"b1\" is invalid: [");
        reply.Json["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).Should().Contain(["spec.app", "spec.timeoutMinutes"]);
    }
}
