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

    /// <summary>Told after each item of the second reading (the one that writes), with the number of items in the file.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }
}

/// <summary>Items done so far out of the items the file holds.</summary>
public readonly record struct ImportProgress(int Done, int Total);
