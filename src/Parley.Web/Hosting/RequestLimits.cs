namespace Parley.Web.Hosting;

/// <summary>Refuses absurdly long query strings with a readable 400 page before any work is done.</summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const int MaxQueryLength = 2048;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.Value is { Length: > MaxQueryLength })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Items[ErrorMessages.Key] = "That address is too long. Shorten the search or the link and try again.";
            return Task.CompletedTask;
        }
        return next(context);
    }
}

/// <summary>Lets a handler pass a reader-facing reason to the error page it ends on.</summary>
public static class ErrorMessages
{
    public const string Key = "Parley.ErrorMessage";

    public static void Set(HttpContext context, string message) => context.Items[Key] = message;
}
