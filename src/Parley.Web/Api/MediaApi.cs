using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Web.Hosting;

namespace Parley.Web.Api;

/// <summary>What a client sends with an upload (multipart form fields beside <c>file</c>), or to describe an item.</summary>
public sealed record ApiMediaWrite(string? AltText, string? Caption);

/// <summary>
/// The media library through the API: upload, read, describe, delete — the admin area's rules, limits and
/// permissions (Authors, Editors and Administrators), through <see cref="MediaLibrary"/>.
/// </summary>
public static class MediaApi
{
    public const string UploadPolicy = "ApiUploadWrite";
    public const string UploadPath = "/api/v1/media";
    /// <summary>The file limit plus room for the form around it; the API's own body limit is lifted for uploads only.</summary>
    public const long BodyLimit = MediaLimits.MaxBytes + 64 * 1024;

    public static bool IsUpload(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path.Equals(UploadPath, StringComparison.OrdinalIgnoreCase);

    public static void MapMediaApi(this RouteGroupBuilder api)
    {
        api.MapPost("media", UploadAsync).DisableAntiforgery()
            .Accepts<ApiMediaUploadForm>("multipart/form-data")
            .Produces<ApiMedia>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(UploadPolicy).WithTags("Media")
            .WithSummary("Upload an image (multipart: file, altText, caption); JPEG, PNG, WebP, GIF or AVIF up to 20 MB")
            .WithDescription("Stored as in the admin area: metadata removed, resized copies made. 413 when too large, 415 when not an image.");
        api.MapGet("media/{id:int}", async (int id, ParleyDbContext db, CancellationToken ct) =>
                await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } item
                    ? (IResult)TypedResults.Ok(Show(item))
                    : ApiProblems.Problem(404, "Not found", $"There is no media item {id}."))
            .RequireAuthorization(ApiEndpoints.StaffPolicy).WithTags("Media").WithSummary("One media item");
        api.MapPut("media/{id:int}", async (int id, ApiMediaWrite body, MediaLibrary library, ParleyDbContext db, CancellationToken ct) =>
            {
                await library.UpdateAsync(id, body.AltText, body.Caption, ct);
                return TypedResults.Ok(Show(await db.MediaItems.AsNoTracking().FirstAsync(m => m.Id == id, ct)));
            })
            .RequireAuthorization(UploadPolicy).WithTags("Media").WithSummary("Set an item's alternative text and caption");
        api.MapDelete("media/{id:int}", async (int id, bool? force, MediaLibrary library, IOptions<ParleyOptions> options, CancellationToken ct) =>
            {
                var users = await library.UsedByAsync(id, ct);
                if (users.Count > 0 && force != true)
                    return (IResult)ApiProblems.Problem(409, "In use", MediaMessages.InUse(users).Replace("delete it anyway", "send force=true to delete it anyway", StringComparison.Ordinal));
                await library.DeleteAsync(id, force == true, options.Value.MediaPath, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(UploadPolicy).WithTags("Media")
            .WithSummary("Delete an item and its files")
            .WithDescription("Refused with 409 while posts use it, as in the admin area; with force=true their featured image is cleared and links in their text break.");
    }

    /// <summary>Only describes the form for the OpenAPI document; the handler reads the form itself, so size and type errors stay problems.</summary>
    public sealed record ApiMediaUploadForm(IFormFile File, string? AltText, string? Caption);

    private static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library, IOptions<ParleyOptions> options)
    {
        if (!http.Request.HasFormContentType)
            return ApiProblems.Problem(415, "Send a form", "Upload as multipart/form-data with the image in a field named file.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = BodyLimit }, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Problem(413, "Too large", MediaMessages.TooLarge(null));
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ApiProblems.Problem(400, "Not a form", "The upload was not a multipart form Parley understands.");
        }
        if (form.Files["file"] is not { } file) return ApiProblems.Problem(400, "No file", "Send the image in a form field named file.");
        try
        {
            await using var stream = file.OpenReadStream();
            var item = await library.UploadAsync(stream, file.FileName, file.ContentType, options.Value.MediaPath, http.User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                new MediaText(form["altText"].FirstOrDefault(), form["caption"].FirstOrDefault()), http.RequestAborted);
            return TypedResults.Created($"/api/v1/media/{item.Id}", Show(item));
        }
        catch (ValidationFailedException ex) when (ex.Errors.TryGetValue("file", out var messages))
        {
            var message = string.Join(" ", messages);
            if (messages.Contains(MediaMessages.NotAnImage)) return ApiProblems.Problem(415, "Not an image", message);
            // Too large is 413, like the check on the form; everything else the library refuses is 400.
            if (message.StartsWith("This file is ", StringComparison.Ordinal) && message.Contains("the limit is", StringComparison.Ordinal))
                return ApiProblems.Problem(413, "Too large", message);
            return ApiProblems.Problem(400, "Not stored", message);
        }
    }

    public static ApiMedia Show(MediaItem m) => new(m.Id, m.Url, m.ContentType, m.Width, m.Height, m.SizeBytes, m.AltText, m.Caption, m.CreatedAt);
}
