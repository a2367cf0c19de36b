using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Import;

/// <summary>
/// Imports a WordPress export (WXR) through Parley's own services, so imported content obeys the same rules
/// (sanitizing, slugs, limits) as content written here. The file is read twice, streaming: first for what
/// posts refer to (authors, categories, tags, attachments, which are written first), then post by post, each
/// with its comments, redirects and bookkeeping in one transaction, so a file that breaks off leaves only
/// whole posts. Every imported thing is remembered (<see cref="ImportedItem"/>): importing the same export
/// again creates nothing new.
/// </summary>
public sealed partial class WordPressImporter(ParleyDbContext db, PostService posts, CategoryService categories, TagService tags,
    CommentService comments, StaffAccounts staff, MediaLibrary media, SettingsService settings, TimeProvider clock)
{
    /// <summary>Imports <paramref name="wxr"/> (read from its current position; left open).</summary>
    /// <exception cref="WxrFormatException">The file is not a WordPress export Parley can read; nothing was imported.</exception>
    /// <exception cref="ValidationFailedException">The importing account does not exist.</exception>
    public async Task<ImportReport> ImportAsync(Stream wxr, ImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(wxr);
        ArgumentNullException.ThrowIfNull(options);
        if (!await db.Users.AnyAsync(u => u.Id == options.ImportingUserId, ct))
            throw ValidationFailedException.For(nameof(options.ImportingUserId), "The account running the import does not exist.");

        await using var file = await ImportFile.OpenAsync(wxr, ct);
        var scan = ImportScan.Read(file, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = scan.Source();
        using var downloader = options.Downloads is { } downloads && !options.DryRun ? new AttachmentDownloader(downloads, media) : null;
        var run = new Run(options, source, scan.SiteUri(), SiteTime.Zone(await settings.GetAsync(ct)), now, new ImportMap(db, source, now, options.DryRun), downloader);
        foreach (var repair in scan.Repairs) run.Tally.Note("The file", repair);
        if (scan.Stopped is { } stopped) run.Tally.StoppedAt = stopped.Message;

        await ImportAuthorsAsync(run, scan.Authors, ct);
        await ImportCategoriesAsync(run, scan.Categories, ct);
        await ImportTagsAsync(run, scan.Tags, ct);
        foreach (var (taxonomy, count) in scan.OtherTerms)
            run.Tally.Note($"{count} term(s) of “{taxonomy}”", "Parley has categories and tags only; these were not imported.");
        await ImportAttachmentsAsync(run, scan.Attachments, ct);
        await ImportItemsAsync(run, file, scan.Items, ct);

        if (run.Tally.AlreadyImported > 0)
            run.Tally.Note("The file", $"{run.Tally.AlreadyImported:N0} item(s) were already imported from {source} and were left as they are.");
        return run.Tally.ToReport(source, options.DryRun);
    }

    /// <summary>The second reading: posts and pages, one transaction each; everything else is counted and reported.</summary>
    private async Task ImportItemsAsync(Run run, ImportFile file, int total, CancellationToken ct)
    {
        using var reader = file.Read();
        var done = 0;
        using var items = reader.Records().GetEnumerator();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (!items.MoveNext()) break;
            }
            catch (WxrFormatException)
            {
                break; // the first reading met the same place and reported it
            }
            if (items.Current is not WxrItem item) continue;
            done++;
            if (item.PostType == "attachment") { }
            else if (WordPressItems.Kind(item) is { } kind) await ImportPostAsync(run, item, kind, ct);
            else
            {
                run.Tally.Skipped++;
                run.Tally.Group($"Items of type “{item.PostType}” are not imported: Parley has posts and pages (menus, templates and plugin types are the site's own).",
                    WordPressItems.Label(item));
            }
            run.Options.Progress?.Report(new ImportProgress(done, total));
        }
    }

    /// <summary>Runs one unit of writing in its own transaction (none in a dry run); on failure nothing of it stays.</summary>
    /// <remarks>The unit counts into its own tally, which joins the report only when the unit is kept.</remarks>
    private async Task<bool> InTransactionAsync(Run run, string item, Func<ImportTally, Task> work, CancellationToken ct)
    {
        var unit = new ImportTally();
        if (run.Options.DryRun)
        {
            await work(unit);
            run.Tally.Merge(unit);
            return true;
        }
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
            await work(unit);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            run.Tally.Merge(unit);
            return true;
        }
        catch (Exception e) when (e is ValidationFailedException or DbUpdateException or NotFoundException)
        {
            if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
            run.Tally.Skipped++;
            run.Tally.Note(item, "Not imported: " + Reason(e));
            return false;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            // Each unit starts clean, so a large import never keeps earlier posts in memory.
            db.ChangeTracker.Clear();
        }
    }

    private static string Reason(Exception e) => e switch
    {
        ValidationFailedException v => string.Join(" ", v.Errors.SelectMany(x => x.Value)),
        DbUpdateException d => "the database refused it (" + (d.InnerException?.Message ?? d.Message) + ").",
        _ => e.Message,
    };

    /// <summary>What one import knows as it goes: the mappings from the export's ids to Parley's, and the report.</summary>
    private sealed class Run(ImportOptions options, string source, Uri? site, TimeZoneInfo zone, DateTime now, ImportMap map, AttachmentDownloader? downloader)
    {
        public AttachmentDownloader? Downloader { get; } = downloader;
        /// <summary>Downloaded attachments by their old address, for pointing content at the copies here.</summary>
        public LocalMedia Local { get; } = new();
        /// <summary>Old address → media item id of files downloaded in this run.</summary>
        public Dictionary<string, int> DownloadedUrls { get; } = new(StringComparer.Ordinal);
        public ImportOptions Options { get; } = options;
        public string Source { get; } = source;
        public Uri? Site { get; } = site;
        public TimeZoneInfo Zone { get; } = zone;
        public DateTime Now { get; } = now;
        public ImportMap Map { get; } = map;
        public ImportTally Tally { get; } = new();
        /// <summary>Author login → user id.</summary>
        public Dictionary<string, string> Authors { get; } = new(StringComparer.Ordinal);
        /// <summary>WordPress user id → user id (comments name their author's account by id).</summary>
        public Dictionary<long, string> AuthorsById { get; } = [];
        /// <summary>Category slug in the export → Parley category slug.</summary>
        public Dictionary<string, string> Categories { get; } = new(StringComparer.Ordinal);
        /// <summary>Tag slug in the export → tag name as Parley keeps it.</summary>
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public AttachmentIndex Attachments { get; } = new();
        /// <summary>Attachment id → media item id.</summary>
        public Dictionary<long, int> Media { get; } = [];
        /// <summary>Posts met in this file (a second item with the same id is a duplicate).</summary>
        public HashSet<string> SeenPosts { get; } = new(StringComparer.Ordinal);
        /// <summary>A dry run's stand-ins for what it would have written: slugs per kind, old paths, category slugs.</summary>
        public HashSet<(PostKind, string)> PlannedSlugs { get; } = [];
        public HashSet<string> PlannedPaths { get; } = new(StringComparer.Ordinal);
        public HashSet<string> PlannedCategories { get; } = new(StringComparer.Ordinal);
        public HashSet<string> PlannedTags { get; } = new(StringComparer.Ordinal);
        public int NextPlannedId { get; set; } = -1;
    }
}
