using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Media;
using Parley.Web.Hosting;

namespace Parley.Web.Areas.Admin.Media;

/// <summary>
/// Uploads to the media library: from the editor (paste, drop; answers JSON) and from the library page
/// (a plain form; answers with a redirect). An endpoint of its own rather than a Razor handler, so the
/// size is checked before anything reads the body, and an over-size upload gets a sentence, not a reset.
/// </summary>
public static class MediaUploadEndpoint
{
    public const string Path = "/admin/media/upload";
    /// <summary>The file limit plus room for the form around it.</summary>
    private const long BodyLimit = MediaLimits.MaxBytes + 64 * 1024;

    public static void MapMediaUpload(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, UploadAsync).RequireAuthorization(Auth.Policies.Upload).DisableAntiforgery();

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, MediaLibrary library,
        UserManager<ParleyUser> users, IOptions<ParleyOptions> options, ITempDataDictionaryFactory tempData)
    {
        var wantsJson = http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        IResult Refuse(int status, string message)
        {
            if (wantsJson) return Results.Json(new { error = message }, statusCode: status);
            var data = tempData.GetTempData(http);
            data["Media"] = message;
            data.Save();
            return Results.Redirect("/admin/media");
        }

        if (http.Request.ContentLength is > BodyLimit)
            return Refuse(StatusCodes.Status413PayloadTooLarge, MediaMessages.TooLarge(http.Request.ContentLength.Value));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = BodyLimit;
        IFormFile? file;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Refuse(StatusCodes.Status400BadRequest, "This page had expired. Reload it and upload again.");
            file = (await http.Request.ReadFormAsync(http.RequestAborted)).Files["file"];
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, MediaMessages.TooLarge(null));
        }
        catch (InvalidDataException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The upload was not a file form Parley understands.");
        }
        if (file is null) return Refuse(StatusCodes.Status400BadRequest, "Choose an image to upload.");

        try
        {
            await using var stream = file.OpenReadStream();
            var item = await library.UploadAsync(stream, file.FileName, file.ContentType, options.Value.MediaPath, users.GetUserId(http.User)!, ct: http.RequestAborted);
            if (wantsJson)
                return Results.Json(new { id = item.Id, url = item.Url, alt = item.AltText, caption = item.Caption, width = item.Width, height = item.Height });
            var data = tempData.GetTempData(http);
            data["Media"] = $"Uploaded {item.OriginalFileName ?? "the image"}. Add its alt text below.";
            data.Save();
            return Results.Redirect($"/admin/media#media-{item.Id}");
        }
        catch (ValidationFailedException ex)
        {
            var message = string.Join(" ", ex.Errors.Values.SelectMany(v => v));
            // Too large is 413, like the checks above; everything else the library refuses is 400.
            var tooLarge = message.StartsWith(MediaMessages.TooLarge(null)[..12], StringComparison.Ordinal) && message.Contains("the limit is", StringComparison.Ordinal);
            return Refuse(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, message);
        }
    }
}
