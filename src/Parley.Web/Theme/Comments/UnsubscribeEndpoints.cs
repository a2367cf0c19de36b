using Parley.Core.Notifications;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// RFC 8058 one-click unsubscribe: mail clients POST <c>List-Unsubscribe=One-Click</c> to the address in
/// the mail's header. There is no form and no anti-forgery token; the random token in the address is the key.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapOneClickUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost("/comments/subscription/{token}/unsubscribe", async (string token, SubscriptionService subscriptions, HttpContext http) =>
            await subscriptions.UnsubscribeAsync(token, http.RequestAborted) ? Results.Ok() : Results.NotFound())
            .DisableAntiforgery();
        return app;
    }
}
