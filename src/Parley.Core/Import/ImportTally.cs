using Parley.Core.Comments;

namespace Parley.Core.Import;

/// <summary>The report as it is being gathered; the same code counts a dry run and a real one.</summary>
internal sealed class ImportTally
{
    public int Authors, Categories, Tags, Posts, Pages, Attachments, Downloaded, NotDownloaded, Redirects, Skipped, AlreadyImported;
    public int Approved, Pending, Spam, Trash, Pingbacks;
    public string? StoppedAt;
    private readonly List<ImportNote> _notes = [];
    private readonly Dictionary<string, (int Count, string Example)> _grouped = [];

    public void Note(string item, string reason) => _notes.Add(new ImportNote(item, reason));

    /// <summary>Many items for one reason (menu entries, a missing author) make one note with a count.</summary>
    public void Group(string reason, string example)
    {
        _grouped[reason] = _grouped.TryGetValue(reason, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);
    }

    public void Comment(CommentStatus status, CommentKind kind)
    {
        if (kind != CommentKind.Comment) Pingbacks++;
        else if (status == CommentStatus.Approved) Approved++;
        else if (status == CommentStatus.Pending) Pending++;
        else if (status == CommentStatus.Spam) Spam++;
        else Trash++;
    }

    /// <summary>Adds what one unit (a post with its comments, an author) counted, once it is kept.</summary>
    public void Merge(ImportTally unit)
    {
        Authors += unit.Authors; Categories += unit.Categories; Tags += unit.Tags; Posts += unit.Posts; Pages += unit.Pages;
        Attachments += unit.Attachments; Downloaded += unit.Downloaded; NotDownloaded += unit.NotDownloaded; Redirects += unit.Redirects; Skipped += unit.Skipped; AlreadyImported += unit.AlreadyImported;
        Approved += unit.Approved; Pending += unit.Pending; Spam += unit.Spam; Trash += unit.Trash; Pingbacks += unit.Pingbacks;
        _notes.AddRange(unit._notes);
        foreach (var (reason, (count, example)) in unit._grouped)
            _grouped[reason] = _grouped.TryGetValue(reason, out var seen) ? (seen.Count + count, seen.Example) : (count, example);
    }

    public ImportReport ToReport(string source, bool dryRun) => new()
    {
        Source = source, DryRun = dryRun, Completed = StoppedAt is null, StoppedAt = StoppedAt,
        Authors = Authors, Categories = Categories, Tags = Tags, Posts = Posts, Pages = Pages, Attachments = Attachments, Downloaded = Downloaded, NotDownloaded = NotDownloaded,
        Redirects = Redirects, Skipped = Skipped, AlreadyImported = AlreadyImported,
        Comments = new ImportCommentCounts { Approved = Approved, Pending = Pending, Spam = Spam, Trash = Trash, Pingbacks = Pingbacks },
        Notes = [.. _notes, .. _grouped.Select(g => new ImportNote(g.Value.Count == 1 ? g.Value.Example : $"{g.Value.Count} items (e.g. {g.Value.Example})", g.Key))],
    };
}
