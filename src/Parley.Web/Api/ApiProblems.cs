using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;

namespace Parley.Web.Api;

/// <summary>
/// Every API error as <c>application/problem+json</c> with a sentence a person understands: the rules'
/// own refusals (400 with field errors, 404, 409 for a conflict with what the site holds), unreadable JSON (400), oversize bodies (413).
/// </summary>
public static class ApiProblems
{
    public static Task Write(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Turns the domain's exceptions into problem details, so no API call ends in a 500 for bad input.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationFailedException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(e => e.Key.Length == 0 ? "request" : ToCamel(e.Key), e => e.Value),
                title: "Some fields are not valid", detail: string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (ConflictException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Conflict", ex.Message);
        }
        catch (NotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", ex.Message);
        }
        catch (Parley.Core.Comments.CommentRejectedException ex)
        {
            return Problem(StatusCodes.Status403Forbidden, "Not posted", ex.Message);
        }
        catch (EditConflictException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Changed by someone else",
                $"The post is at version {ex.CurrentVersion}; fetch it again and send that version.");
        }
    }

    private static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
