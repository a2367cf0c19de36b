using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Media;

namespace Parley.Core.Import;

// Attachments stay on the old site unless downloads were asked for: each is recorded as a linked media item (no
// file here), so posts can use it as their featured image and galleries can show it. With downloads, each image is
// fetched into the media library first (outside any transaction: the network is slow); one that cannot be fetched
// is reported with the reason and recorded as a link, and the import goes on.
public sealed partial class WordPressImporter
{
    private async Task ImportAttachmentsAsync(Run run, List<ScannedAttachment> attachments, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        foreach (var attachment in attachments)
        {
            var title = WebUtility.HtmlDecode(attachment.Title).Trim();
            var label = $"Attachment {(attachment.Id is { } n ? n.ToString(CultureInfo.InvariantCulture) : "without id")}" + (title.Length > 0 ? $" “{title}”" : "");
            if (attachment.Id is not { } id || id <= 0)
            {
                run.Tally.Skipped++;
                run.Tally.Note(label, "It has no id, so no post can refer to it; it was not recorded.");
                continue;
            }
            if (!seen.Add(id))
            {
                run.Tally.Skipped++;
                run.Tally.Note(label, "The export has two attachments with this id; the first counts.");
                continue;
            }
            var (url, problem) = AttachmentLinks.Check(attachment.Url, attachment.AttachedFile, run.Site);
            if (url is null)
            {
                run.Tally.Skipped++;
                run.Tally.Note(label, problem!);
                continue;
            }
            var caption = WordPressItems.Excerpt(new WxrItem { Excerpt = attachment.Caption ?? "" }).Excerpt;
            run.Attachments.Add(new AttachmentInfo(id, attachment.ParentId, url.AbsoluteUri, title, attachment.Alt?.Trim(), caption, attachment.MenuOrder));

            var key = id.ToString(CultureInfo.InvariantCulture);
            if (await run.Map.FindAsync(ImportedKinds.Attachment, key, ct) is { } known)
            {
                var isNumber = int.TryParse(known, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mediaId);
                var existing = isNumber ? await db.MediaItems.AsNoTracking().Where(m => m.Id == mediaId).Select(m => new { m.Url, m.StoragePath }).FirstOrDefaultAsync(ct) : null;
                if (!isNumber || existing is not null)
                {
                    if (isNumber) run.Media[id] = mediaId;
                    // Downloaded by an earlier import: posts new in this file point at the copy here too.
                    if (existing?.StoragePath is not null) run.Local.Add(url.AbsoluteUri, existing.Url);
                    run.Tally.AlreadyImported++;
                    continue;
                }
            }
            var created = WxrDates.Either(attachment.DateGmt, attachment.Date, run.Zone) ?? run.Now;
            var uploader = attachment.Creator is { } login && run.Authors.TryGetValue(login.Trim(), out var userId) && !userId.StartsWith("planned-", StringComparison.Ordinal)
                ? userId : run.Options.ImportingUserId;
            var downloaded = run.Downloader is { } downloader && !run.Options.DryRun
                ? await DownloadAsync(run, downloader, url, label, new MediaText(Cut(attachment.Alt, MediaLimits.AltText), Cut(caption, MediaLimits.Caption)), uploader, ct)
                : null;
            int? local = null;
            var ok = await InTransactionAsync(run, label, async unit =>
            {
                if (downloaded is not null)
                {
                    local = downloaded.Id;
                    unit.Attachments++;
                    unit.Downloaded++;
                }
                else if (run.Options.DryRun)
                {
                    local = run.NextPlannedId--;
                    if (!await db.MediaItems.AnyAsync(m => m.Url == url.AbsoluteUri, ct)) unit.Attachments++;
                }
                else
                {
                    var had = await db.MediaItems.AnyAsync(m => m.Url == url.AbsoluteUri, ct);
                    var item = await media.AddLinkAsync(new MediaLink(url.AbsoluteUri, AttachmentLinks.ContentType(url), attachment.Alt, caption,
                        AttachmentLinks.FileName(url), uploader, created), ct);
                    local = item.Id;
                    if (!had) unit.Attachments++;
                }
                run.Map.Record(ImportedKinds.Attachment, key, local.Value.ToString(CultureInfo.InvariantCulture));
            }, ct);
            if (ok && local is { } value) run.Media[id] = value;
            if (downloaded is not null)
            {
                if (ok) run.Local.Add(url.AbsoluteUri, downloaded.Url);
                else await media.DeleteAsync(downloaded.Id, force: true, run.Options.Downloads!.MediaRoot, CancellationToken.None);
            }
        }
    }

    /// <summary>The attachment's file in the media library, or null (reported) when it stays a link.</summary>
    private async Task<MediaItem?> DownloadAsync(Run run, AttachmentDownloader downloader, Uri url, string label, MediaText text, string? uploader, CancellationToken ct)
    {
        // The media library holds images; other files (PDFs, videos) are not fetched at all.
        var type = AttachmentLinks.ContentType(url);
        if (!type.StartsWith("image/", StringComparison.Ordinal) && type != "application/octet-stream")
        {
            run.Tally.Group("Attachments that are not images stay links: Parley's media library holds images only.", label);
            return null;
        }
        // Two attachments of one export may name the same file: it is fetched once.
        if (run.DownloadedUrls.TryGetValue(url.AbsoluteUri, out var mediaId))
            return await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, ct);
        var (item, problem) = await downloader.DownloadAsync(url, AttachmentLinks.FileName(url), text, uploader ?? run.Options.ImportingUserId, ct);
        db.ChangeTracker.Clear();
        if (item is null)
        {
            run.Tally.NotDownloaded++;
            run.Tally.Note(label, $"Its file {url.AbsoluteUri} was not downloaded: {problem}. It stays a link to the old site.");
            return null;
        }
        run.DownloadedUrls[url.AbsoluteUri] = item.Id;
        return item;
    }

    private static string? Cut(string? text, int max)
    {
        text = text?.Trim();
        return text is null || text.Length <= max ? text : text[..max].Trim();
    }
}
