using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Import;
using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary><c>Parley import wordpress FILE.xml [--dry-run] [--media link|download]</c>: moving in from WordPress.</summary>
public static class ImportCommands
{
    public static async Task<int> WordPressAsync(IServiceProvider services, string file, bool dryRun, string media)
    {
        if (media is not ("link" or "download"))
        {
            Console.Error.WriteLine($"--media {media} is not a choice: use --media link (images stay where they are) or --media download.");
            return 2;
        }
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"There is no file {file}.");
            return 2;
        }
        // The import runs as the site's first administrator (the one named in Parley:AdminEmail).
        var options = services.GetRequiredService<IOptions<ParleyOptions>>().Value;
        var admin = await services.GetRequiredService<UserManager<ParleyUser>>().FindByNameAsync(options.AdminEmail);
        if (admin is null)
        {
            Console.Error.WriteLine("The administrator account (Parley:AdminEmail) was not found; start Parley once first.");
            return 2;
        }
        var lastShown = -1;
        var progress = new Progress<ImportProgress>(p =>
        {
            var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
            if (percent / 10 != lastShown / 10) Console.WriteLine($"  {percent}% ({p.Done} of {p.Total} items)");
            lastShown = percent;
        });
        ImportReport report;
        try
        {
            await using var stream = File.OpenRead(file);
            report = await services.GetRequiredService<WordPressImporter>().ImportAsync(stream, new ImportOptions
            {
                DryRun = dryRun, ImportingUserId = admin.Id, Progress = progress, Downloads = options.Import.Downloads(media == "download", options.MediaPath),
            });
        }
        catch (WxrFormatException ex)
        {
            Console.Error.WriteLine($"{file} was not imported: {ex.Message}");
            return 1;
        }
        Console.WriteLine(ImportReportText.Write(report, file));
        return report.Completed ? 0 : 1;
    }
}

/// <summary>The import report as people read it, for the command line and the admin page alike.</summary>
public static class ImportReportText
{
    public static string Write(ImportReport report, string file)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(report.DryRun ? $"Dry run of {file} (nothing was written):" : $"Imported {file}:");
        text.AppendLine($"  {report.Posts} posts, {report.Pages} pages, {report.Comments.Total} comments ({report.Comments.Approved} approved, {report.Comments.Pending} pending, " +
                        $"{report.Comments.Spam} spam, {report.Comments.Trash} trash, {report.Comments.Pingbacks} pingbacks)");
        text.AppendLine($"  {report.Authors} authors, {report.Categories} categories, {report.Tags} tags, {Attachments(report)}, {report.Redirects} old addresses redirected");
        if (report.AlreadyImported > 0) text.AppendLine($"  {report.AlreadyImported} items were imported before and were left as they are");
        if (report.Skipped > 0) text.AppendLine($"  {report.Skipped} items skipped");
        if (!report.Completed) text.AppendLine($"  The file ends early: stopped at {report.StoppedAt}. Everything before it was imported whole.");
        if (report.Notes.Count > 0)
        {
            text.AppendLine($"  Not carried over fully ({report.Notes.Count}):");
            foreach (var note in report.Notes.Take(200)) text.AppendLine("    - " + note);
            if (report.Notes.Count > 200) text.AppendLine($"    … and {report.Notes.Count - 200} more");
        }
        return text.ToString();
    }

    private static string Attachments(ImportReport report) =>
        report.Downloaded == 0 && report.NotDownloaded == 0 ? $"{report.Attachments} attachments (linked)"
        : $"{report.Attachments} attachments ({report.Downloaded} downloaded, {report.Attachments - report.Downloaded} linked" +
          (report.NotDownloaded > 0 ? $", {report.NotDownloaded} could not be downloaded" : "") + ")";
}
