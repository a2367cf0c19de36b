using Microsoft.Extensions.Options;
using Parley.Core.Export;
using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary><c>Parley export wordpress FILE.xml</c>: the way back to WordPress.</summary>
public static class ExportCommands
{
    public static async Task<int> WordPressAsync(IServiceProvider services, string file)
    {
        var siteUrl = services.GetRequiredService<IOptions<ParleyOptions>>().Value.PublicUrl ?? "http://localhost";
        var temp = file + ".partial";
        try
        {
            Parley.Core.Export.WxrExporter.Counts counts;
            await using (var output = File.Create(temp))
                counts = await services.GetRequiredService<WxrExporter>().WriteAsync(output, siteUrl);
            // Written whole or not at all: a cut-short export never replaces a good one.
            File.Move(temp, file, overwrite: true);
            Console.WriteLine($"Wrote {file}: {counts.Posts} posts, {counts.Pages} pages, {counts.Comments} comments, " +
                              $"{counts.Categories} categories, {counts.Tags} tags, {counts.Authors} authors.");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            Console.Error.WriteLine($"Could not write {file}: {ex.Message}");
            return 1;
        }
    }
}
