using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Admission;

/// <summary>Builds the <c>admission.k8s.io/v1</c> AdmissionReview request a webhook receives.</summary>
internal static class AdmissionReviewBuilder
{
    public static JsonObject Build(AdmissionAttributes attributes, JsonObject? currentObject, string uid, JsonObject userInfo)
    {
        var resource = attributes.Resource;
        var kind = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind };
        var gvr = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["resource"] = resource.Plural };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = kind,
            ["resource"] = gvr,
        };
        if (resource.Subresource is not null)
        {
            request["subResource"] = resource.Subresource;
        }
        request["requestKind"] = kind.DeepClone();
        request["requestResource"] = gvr.DeepClone();
        if (resource.Subresource is not null)
        {
            request["requestSubResource"] = resource.Subresource;
        }
        request["name"] = attributes.Name ?? (string?)currentObject?["metadata"]?["name"] ?? "";
        if (attributes.Namespace is not null)
        {
            request["namespace"] = attributes.Namespace;
        }
        request["operation"] = attributes.Operation;
        request["userInfo"] = userInfo.DeepClone();
        request["object"] = currentObject?.DeepClone();
        request["oldObject"] = attributes.OldObject?.DeepClone();
        request["dryRun"] = attributes.DryRun;
        request["options"] = OptionsFor(attributes.Operation);
        return new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = request,
        };
    }

    private static JsonObject? OptionsFor(string operation) => operation switch
    {
        "CREATE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions" },
        "UPDATE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "UpdateOptions" },
        "DELETE" => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "DeleteOptions" },
        _ => null,
    };
}
