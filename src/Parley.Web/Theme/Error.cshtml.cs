using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Parley.Web.Hosting;

namespace Parley.Web.Theme;

/// <summary>
/// The page every error ends on (404, 410, 400, 500, ...). It shows a person what happened and
/// never shows exception details; those go to the log.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : ThemePageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);
    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var reexecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>();
        // Visiting /error/... directly is not an error of the visitor's; show it as not found.
        Code = reexecute is not null || exception is not null ? code ?? 500 : 404;
        if (exception is not null) logger.LogError(exception.Error, "Unhandled error on {Path}", exception.Path);

        (Heading, Message) = Code switch
        {
            400 => ("That request didn’t make sense", "Something in the address or the form could not be understood."),
            404 => ("Nothing here", "There is no page at this address. It may have moved, or the link may be mistyped."),
            405 => ("Not allowed", "This address cannot be used that way."),
            410 => ("This page is gone", "What was here has been removed on purpose and will not come back."),
            413 => ("Too large", "What you sent is larger than this site accepts."),
            414 => ("Address too long", "That address is too long for this site."),
            429 => ("Slow down", "Too many requests in a short time. Wait a moment and try again."),
            >= 500 => ("Something went wrong", "An error on our side stopped this page. It has been logged; please try again in a moment."),
            _ => ("That didn’t work", "The request could not be completed."),
        };
        if (HttpContext.Items[ErrorMessages.Key] is string reason) Message = reason;
        // The API answers in problem details, whatever went wrong (unreadable JSON, an unknown address, …).
        if ((reexecute?.OriginalPath ?? exception?.Path)?.StartsWith("/api/", StringComparison.Ordinal) == true)
            return new ObjectResult(new ProblemDetails { Status = Code, Title = Heading, Detail = Message }) { StatusCode = Code, ContentTypes = { "application/problem+json" } };
        Meta.Title = Heading;
        Meta.NoIndex = true;
        Response.StatusCode = Code;
        return Page();
    }
}
