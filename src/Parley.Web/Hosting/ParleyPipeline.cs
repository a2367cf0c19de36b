using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Parley.Web.Caching;
using Parley.Web.Feeds;
using Parley.Web.Theme.Comments;

namespace Parley.Web.Hosting;

/// <summary>The request pipeline, outermost first.</summary>
public static class ParleyPipeline
{
    public static WebApplication UseParley(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ParleyOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // Errors and empty 4xx answers are shown as Parley's own pages; details never reach the reader.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestLimits>();
        // Kept pages are served before anything that reads the database.
        app.UseMiddleware<Caching.PageCacheMiddleware>();
        app.UseMiddleware<OldPathRedirects>();
        app.UseMiddleware<ConditionalGet>();

        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticCaching.Apply });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(options.MediaPath),
            // Library files get new names whenever they change, so browsers may keep them for a year.
            OnPrepareResponse = StaticCaching.Immutable,
        });

        Api.ApiEndpoints.UseParleyApiLimits(app);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapFeeds();
        app.MapCommentFeeds();
        app.MapFormState();
        app.MapSiteFiles();
        app.MapAvatars();
        app.MapOneClickUnsubscribe();
        Areas.Admin.Media.MediaUploadEndpoint.MapMediaUpload(app);
        Areas.Admin.Import.ImportUploadEndpoint.MapImportUpload(app);
        Api.ApiEndpoints.MapParleyApi(app);
        Embed.EmbedEndpoints.MapEmbed(app);
        app.MapRazorPages();
        return app;
    }
}

internal static class StaticCaching
{
    public static void Apply(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext ctx)
    {
        // Media and assets never change under the same name for long; a day is safe for both.
        ctx.Context.Response.Headers.CacheControl = "public, max-age=86400";
        ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
    }

    public static void Immutable(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext ctx)
    {
        ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
