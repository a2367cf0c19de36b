using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Data.Tests.Media;

/// <summary>Which posts use an item, deleting it, and its texts, on both databases.</summary>
public sealed class MediaUsageTests
{
    private static Task<Post> AddPostAsync(MediaSite site, string title, string body, int? featured = null) =>
        site.Db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(
            new PostInput { Title = title, Body = body, FeaturedImageId = featured, Status = PostStatus.Published }, site.AuthorId));

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_item_in_use_is_deleted_only_when_forced_and_then_with_every_file(DatabaseProvider provider)
    {
        await using var site = await MediaSite.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var item = await site.UploadAsync(TestImages.JpegWithLocation(900, 600), "a.jpg");
        var other = await site.UploadAsync(TestImages.Png(100, 100), "b.png");
        var featured = await AddPostAsync(site, "Featured here", "No picture in the text.", featured: item.Id);
        var inBody = await AddPostAsync(site, "In the text", $"Look: ![a river]({MediaFiles.Url(item, 768, "webp")})");
        await AddPostAsync(site, "Unrelated", $"Another picture: ![b]({other.Url})");

        Assert.Equal([(featured.Id, "Featured here"), (inBody.Id, "In the text")], await site.Library(l => l.UsedByAsync(item.Id, ct)));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => site.Library(l => l.DeleteAsync(item.Id, force: false, site.MediaRoot, ct)));
        Assert.Equal("This image is used by 2 posts: “Featured here”, “In the text”. Remove it from there first, or delete it anyway.",
            Assert.Single(refused.Errors["media"]));
        Assert.Equal(8, site.Files().Count); // the photo: original, full-size WebP, 320 and 768 in two formats; the PNG: original and WebP

        await site.Library(l => l.DeleteAsync(item.Id, force: true, site.MediaRoot, ct));

        var stem = Path.GetFileNameWithoutExtension(item.StoragePath)!;
        Assert.DoesNotContain(site.Files(), f => f.Contains(stem, StringComparison.Ordinal));
        Assert.Equal(2, site.Files().Count);
        await using var db = site.Db.NewContext();
        Assert.False(await db.MediaItems.AnyAsync(m => m.Id == item.Id, ct));
        Assert.Null((await db.Posts.SingleAsync(p => p.Id == featured.Id, ct)).FeaturedImageId);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_unused_item_is_deleted_at_once(DatabaseProvider provider)
    {
        await using var site = await MediaSite.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var item = await site.UploadAsync(TestImages.Png(400, 300), "a.png");
        Assert.Empty(await site.Library(l => l.UsedByAsync(item.Id, ct)));
        await site.Library(l => l.DeleteAsync(item.Id, force: false, site.MediaRoot, ct));
        Assert.Empty(site.Files());
        await Assert.ThrowsAsync<NotFoundException>(() => site.Library(l => l.DeleteAsync(item.Id, force: false, site.MediaRoot, ct)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Alt_text_and_caption_are_trimmed_and_kept_within_their_limits(DatabaseProvider provider)
    {
        await using var site = await MediaSite.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var item = await site.UploadAsync(TestImages.Png(64, 64), "a.png");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            site.Library(l => l.UpdateAsync(item.Id, new string('a', 501), new string('c', 2001), ct)));
        Assert.Equal("The alternative text is 501 characters long; the limit is 500.", Assert.Single(refused.Errors["altText"]));
        Assert.Equal("The caption is 2,001 characters long; the limit is 2,000.", Assert.Single(refused.Errors["caption"]));

        await site.Library(l => l.UpdateAsync(item.Id, "  A heron on one leg  ", "   ", ct));
        await using (var db = site.Db.NewContext())
        {
            var stored = await db.MediaItems.SingleAsync(m => m.Id == item.Id, ct);
            Assert.Equal(("A heron on one leg", null), (stored.AltText, stored.Caption));
        }

        await site.Library(l => l.UpdateAsync(item.Id, new string('a', 500), new string('c', 2000) + " ", ct));
        await Assert.ThrowsAsync<NotFoundException>(() => site.Library(l => l.UpdateAsync(item.Id + 100, "x", null, ct)));
    }
}
