using Microsoft.AspNetCore.Authentication;
using Parley.Core.Accounts;
using Parley.Core.Posts;

namespace Parley.Web.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: JSON, personal tokens (never cookies), the admin area's
/// permissions, problem details for every error, and an OpenAPI document at <c>/api/v1/openapi.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string StaffPolicy = "ApiStaff";
    public const string WritePolicy = "ApiWrite";
    public const int MaxPageSize = 100;
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Reads are open to everyone; a token, when sent, is what signs the call in — never a cookie, so a
    /// signed-in browser on another site cannot act through the API. A bad token is a 401, not anonymity.
    /// </summary>
    private static async ValueTask<object?> SignInWithTokenOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(ApiTokenHandler.SchemeName);
        if (result.Failure is not null) return ApiProblems.Problem(401, "Sign in with a token", result.Failure.Message);
        http.User = result.Principal ?? new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        return await next(context);
    }

    public static IServiceCollection AddParleyApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.All))
            .AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.All).RequireClaim(ApiTokenHandler.ScopeClaim, "write"))
            .AddPolicy(UsersApi.AdminWritePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Administrator).RequireClaim(ApiTokenHandler.ScopeClaim, "write"))
            .AddPolicy(ManageApi.EditorWritePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Administrator, Roles.Editor).RequireClaim(ApiTokenHandler.ScopeClaim, "write"))
            .AddPolicy(ManageApi.ModeratePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Administrator, Roles.Editor, Roles.Author))
            .AddPolicy(MediaApi.UploadPolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Administrator, Roles.Editor, Roles.Author).RequireClaim(ApiTokenHandler.ScopeClaim, "write"))
            .AddPolicy(ManageApi.ModerateWritePolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Administrator, Roles.Editor, Roles.Author).RequireClaim(ApiTokenHandler.ScopeClaim, "write"));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parley API";
            doc.Info.Description = "Posts, pages, taxonomy, comments and users. Send 'Authorization: Bearer parley_…' (make a token at /account/tokens). Errors are application/problem+json.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Bodies over the limit are refused before anything reads them (a 413 problem, not a parse error).</summary>
    public static void UseParleyApiLimits(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), branch => branch.Use(async (http, next) =>
        {
            // A media upload may be as large as the library allows; everything else is JSON.
            var upload = MediaApi.IsUpload(http.Request);
            var limit = upload ? MediaApi.BodyLimit : MaxBodyBytes;
            if (http.Request.ContentLength is { } length && length > limit)
            {
                await ApiProblems.Write(http, StatusCodes.Status413PayloadTooLarge, "Too large",
                    upload ? Parley.Core.Media.MediaMessages.TooLarge(length) : $"Send at most {MaxBodyBytes / (1024 * 1024)} MB.");
                return;
            }
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            await next(http);
        }));

    public static void MapParleyApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(SignInWithTokenOnly)
            .AddEndpointFilter(ApiProblems.Filter);
        api.MapPosts("posts", PostKind.Post);
        api.MapPosts("pages", PostKind.Page);
        api.MapReadApi();
        api.MapManageApi();
        api.MapMediaApi();
        api.MapCommentsApi();
        api.MapUsersApi();
        app.MapOpenApi("/api/{documentName}/openapi.json");
    }
}
