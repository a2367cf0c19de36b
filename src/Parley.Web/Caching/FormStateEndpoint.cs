using Microsoft.AspNetCore.Antiforgery;

namespace Parley.Web.Caching;

/// <summary>
/// <c>GET /comments/form-state</c>: what a page kept for everyone leaves out of its forms, for this one
/// reader — an anti-forgery token (with its cookie) and the reply form's signed "shown at" stamp.
/// Never cached anywhere.
/// </summary>
public static class FormStateEndpoint
{
    public static IEndpointRouteBuilder MapFormState(this IEndpointRouteBuilder app)
    {
        app.MapGet("/comments/form-state", (HttpContext http, IAntiforgery antiforgery, Theme.Comments.FormTiming timing) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { field = tokens.FormFieldName, token = tokens.RequestToken, issued = timing.Issue() });
        });
        return app;
    }
}
