using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Media;

namespace Parley.Core.Import;

// Attachments stay on the old site: each is recorded as a linked media item (no file here), so posts can use
// it as their featured image and galleries can show it. Downloading them is a separate step (not this one).
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
            if (await run.Map.FindAsync(ImportedKinds.Attachment, key, ct) is { } known &&
                (!int.TryParse(known, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mediaId) || await db.MediaItems.AnyAsync(m => m.Id == mediaId, ct)))
            {
                if (int.TryParse(known, NumberStyles.Integer, CultureInfo.InvariantCulture, out var found)) run.Media[id] = found;
                run.Tally.AlreadyImported++;
                continue;
            }
            var created = WxrDates.Either(attachment.DateGmt, attachment.Date, run.Zone) ?? run.Now;
            var uploader = attachment.Creator is { } login && run.Authors.TryGetValue(login.Trim(), out var userId) && !userId.StartsWith("planned-", StringComparison.Ordinal)
                ? userId : run.Options.ImportingUserId;
            int? local = null;
            var ok = await InTransactionAsync(run, label, async unit =>
            {
                if (run.Options.DryRun)
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
        }
    }
}
