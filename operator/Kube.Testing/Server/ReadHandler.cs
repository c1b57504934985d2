using Kube.Testing.Storage;
using Kube.Testing.Tables;
using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>Serves get and list, as JSON or as the Table kubectl asks for.</summary>
internal sealed class ReadHandler(ObjectStore store, TableBuilder tables)
{
    public async Task GetAsync(HttpContext context, RequestTarget target)
    {
        var key = new ObjectKey(target.Resource.Key, target.Resource.Namespaced ? target.Namespace : null, target.Name!);
        var obj = store.Get(key) ?? throw StatusErrors.NotFound(target.Resource, target.Name!);
        if (WantsTable(context.Request))
        {
            var table = tables.Build(target.Resource, [obj], store.CurrentResourceVersion, null, null, RequestQuery.Get(context.Request, "includeObject"));
            await Responses.WriteJsonAsync(context, 200, table);
            return;
        }
        await Responses.WriteObjectAsync(context, 200, obj, target.Resource, []);
    }

    public async Task ListAsync(HttpContext context, RequestTarget target)
    {
        var request = context.Request;
        var filter = RequestQuery.Filter(request, target.Namespace);
        var page = store.List(target.Resource.Key, filter, RequestQuery.DecodeContinue(request), RequestQuery.Limit(request));
        var token = page.ContinueAfterKey is null ? null : RequestQuery.EncodeContinue(page.ContinueAfterKey, page.ResourceVersion);
        if (WantsTable(request))
        {
            var table = tables.Build(target.Resource, page.Items, page.ResourceVersion, token, page.RemainingItemCount, RequestQuery.Get(request, "includeObject"));
            await Responses.WriteJsonAsync(context, 200, table);
            return;
        }
        await Responses.WriteListAsync(context, target.Resource, page, token);
    }

    /// <summary>kubectl sends <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io, ...</c>.</summary>
    public static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
}
