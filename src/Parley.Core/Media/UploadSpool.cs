using System.Buffers;

namespace Parley.Core.Media;

/// <summary>
/// Copies an upload to a hidden temporary file, reading at most <see cref="MediaLimits.MaxBytes"/>
/// plus one byte: a larger upload is refused without being read to its end, and memory holds only
/// a small buffer whatever the size. libvips then reads the file, not a copy in memory.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    public string Path { get; }
    public long Length { get; private set; }
    /// <summary>The first bytes, for <see cref="MediaFormat.Sniff"/>.</summary>
    public byte[] Head { get; private set; } = [];

    private UploadSpool(string path) => Path = path;

    public static async Task<UploadSpool> ReadAsync(Stream content, string folder, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > MediaLimits.MaxBytes) throw Refused(MediaMessages.TooLarge(remaining));
            if (remaining <= 0) throw Refused(MediaMessages.Empty);
        }
        Directory.CreateDirectory(folder);
        var spool = new UploadSpool(System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.upload"));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using (var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MediaLimits.MaxBytes + 1 - spool.Length)), ct)) > 0)
                {
                    if (spool.Length == 0) spool.Head = buffer[..Math.Min(read, MediaFormat.HeadLength)];
                    spool.Length += read;
                    if (spool.Length > MediaLimits.MaxBytes) throw Refused(MediaMessages.TooLarge(null));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (spool.Length == 0) throw Refused(MediaMessages.Empty);
            if (spool.Head.Length < MediaFormat.HeadLength && spool.Length > spool.Head.Length) spool.Head = ReadHead(spool.Path);
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first read may have been a few bytes only (a slow client); read the head back from the file.</summary>
    private static byte[] ReadHead(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[MediaFormat.HeadLength];
        var total = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..total];
    }

    public void Dispose() => FileBatch.TryDelete(Path);

    private static ValidationFailedException Refused(string message) => ValidationFailedException.For("file", message);
}
