using System.Diagnostics;
using System.Text;
using Parley.Core;
using Parley.Core.Media;
using Parley.Testing;

namespace Parley.Data.Tests.Media;

/// <summary>
/// Uploads the library refuses, each with a sentence a person understands and nothing left on disk.
/// Refusals happen before the database is touched, so one provider is enough.
/// </summary>
public sealed class MediaRefusalTests
{
    private static async Task<string> RefusedAsync(MediaSite site, Stream content, string? name = "picture.jpg")
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => site.UploadAsync(content, name));
        Assert.Empty(site.Files());
        return Assert.Single(refused.Errors["file"]);
    }

    private static Task<string> RefusedAsync(MediaSite site, byte[] bytes, string? name = "picture.jpg") => RefusedAsync(site, new MemoryStream(bytes), name);

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "html", Encoding.UTF8.GetBytes("<!doctype html><html><script>alert(1)</script></html>") },
        { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>") },
        { "text", Encoding.UTF8.GetBytes("Just some words, saved as photo.jpg.") },
        { "tiff", TestImages.Tiff(32, 32) },
        { "heic brand", [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task A_file_that_is_not_one_of_our_image_formats_is_refused_whatever_its_name(string what, byte[] bytes)
    {
        await using var site = await MediaSite.CreateAsync();
        Assert.Equal("This is not a JPEG, PNG, WebP, GIF or AVIF image.", await RefusedAsync(site, bytes, what + ".jpg"));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await using var site = await MediaSite.CreateAsync();
        Assert.Equal("This file is empty.", await RefusedAsync(site, []));
        Assert.Equal("This file is empty.", await RefusedAsync(site, new CountingStream(0, seekable: false)));
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_without_being_read_to_its_end()
    {
        await using var site = await MediaSite.CreateAsync();

        // A stream that knows its length is refused before a byte is read.
        var known = new CountingStream(200L * 1024 * 1024, seekable: true);
        Assert.Equal("This file is 200 MB; the limit is 20 MB.", await RefusedAsync(site, known));
        Assert.Equal(0, known.BytesRead);

        // One that does not (a chunked request) is read up to the limit and one byte more, never further.
        var unknown = new CountingStream(200L * 1024 * 1024, seekable: false);
        Assert.Equal("This file is over 20 MB; the limit is 20 MB.", await RefusedAsync(site, unknown));
        Assert.Equal(MediaLimits.MaxBytes + 1, unknown.BytesRead);

        var justOver = new CountingStream(MediaLimits.MaxBytes + 1, seekable: true);
        Assert.Equal("This file is 20.1 MB; the limit is 20 MB.", await RefusedAsync(site, justOver));
    }

    [Fact]
    public async Task A_header_declaring_50000_by_50000_pixels_is_refused_before_decoding()
    {
        await using var site = await MediaSite.CreateAsync();
        var bomb = TestImages.PngHeader(50_000, 50_000); // 7.5 GB of pixels in a file of ~100 bytes
        var memoryBefore = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        var message = await RefusedAsync(site, bomb, "bomb.png");
        clock.Stop();
        Assert.Equal("This image is 50,000 × 50,000 pixels; the limit is 20,000 pixels on a side.", message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.True(Environment.WorkingSet - memoryBefore < 300L * 1024 * 1024, "memory grew while refusing");

        Assert.Equal("This image is 9,000 × 9,000 pixels (81 megapixels); the limit is 50 megapixels.",
            await RefusedAsync(site, TestImages.PngHeader(9_000, 9_000), "big.png"));
    }

    [Fact]
    public async Task An_animation_with_too_many_frames_is_refused_before_decoding()
    {
        await using var site = await MediaSite.CreateAsync();
        Assert.Equal("This animation has 1,200 frames; the limit is 500.", await RefusedAsync(site, TestImages.GifWithManyFrames(1_200), "long.gif"));
        // 500 frames of 1 × 1 pass.
        var item = await site.UploadAsync(TestImages.GifWithManyFrames(500), "ok.gif");
        Assert.True(item.Animated);
    }

    [Fact]
    public async Task A_damaged_image_is_refused_and_nothing_is_left_half_saved()
    {
        await using var site = await MediaSite.CreateAsync();
        var jpeg = TestImages.JpegWithLocation(1600, 1200);
        Assert.Equal("This image could not be read; the file may be damaged or cut short.", await RefusedAsync(site, jpeg[..(jpeg.Length / 2)]));
        Assert.Equal("This image could not be read; the file may be damaged or cut short.", await RefusedAsync(site, "GIF89a"u8.ToArray()));
    }

    /// <summary>Serves <c>length</c> bytes of a JPEG-looking stream without holding them, and counts what was read.</summary>
    private sealed class CountingStream(long length, bool seekable) : Stream
    {
        private long _position;
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? length : throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (n <= 0) return 0;
            Array.Clear(buffer, offset, n);
            if (_position == 0 && n >= 3) { buffer[offset] = 0xFF; buffer[offset + 1] = 0xD8; buffer[offset + 2] = 0xFF; }
            _position += n;
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
