using System.Text;
using Parley.Core.Media;

namespace Parley.Core.Tests.Media;

public sealed class MediaFormatTests
{
    public static TheoryData<string, byte[], string?> Heads => new()
    {
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "JPEG" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG" },
        { "GIF87a", "GIF87a\u0001\0"u8.ToArray(), "GIF" },
        { "GIF89a", "GIF89a\u0001\0"u8.ToArray(), "GIF" },
        { "WebP", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "WebP" },
        { "AVIF major brand", [0, 0, 0, 0x1C, .. "ftypavif"u8, 0, 0, 0, 0, .. "avifmif1miaf"u8], "AVIF" },
        { "AVIF compatible brand", [0, 0, 0, 0x18, .. "ftypmif1"u8, 0, 0, 0, 0, .. "mif1avif"u8], "AVIF" },
        { "AVIF sequence", [0, 0, 0, 0x14, .. "ftypavis"u8, 0, 0, 0, 0, .. "avis"u8], "AVIF" },
        { "HEIC", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8], null },
        { "MP4", [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8], null },
        { "RIFF but WAVE", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], null },
        { "JPEG cut after two bytes", [0xFF, 0xD8], null },
        { "HTML", Encoding.UTF8.GetBytes("<html><body>hi</body></html>"), null },
        { "SVG", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_format_is_told_by_the_first_bytes(string what, byte[] head, string? expected)
    {
        _ = what;
        Assert.Equal(expected, MediaFormat.Sniff(head)?.Name);
    }

    [Fact]
    public void A_brand_list_beyond_the_bytes_read_is_not_read()
    {
        // The box claims 4 KB of brands; only what was read is looked at.
        byte[] head = [0, 0, 0x10, 0, .. "ftypmif1"u8, 0, 0, 0, 0, .. "mif1"u8];
        Assert.Null(MediaFormat.Sniff(head));
    }
}
