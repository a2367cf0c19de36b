using Microsoft.EntityFrameworkCore;
using NetVips;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Testing;

namespace Parley.Data.Tests.Media;

/// <summary>What an accepted upload becomes: the original without metadata, and its copies.</summary>
public sealed class MediaUploadTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_photo_is_stored_upright_without_its_location_with_copies_at_each_smaller_width(DatabaseProvider provider)
    {
        await using var site = await MediaSite.CreateAsync(provider);
        // 2000 × 1200 as stored, orientation 6: upright it is 1200 × 2000, so the copies are 320 and 768 wide.
        var item = await site.UploadAsync(TestImages.JpegWithLocation(2000, 1200, orientation: 6), "Holiday photo.JPG", "image/jpeg");

        Assert.Matches(@"^2026/11/[0-9a-f]{16}\.jpg$", item.StoragePath);
        Assert.Equal("/media/" + item.StoragePath, item.Url);
        Assert.Equal(("image/jpeg", 1200, 2000), (item.ContentType, item.Width, item.Height));
        Assert.Equal([320, 768], item.VariantWidths());
        Assert.Equal("Holiday photo.JPG", item.OriginalFileName);
        Assert.Equal(site.AuthorId, item.UploadedById);
        Assert.False(item.Animated);

        var stem = Path.GetFileNameWithoutExtension(item.StoragePath);
        Assert.Equal(
            new[] { ".jpg", ".webp", "-320.jpg", "-320.webp", "-768.jpg", "-768.webp" }.Select(s => $"2026/11/{stem}{s}").Order(StringComparer.Ordinal),
            site.Files());
        Assert.Equal(new FileInfo(site.PathOf(item.Url)).Length, item.SizeBytes);

        using var original = Image.NewFromFile(site.PathOf(item.Url));
        Assert.Equal((1200, 2000, "jpegload"), (original.Width, original.Height, (string)original.Get("vips-loader")));
        Assert.DoesNotContain(original.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f == "orientation");
        foreach (var (width, extension, loader) in new[] { (320, "jpg", "jpegload"), (320, "webp", "webpload"), (768, "jpg", "jpegload"), (768, "webp", "webpload"), (1200, "webp", "webpload") })
        {
            var url = width == 1200 ? MediaFiles.Url(item, null, "webp") : MediaFiles.Url(item, width, extension);
            using var copy = Image.NewFromFile(site.PathOf(url));
            Assert.Equal((width, width * 2000 / 1200, loader), (copy.Width, copy.Height, (string)copy.Get("vips-loader")), new CloseSize());
            Assert.DoesNotContain(copy.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal));
        }

        await using var db = site.Db.NewContext();
        var stored = await db.MediaItems.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((item.StoragePath, "320,768", site.AuthorId), (stored.StoragePath, stored.Variants, stored.UploadedById));
    }

    public static TheoryData<string, int, string[]> Formats => new()
    {
        { "png", 1400, ["320", "768", "1280"] },
        { "webp", 800, ["320", "768"] },
        { "avif", 400, ["320"] },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Png_webp_and_avif_keep_their_format_beside_webp_copies(string format, int width, string[] variants)
    {
        await using var site = await MediaSite.CreateAsync();
        var bytes = format switch
        {
            "png" => TestImages.Png(width, 300),
            "webp" => TestImages.WebP(width, 300),
            _ => TestImages.Avif(width, 300),
        };
        var item = await site.UploadAsync(bytes, "x." + format);

        Assert.Equal("image/" + format, item.ContentType);
        Assert.EndsWith("." + format, item.Url, StringComparison.Ordinal);
        Assert.Equal(string.Join(',', variants), item.Variants);
        var stem = Path.GetFileNameWithoutExtension(item.StoragePath)!;
        var expected = new List<string> { $"{stem}.{format}", $"{stem}.webp" };
        foreach (var w in variants) expected.AddRange([$"{stem}-{w}.{format}", $"{stem}-{w}.webp"]);
        Assert.Equal(expected.Distinct().Select(n => "2026/11/" + n).Order(StringComparer.Ordinal), site.Files());
        using var original = Image.NewFromFile(site.PathOf(item.Url));
        Assert.StartsWith(format == "avif" ? "heif" : format, (string)original.Get("vips-loader"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("webp")]
    public async Task An_animation_stays_animated_in_every_copy(string format)
    {
        await using var site = await MediaSite.CreateAsync();
        var bytes = format == "gif" ? TestImages.AnimatedGif(800, 400, frames: 4) : TestImages.AnimatedWebP(800, 400, frames: 4);
        var item = await site.UploadAsync(bytes, "spinner." + format);

        Assert.True(item.Animated);
        Assert.Equal((800, 400), (item.Width, item.Height));
        Assert.Equal([320, 768], item.VariantWidths());
        Assert.Equal(format == "gif" ? 6 : 3, site.Files().Count);
        foreach (var url in new[] { item.Url, MediaFiles.Url(item, null, "webp"), MediaFiles.Url(item, 320, format), MediaFiles.Url(item, 768, "webp") })
        {
            using var image = Image.NewFromFile(site.PathOf(url), access: Enums.Access.Sequential);
            Assert.Equal(4, (int)image.Get("n-pages"));
            Assert.Equal(int.Parse(Path.GetFileNameWithoutExtension(url).Split('-') is [_, var w] ? w : "800"), image.Width);
        }
    }

    [Fact]
    public async Task A_png_named_jpg_and_declared_as_jpeg_is_stored_as_png()
    {
        await using var site = await MediaSite.CreateAsync();
        var item = await site.UploadAsync(TestImages.Png(200, 100), "photo.jpg", "image/jpeg");
        Assert.Equal("image/png", item.ContentType);
        Assert.EndsWith(".png", item.Url, StringComparison.Ordinal);
        using var original = Image.NewFromFile(site.PathOf(item.Url));
        Assert.Equal("pngload", (string)original.Get("vips-loader"));
    }

    [Theory]
    [InlineData("../../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("evil\0name.png\0.jpg", "evilname.png.jpg")]
    [InlineData("..", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public async Task A_file_name_never_becomes_a_path(string? name, string? kept)
    {
        await using var site = await MediaSite.CreateAsync();
        var item = await site.UploadAsync(TestImages.Png(64, 64), name);
        Assert.Equal(kept, item.OriginalFileName);
        Assert.Matches(@"^2026/11/[0-9a-f]{16}\.png$", item.StoragePath);
        Assert.All(site.Files(), f => Assert.StartsWith("2026/11/", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_500_character_name_is_cut_to_200()
    {
        await using var site = await MediaSite.CreateAsync();
        var item = await site.UploadAsync(TestImages.Png(64, 64), new string('é', 300) + new string('a', 196) + ".jpg");
        Assert.Equal(new string('é', 200), item.OriginalFileName);
        Assert.Matches(@"^2026/11/[0-9a-f]{16}\.png$", item.StoragePath);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task When_the_row_cannot_be_saved_no_file_stays_behind(DatabaseProvider provider)
    {
        await using var site = await MediaSite.CreateAsync(provider);
        // An uploader who does not exist: the foreign key refuses the row after every file was written.
        await Assert.ThrowsAsync<DbUpdateException>(() => site.UploadAsync(TestImages.JpegWithLocation(1000, 600), "a.jpg", uploaderId: "nobody"));
        Assert.Empty(site.Files());
    }

    /// <summary>Resizing rounds heights to a pixel either way.</summary>
    private sealed class CloseSize : IEqualityComparer<(int, int, string)>
    {
        public bool Equals((int, int, string) x, (int, int, string) y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) <= 1 && x.Item3 == y.Item3;
        public int GetHashCode((int, int, string) obj) => 0;
    }
}
