using System.Buffers.Binary;
using System.IO.Compression;
using NetVips;

namespace Parley.Testing;

/// <summary>
/// Images made while a test runs (with libvips, or byte by byte for the hostile ones), so the
/// repository holds no binary test pictures.
/// </summary>
public static class TestImages
{
    /// <summary>A coloured JPEG whose EXIF says where it was taken, which camera, and that it must be turned (orientation 6: 90° clockwise).</summary>
    public static byte[] JpegWithLocation(int width, int height, int orientation = 1) =>
        Picture(width, height).Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestCam");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "51/1 30/1 26/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "W");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "0/1 7/1 39/1");
            m.Set(GValue.GIntType, "orientation", orientation);
        }).JpegsaveBuffer(q: 80);

    public static byte[] Png(int width, int height) => Picture(width, height).PngsaveBuffer(compression: 1);
    public static byte[] WebP(int width, int height) => Picture(width, height).WebpsaveBuffer(q: 70);
    public static byte[] Avif(int width, int height) => Picture(width, height).HeifsaveBuffer(q: 40, effort: 0, compression: Enums.ForeignHeifCompression.Av1);
    public static byte[] Tiff(int width, int height) => Picture(width, height).TiffsaveBuffer();

    /// <summary>An animated GIF: <paramref name="frames"/> frames of different colours.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        using var strip = Animation(width, height, frames);
        return strip.GifsaveBuffer();
    }

    /// <summary>An animated WebP: <paramref name="frames"/> frames of different colours.</summary>
    public static byte[] AnimatedWebP(int width, int height, int frames)
    {
        using var strip = Animation(width, height, frames);
        return strip.WebpsaveBuffer(q: 60);
    }

    private static Image Animation(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames).Select(i => Image.Black(width, height).NewFromImage(40 * i % 256, 200, 255 - 40 * i % 256)).ToArray();
        return Image.Arrayjoin(pages, across: 1).Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            m.Set(GValue.GIntType, "loop", 0);
        });
    }

    /// <summary>A GIF of <paramref name="frames"/> 1 × 1 frames, written byte by byte: 16 bytes a frame.</summary>
    public static byte[] GifWithManyFrames(int frames)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0x80, 0, 0]);                 // 1 × 1 screen, a global palette of two colours
        gif.Write([0, 0, 0, 255, 255, 255]);
        gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]); // loop forever
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]);     // 0.1 s a frame
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);    // the frame: at 0,0, 1 × 1
            gif.Write([2, 2, 0x44, 0x01, 0]);                // LZW: clear, colour 0, end
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/>, with a tiny IDAT: a decompression bomb's shape.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bits per sample
        ihdr[9] = 2;  // RGB
        var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[64 * 1024]);
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", idat.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static Image Picture(int width, int height) =>
        Image.Black(width, height).NewFromImage(30, 140, 200).Add(Image.Xyz(width, height)[0] % 64).Cast(Enums.BandFormat.Uchar);

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var chunk = new byte[8 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        png.Write(chunk);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(chunk.AsSpan(4)));
        png.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
