using System.Globalization;
using System.Net;
using Parley.Core.Comments;

namespace Parley.Core.Import;

// Comments, pingbacks and trackbacks, with their threads, states, authors and dates, through CommentService's import entry.
public sealed partial class WordPressImporter
{
    private async Task ImportCommentsAsync(Run run, ImportTally unit, WxrItem item, int postId, string postLabel, DateTime postDate, CancellationToken ct)
    {
        if (item.Comments.Count == 0) return;
        var (ordered, duplicates) = CommentThread.Order(item.Comments, WordPressItems.Key(item));
        foreach (var duplicate in duplicates)
        {
            unit.Skipped++;
            unit.Note(Label(duplicate, postLabel), "The export has another comment with this id on the same item; the first counts.");
        }
        var local = new Dictionary<string, int>(StringComparer.Ordinal);
        var added = false;
        foreach (var entry in ordered)
        {
            var comment = entry.Comment;
            var label = Label(comment, postLabel);
            if (await run.Map.FindAsync(ImportedKinds.Comment, entry.Key, ct) is { } known)
            {
                if (int.TryParse(known, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) local[entry.Key] = id;
                unit.AlreadyImported++;
                continue;
            }
            CommentKind? kind = (comment.Type ?? "") switch
            {
                "" or "comment" => CommentKind.Comment,
                "pingback" => CommentKind.Pingback,
                "trackback" => CommentKind.Trackback,
                _ => null,
            };
            if (kind is null)
            {
                // Plugins store their own records as comments (order notes, editor notes): they are not readers' words.
                unit.Skipped++;
                unit.Group($"Comments of type “{comment.Type}” are a plugin's or WordPress's own records, not readers' comments; they were not imported.", label);
                continue;
            }
            var status = (comment.Approved ?? "") switch
            {
                "1" or "approve" or "approved" => CommentStatus.Approved,
                "0" or "hold" or "" => CommentStatus.Pending,
                "spam" => CommentStatus.Spam,
                "trash" or "post-trashed" => CommentStatus.Trash,
                _ => (CommentStatus?)null,
            };
            if (status is null) unit.Note(label, $"Its state “{comment.Approved}” is not one of WordPress's own; it waits for moderation.");
            var created = WxrDates.Either(comment.DateGmt, comment.Date, run.Zone);
            if (created is null) unit.Note(label, $"Its date ({comment.DateGmt ?? comment.Date ?? "none"}) cannot be used; it is dated like its post.");

            int? parentId = null;
            if (entry.ParentKey is { } parent)
            {
                if (local.TryGetValue(parent, out var inThisFile)) parentId = inThisFile;
                else if (await run.Map.FindAsync(ImportedKinds.Comment, parent, ct) is { } earlier && int.TryParse(earlier, NumberStyles.Integer, CultureInfo.InvariantCulture, out var found)) parentId = found;
                else unit.Note(label, "The comment it answers is not in the export; it is shown at the top level.");
            }
            if (entry.Problem is { } problem) unit.Note(label, problem);

            var request = new CommentImport
            {
                PostId = postId, ParentId = parentId, Name = WebUtility.HtmlDecode(comment.Author), Email = comment.AuthorEmail,
                Website = comment.AuthorUrl, Ip = comment.AuthorIp, Body = WordPressMarkup.CommentToMarkdown(comment.Content).Markdown,
                Status = status ?? CommentStatus.Pending, Kind = kind.Value, CreatedAt = created ?? postDate,
                AuthorUserId = comment.UserId is > 0 and var uid && run.AuthorsById.TryGetValue(uid, out var user) && !user.StartsWith("planned-", StringComparison.Ordinal) ? user : null,
            };
            int localId;
            if (run.Options.DryRun)
            {
                var length = request.Body.Trim().Length;
                if (length == 0 || length > CommentLimits.Body)
                {
                    unit.Skipped++;
                    unit.Note(label, length == 0 ? "Not imported: the comment has no text." : $"Not imported: the comment is {length:N0} characters long; the limit is {CommentLimits.Body:N0}.");
                    continue;
                }
                localId = run.NextPlannedId--;
            }
            else
            {
                try
                {
                    var saved = await comments.ImportAsync(request, ct);
                    localId = saved.Comment.Id;
                    foreach (var change in saved.Changes) unit.Note(label, change);
                }
                catch (ValidationFailedException e)
                {
                    unit.Skipped++;
                    unit.Note(label, "Not imported: " + Reason(e));
                    continue;
                }
            }
            local[entry.Key] = localId;
            run.Map.Record(ImportedKinds.Comment, entry.Key, localId.ToString(CultureInfo.InvariantCulture));
            unit.Comment(request.Status, request.Kind);
            added = true;
        }
        if (added && !run.Options.DryRun) await comments.RecountAsync(postId, ct);
    }

    private static string Label(WxrComment comment, string postLabel)
    {
        var kind = comment.Type is "pingback" or "trackback" ? char.ToUpperInvariant(comment.Type[0]) + comment.Type[1..] : "Comment";
        var id = comment.Id is { } n ? " " + n.ToString(CultureInfo.InvariantCulture) : "";
        var author = WebUtility.HtmlDecode(comment.Author).Trim();
        return $"{kind}{id}" + (author.Length > 0 ? $" by “{(author.Length > 60 ? author[..60] + "…" : author)}”" : "") + $" on {postLabel}";
    }
}
