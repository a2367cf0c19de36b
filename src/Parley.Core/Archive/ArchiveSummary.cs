namespace Parley.Core.Archive;

/// <summary>What an export or import moved: rows per section, and the media files.</summary>
public sealed record ArchiveSummary(IReadOnlyDictionary<string, long> Rows, int MediaFiles, long MediaBytes)
{
    public long this[string section] => Rows.GetValueOrDefault(section);
}
