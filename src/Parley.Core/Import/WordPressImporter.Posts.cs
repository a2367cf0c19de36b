using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Posts;
using Parley.Core.Rendering;

namespace Parley.Core.Import;

// Posts and pages: one transaction each, with their comments, old addresses and bookkeeping.
public sealed partial class WordPressImporter
{
    private async Task ImportPostAsync(Run run, WxrItem item, PostKind kind, CancellationToken ct)
    {
        var label = WordPressItems.Label(item);
        var key = WordPressItems.Key(item);
        if (!run.SeenPosts.Add(key))
        {
            Skip(run, label, "The export has another item with the same id before it; only the first was imported.");
            return;
        }
        if (item.Oversized)
        {
            Skip(run, label, $"A field of it is longer than {WxrReader.MaxFieldLength:N0} characters; it was not imported.");
            return;
        }
        var (status, statusNote) = WordPressItems.Status(item);
        if (status is null)
        {
            Skip(run, label, statusNote!);
            return;
        }
        if (await run.Map.FindAsync(ImportedKinds.Post, key, ct) is { } known)
        {
            await AlreadyImportedPostAsync(run, item, known, label, ct);
            return;
        }

        var notes = new List<string>();
        if (statusNote is not null) notes.Add(statusNote);
        var date = WxrDates.Either(item.PostDateGmt, item.PostDate, run.Zone);
        if (date is null && (!IsZeroDate(item.PostDateGmt) || !IsZeroDate(item.PostDate) || status is PostStatus.Published or PostStatus.Scheduled))
            notes.Add($"Its date ({item.PostDateGmt ?? item.PostDate ?? "none"}) cannot be used; it is dated {run.Now:yyyy-MM-dd HH:mm} UTC, when it was imported.");
        var writtenAt = date ?? run.Now;
        if (status == PostStatus.Scheduled && writtenAt <= run.Now) notes.Add("It was scheduled for a time that has passed; it is published.");

        var (title, titleNote) = WordPressItems.Title(item);
        var (excerpt, excerptNote) = WordPressItems.Excerpt(item);
        var markup = WordPressMarkup.ToMarkdown(item.Content, new MarkupContext(item.PostId, run.Attachments, run.Site, run.Local));
        notes.AddRange(new[] { titleNote, excerptNote }.OfType<string>());
        notes.AddRange(markup.Notes);
        if (markup.Markdown.Length > PostMarkdownRenderer.MaxSourceLength)
        {
            Skip(run, label, $"Its text is longer than Parley's limit of {PostMarkdownRenderer.MaxSourceLength:N0} characters; it was not imported.");
            return;
        }
        if (item.IsSticky) notes.Add("It was sticky (kept at the top of the blog); Parley has no sticky posts, so it is an ordinary post.");
        if (kind == PostKind.Page && item.PostParent is > 0) notes.Add("It was a sub-page; Parley's pages have no parents, so it sits at the top level (its old address redirects).");
        foreach (var other in item.Terms.Where(t => !WordPressItems.IsImportedTaxonomy(t.Domain) && t.Domain != "post_format").Select(t => t.Domain).Distinct())
            run.Tally.Group($"Terms of “{other}” on posts were not imported: Parley has categories and tags only.", label);

        var input = new PostInput
        {
            Kind = kind, Title = title, Slug = WordPressItems.Slug(item), Excerpt = excerpt, Body = markup.Markdown,
            Status = status == PostStatus.Scheduled ? PostStatus.Published : status.Value,
            PublishAt = status is PostStatus.Published or PostStatus.Scheduled ? writtenAt : null,
            Categories = Terms(item, "category").Select(s => run.Categories.GetValueOrDefault(s)).OfType<string>().Distinct().ToList(),
            Tags = Terms(item, "post_tag").Select(s => run.Tags.GetValueOrDefault(s)).OfType<string>().Distinct().ToList(),
            FeaturedImageId = Featured(run, item, notes),
            CommentsOpen = item.CommentStatus != "closed",
        };
        var author = AuthorOf(run, item);

        await InTransactionAsync(run, label, async unit =>
        {
            foreach (var note in notes) unit.Note(label, note);
            int postId;
            string slug;
            PostStatus saved;
            DateTime? publishedAt;
            if (run.Options.DryRun)
            {
                postId = run.NextPlannedId--;
                slug = await PlannedSlugAsync(run, kind, input.Slug ?? Slugs.FromText(title), ct);
                saved = input.Status == PostStatus.Published && writtenAt > run.Now ? PostStatus.Scheduled : input.Status;
                publishedAt = input.PublishAt;
            }
            else
            {
                var post = await posts.ImportAsync(input with { FeaturedImageId = input.FeaturedImageId is > 0 ? input.FeaturedImageId : null }, author, writtenAt, ct);
                (postId, slug, saved, publishedAt) = (post.Id, post.Slug, post.Status, post.PublishedAt);
            }
            if (input.Slug is { } wanted && wanted != slug) unit.Note(label, $"Its slug “{wanted}” is taken here; it is “{slug}”.");
            if (kind == PostKind.Post) unit.Posts++;
            else unit.Pages++;
            run.Map.Record(ImportedKinds.Post, key, postId.ToString(CultureInfo.InvariantCulture));
            if (saved == PostStatus.Published) await OldAddressesAsync(run, unit, item, kind, postId, slug, publishedAt, label, ct);
            await ImportCommentsAsync(run, unit, item, postId, label, writtenAt, ct);
        }, ct);
    }

    /// <summary>
    /// A post from an earlier import of the same site stays as it is (it may have been edited here since);
    /// comments written on the old site after that import are added.
    /// </summary>
    private async Task AlreadyImportedPostAsync(Run run, WxrItem item, string known, string label, CancellationToken ct)
    {
        run.Tally.AlreadyImported++;
        if (!int.TryParse(known, NumberStyles.Integer, CultureInfo.InvariantCulture, out var postId) || postId < 0) return;
        if (!await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            run.Tally.Note(label, "It was imported before and has been deleted here since; it was not imported again.");
            return;
        }
        if (item.Comments.Count > 0)
            await InTransactionAsync(run, label, unit => ImportCommentsAsync(run, unit, item, postId, label, run.Now, ct), ct);
    }

    private async Task OldAddressesAsync(Run run, ImportTally unit, WxrItem item, PostKind kind, int postId, string slug, DateTime? publishedAt, string label, CancellationToken ct)
    {
        var current = PostUrls.Normalize(PostUrls.PathFor(kind, slug, publishedAt, run.Zone));
        foreach (var path in OldLinks.For(item, kind))
        {
            if (path == current) continue;
            OldPathOutcome outcome;
            if (run.Options.DryRun)
                outcome = run.PlannedPaths.Add(path) && !await db.PathRedirects.AnyAsync(r => r.Path == path, ct) ? OldPathOutcome.Added : OldPathOutcome.LeadsElsewhere;
            else outcome = await posts.AddOldPathAsync(postId, path, ct);
            if (outcome == OldPathOutcome.Added) unit.Redirects++;
            else if (outcome == OldPathOutcome.LeadsElsewhere) unit.Note(label, $"Its old address {path} already leads elsewhere here; it was left as it is.");
        }
    }

    private async Task<string> PlannedSlugAsync(Run run, PostKind kind, string wanted, CancellationToken ct)
    {
        var stem = Slugs.FromText(wanted);
        var candidate = stem;
        string free;
        for (var n = 2; run.PlannedSlugs.Contains((kind, free = await posts.FreeSlugAsync(kind, candidate, ct))); n++) candidate = $"{stem}-{n}";
        run.PlannedSlugs.Add((kind, free));
        return free;
    }

    private static int? Featured(Run run, WxrItem item, List<string> notes)
    {
        if (item.MetaValue("_thumbnail_id") is not { } raw || raw.Trim().Length == 0) return null;
        // Metadata is only ever read as text: a value that is not a plain number (serialized PHP, say) is not followed.
        if (!long.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            notes.Add("Its featured image is not given as an attachment id; it has none.");
            return null;
        }
        if (run.Media.TryGetValue(id, out var media)) return media;
        notes.Add($"Its featured image (attachment {id}) is not in the export or could not be recorded; it has none.");
        return null;
    }

    /// <summary>The export's slugs of an item's categories or tags (a term written without one gets one from its name).</summary>
    private static IEnumerable<string> Terms(WxrItem item, string domain) =>
        item.Terms.Where(t => t.Domain == domain).Select(t => t.Slug.Length > 0 ? t.Slug : Slugs.FromText(t.Name));

    private static bool IsZeroDate(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().StartsWith("0000-00-00 00:00", StringComparison.Ordinal);

    private static void Skip(Run run, string label, string reason)
    {
        run.Tally.Skipped++;
        run.Tally.Note(label, reason);
    }
}
