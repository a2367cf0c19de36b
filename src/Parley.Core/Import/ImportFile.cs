namespace Parley.Core.Import;

/// <summary>
/// The export, readable twice from its start: the importer reads it once to learn the attachments, authors
/// and terms that posts refer to (they may come anywhere in the file), then again to write. A stream that
/// cannot seek is copied to a temporary file first (deleted when done), so memory never holds the file.
/// </summary>
internal sealed class ImportFile : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly long _start;
    private readonly bool _owned;

    private ImportFile(Stream stream, long start, bool owned) => (_stream, _start, _owned) = (stream, start, owned);

    public static async Task<ImportFile> OpenAsync(Stream source, CancellationToken ct)
    {
        if (source.CanSeek) return new ImportFile(source, source.Position, owned: false);
        var path = Path.Combine(Path.GetTempPath(), $"parley-import-{Guid.NewGuid():N}.xml");
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await source.CopyToAsync(copy, ct);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
        return new ImportFile(copy, 0, owned: true);
    }

    /// <summary>A reader from the start of the file.</summary>
    public WxrReader Read()
    {
        _stream.Position = _start;
        return WxrReader.Open(_stream);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned) await _stream.DisposeAsync();
    }
}
