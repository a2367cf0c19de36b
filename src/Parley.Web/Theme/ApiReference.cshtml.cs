using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Parley.Web.Theme;

/// <summary>The API's reference, read from the endpoints themselves (so it cannot drift from the code), beside the OpenAPI document.</summary>
public sealed class ApiReferenceModel(EndpointDataSource endpoints) : ThemePageModel
{
    public sealed record Operation(string Method, string Path, string Summary, string? Description, string Access, string Group);

    public List<Operation> Operations { get; private set; } = [];

    public void OnGet()
    {
        Meta.Title = "API reference";
        Operations = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IEndpointSummaryMetadata>() is not null)
            .Select(e => new Operation(
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET",
                e.RoutePattern.RawText!.Replace(":int", "", StringComparison.Ordinal).TrimEnd('/'),
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()!.Summary,
                e.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.EndsWith("Write", StringComparison.Ordinal) == true) ? "token with write scope"
                    : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() ? "token (staff)" : "anyone (a token shows more)",
                e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.FirstOrDefault() ?? ""))
            .OrderBy(o => o.Group).ThenBy(o => o.Path).ThenBy(o => o.Method).ToList();
    }
}
