namespace Parley.Core.Import;

/// <summary>How to run an import.</summary>
public sealed record ImportOptions
{
    /// <summary>Read and convert everything and return the same report, but write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The staff member running the import (an existing account). Posts whose author is not in the export are
    /// theirs, and they are recorded as the one who created the imported accounts.
    /// </summary>
    public required string ImportingUserId { get; init; }

    /// <summary>
    /// Download the attachments' files into the media library (and point content at them); null leaves them
    /// where they are, linked. Ignored in a dry run.
    /// </summary>
    public MediaDownloads? Downloads { get; init; }

    /// <summary>Told after each item of the second reading (the one that writes), with the number of items in the file.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }
}

/// <summary>Items done so far out of the items the file holds.</summary>
public readonly record struct ImportProgress(int Done, int Total);

/// <summary>How attachments' files are downloaded (see <see cref="AttachmentDownloader"/>).</summary>
public sealed record MediaDownloads
{
    /// <summary>Most redirects followed for one file; each new address is checked again.</summary>
    public const int MaxRedirects = 5;

    /// <summary>The folder served at <c>/media</c>, where the files are stored.</summary>
    public required string MediaRoot { get; init; }

    /// <summary>
    /// Allow addresses on this machine (tests and development only: an export could otherwise make Parley
    /// fetch from services on the server). Private and link-local addresses are refused regardless.
    /// </summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Longest time for one file, redirects included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
