using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Web.Hosting;

namespace Parley.Web.Areas.Admin.Import;

/// <summary>Receives a WordPress export (up to 512 MB, streamed to disk, never held in memory) and starts the import.</summary>
public static class ImportUploadEndpoint
{
    public const string Path = "/admin/import/upload";
    public const long Limit = 512L * 1024 * 1024;

    public static void MapImportUpload(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, UploadAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Administrator)).DisableAntiforgery();

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, ImportJobs jobs, UserManager<ParleyUser> users,
        IOptions<ParleyOptions> options, ITempDataDictionaryFactory tempData)
    {
        IResult Back(string message)
        {
            var data = tempData.GetTempData(http);
            data["Import"] = message;
            data.Save();
            return Results.Redirect("/admin/import");
        }
        if (http.Request.ContentLength is > Limit) return Back("That file is larger than 512 MB. Split the export in WordPress (Tools → Export, by date) and import the parts.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = Limit;
        IFormFile? file;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Back("This page had expired. Reload it and upload again.");
            file = (await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = Limit }, http.RequestAborted)).Files["file"];
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException)
        {
            return Back("The upload did not arrive whole, or is larger than 512 MB.");
        }
        if (file is null || file.Length == 0) return Back("Choose the .xml file WordPress exported (Tools → Export).");
        var folder = System.IO.Path.Combine(options.Value.FullDataPath, "imports");
        Directory.CreateDirectory(folder);
        var saved = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + ".xml");
        await using (var target = File.Create(saved))
        await using (var source = file.OpenReadStream())
            await source.CopyToAsync(target, http.RequestAborted);
        var dryRun = http.Request.Form["dryRun"] == "true";
        var downloads = options.Value.Import.Downloads(http.Request.Form["media"] == "download", options.Value.MediaPath);
        var name = System.IO.Path.GetFileName(file.FileName);
        if (!jobs.TryStart(saved, name.Length > 200 ? name[..200] : name, dryRun, users.GetUserId(http.User)!, downloads))
        {
            File.Delete(saved);
            return Back("An import is already running. Wait for it to finish.");
        }
        return Results.Redirect("/admin/import");
    }
}
