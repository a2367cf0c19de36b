using Parley.Core.Media;

namespace Parley.Core.Tests.Media;

public sealed class MediaSourcesTests
{
    private static MediaItem Photo(string variants, int width = 2400) => new()
    {
        Url = "/media/2026/11/0123456789abcdef.jpg", ContentType = "image/jpeg", Width = width, Height = 1600,
        StoragePath = "2026/11/0123456789abcdef.jpg", Variants = variants,
    };

    [Fact]
    public void A_srcset_lists_every_copy_with_its_width_in_the_asked_format()
    {
        var item = Photo("320,768,1280,1920");
        Assert.Equal(
            "/media/2026/11/0123456789abcdef-320.webp 320w, /media/2026/11/0123456789abcdef-768.webp 768w, " +
            "/media/2026/11/0123456789abcdef-1280.webp 1280w, /media/2026/11/0123456789abcdef-1920.webp 1920w, " +
            "/media/2026/11/0123456789abcdef.webp 2400w",
            MediaLibrary.SrcSet(item, webp: true));
        Assert.Equal(
            "/media/2026/11/0123456789abcdef-320.jpg 320w, /media/2026/11/0123456789abcdef-768.jpg 768w, " +
            "/media/2026/11/0123456789abcdef-1280.jpg 1280w, /media/2026/11/0123456789abcdef-1920.jpg 1920w, " +
            "/media/2026/11/0123456789abcdef.jpg 2400w",
            MediaLibrary.SrcSet(item, webp: false));
        Assert.Equal("(max-width: 672px) 100vw, 672px", MediaLibrary.Sizes(item));
    }

    [Fact]
    public void A_small_picture_has_one_candidate_and_no_sizes()
    {
        var item = Photo("", width: 300);
        Assert.Equal("/media/2026/11/0123456789abcdef.jpg 300w", MediaSources.SrcSet(item, webp: false));
        Assert.Equal("/media/2026/11/0123456789abcdef.webp 300w", MediaSources.SrcSet(item, webp: true));
        Assert.Null(MediaSources.Sizes(item));
        Assert.Equal("(max-width: 500px) 100vw, 500px", MediaSources.Sizes(Photo("320", width: 500)));
    }

    [Fact]
    public void An_item_that_is_not_a_stored_file_offers_its_url_alone()
    {
        var demo = new MediaItem { Url = "/images/demo/riverside.svg", ContentType = "image/svg+xml", Width = 1200, Height = 675 };
        Assert.Equal("/images/demo/riverside.svg", MediaSources.SrcSet(demo, webp: false));
        Assert.Equal("", MediaSources.SrcSet(demo, webp: true));
        Assert.Null(MediaSources.Sizes(demo));
    }
}
