using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Archive;
using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary><c>Parley export json DIR</c> and <c>Parley import json DIR</c>: the whole site, out and back in, losslessly.</summary>
public static class ArchiveCommands
{
    public static async Task<int> ExportAsync(IServiceProvider services, string directory)
    {
        var media = services.GetRequiredService<IOptions<ParleyOptions>>().Value.MediaPath;
        try
        {
            var summary = await services.GetRequiredService<JsonArchiveExporter>().ExportAsync(directory, media);
            Console.WriteLine($"Wrote the archive {Path.GetFullPath(directory)}: {Describe(summary)}.");
            Console.WriteLine("It holds password hashes, sign-in secrets and readers' addresses: its files are readable by their owner only. Keep it that way.");
            return 0;
        }
        catch (Exception ex) when (ex is ArchiveException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"The archive was not written: {ex.Message}");
            return 1;
        }
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string directory)
    {
        var options = services.GetRequiredService<IOptions<ParleyOptions>>().Value;
        try
        {
            var summary = await services.GetRequiredService<JsonArchiveImporter>().ImportAsync(directory, options.MediaPath);
            Console.WriteLine($"Restored {Path.GetFullPath(directory)}: {Describe(summary)}.");
            Console.WriteLine("Sign in with an account from the archive; the accounts this site had before were replaced.");
            // Otherwise the next start quietly adds a second administrator beside the restored ones.
            if (await services.GetRequiredService<UserManager<ParleyUser>>().FindByNameAsync(options.AdminEmail) is null)
                Console.WriteLine($"Note: Parley:AdminEmail ({options.AdminEmail}) is not an account in the archive; set it to one that is, " +
                                  "or the next start creates it as a new administrator.");
            return 0;
        }
        catch (Exception ex) when (ex is ArchiveException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"Nothing was imported: {ex.Message}");
            return 1;
        }
    }

    private static string Describe(ArchiveSummary s) =>
        $"{s["posts"]} posts and pages, {s["post-revisions"]} revisions, {s["comments"]} comments, {s["categories"]} categories, {s["tags"]} tags, " +
        $"{s["users"]} accounts, {s["media-items"]} media items ({s.MediaFiles} files, {s.MediaBytes:N0} bytes)";
}
