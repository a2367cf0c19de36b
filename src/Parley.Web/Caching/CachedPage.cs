using System.IO.Compression;
using System.Security.Cryptography;

namespace Parley.Web.Caching;

/// <summary>How a reader's browser wants the bytes: as they are, gzip or Brotli.</summary>
public enum PageEncoding { Identity, Gzip, Brotli }

/// <summary>
/// One kept answer: its bytes as rendered, and compressed copies made the first time a reader asks for
/// them, so compression is paid once per page version rather than per request. Each copy has its own
/// strong ETag (they are different bytes).
/// </summary>
public sealed class CachedPage
{
    private byte[]? _gzip;
    private byte[]? _brotli;

    public CachedPage(byte[] body, string contentType, string? cacheControl, DateTimeOffset? lastModified,
        IReadOnlyList<int> posts, bool showsAllDiscussions, DateTimeOffset expiresAt)
    {
        Body = body;
        ContentType = contentType;
        CacheControl = cacheControl ?? "no-cache";
        LastModified = lastModified?.ToString("R");
        Posts = posts;
        ShowsAllDiscussions = showsAllDiscussions;
        ExpiresAt = expiresAt;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        ETags = [$"\"{hash}\"", $"\"{hash}-gz\"", $"\"{hash}-br\""];
    }

    public byte[] Body { get; }
    public string ContentType { get; }
    public string CacheControl { get; }
    public string? LastModified { get; }
    public IReadOnlyList<int> Posts { get; }
    public bool ShowsAllDiscussions { get; }
    public DateTimeOffset ExpiresAt { get; }
    /// <summary>Indexed by <see cref="PageEncoding"/>.</summary>
    public string[] ETags { get; }
    /// <summary>When it was last served (<see cref="Environment.TickCount64"/>), to choose what to drop when memory runs short.</summary>
    public long LastUsed;

    /// <summary>Bytes held, compressed copies included.</summary>
    public long Size => Body.Length + (_gzip?.Length ?? 0) + (_brotli?.Length ?? 0);

    /// <summary>The bytes in the asked encoding; compressed on first use. Two readers racing both compress, one copy stays.</summary>
    public byte[] BytesFor(PageEncoding encoding) => encoding switch
    {
        PageEncoding.Gzip => _gzip ?? Interlocked.CompareExchange(ref _gzip, Compress(Body, s => new GZipStream(s, CompressionLevel.Optimal)), null) ?? _gzip,
        PageEncoding.Brotli => _brotli ?? Interlocked.CompareExchange(ref _brotli, Compress(Body, s => new BrotliStream(s, CompressionLevel.Optimal)), null) ?? _brotli,
        _ => Body,
    };

    private static byte[] Compress(byte[] body, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (var compressor = open(output)) compressor.Write(body);
        return output.ToArray();
    }
}
