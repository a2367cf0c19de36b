namespace Parley.Core.Import;

/// <summary>
/// What an import did (or, for a dry run, would do): how many of each kind it created, and every item it
/// could not bring over fully, with the reason.
/// </summary>
public sealed record ImportReport
{
    /// <summary>The site the export came from, as imports of it are recognised (see <see cref="ImportedItem.Source"/>).</summary>
    public required string Source { get; init; }
    public bool DryRun { get; init; }
    /// <summary>The whole file was read. When false, <see cref="StoppedAt"/> says where and why it stopped; what came before is imported whole, post by post.</summary>
    public bool Completed { get; init; }
    public string? StoppedAt { get; init; }

    public int Authors { get; init; }
    public int Categories { get; init; }
    public int Tags { get; init; }
    public int Posts { get; init; }
    public int Pages { get; init; }
    /// <summary>Attachments recorded as media: downloaded (<see cref="Downloaded"/>) or linked (their files stay where they are).</summary>
    public int Attachments { get; init; }
    /// <summary>Of <see cref="Attachments"/>, those whose files were downloaded into the media library.</summary>
    public int Downloaded { get; init; }
    /// <summary>Files that could not be downloaded (each has a note with the reason); those attachments stay links.</summary>
    public int NotDownloaded { get; init; }
    public ImportCommentCounts Comments { get; init; } = new();
    /// <summary>Old addresses that now answer with a permanent redirect to the imported post.</summary>
    public int Redirects { get; init; }
    /// <summary>Items not imported at all (each has a note).</summary>
    public int Skipped { get; init; }
    /// <summary>Items found from an earlier import of the same site, left as they are.</summary>
    public int AlreadyImported { get; init; }

    public IReadOnlyList<ImportNote> Notes { get; init; } = [];
}

/// <summary>Imported comments by state; pingbacks and trackbacks are counted apart, whatever their state.</summary>
public sealed record ImportCommentCounts
{
    public int Approved { get; init; }
    public int Pending { get; init; }
    public int Spam { get; init; }
    public int Trash { get; init; }
    public int Pingbacks { get; init; }

    public int Total => Approved + Pending + Spam + Trash + Pingbacks;
}

/// <summary>Something not brought over fully: which item (kind, id and title as the export has them) and why.</summary>
public sealed record ImportNote(string Item, string Reason)
{
    public override string ToString() => $"{Item}: {Reason}";
}
