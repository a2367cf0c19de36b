using Parley.Core.Rendering;

namespace Parley.Core.Tests.Rendering;

public sealed class VideoEmbedTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=30", "YouTube")]
    [InlineData("https://m.youtube.com/watch?v=aqz-KE-bpKQ", "YouTube")]
    [InlineData("https://www.youtube.com/shorts/aqz-KE-bpKQ", "YouTube")]
    [InlineData("https://player.vimeo.com/video/76979871", "Vimeo")]
    [InlineData("https://peertube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", "PeerTube")]
    [InlineData("https://cdn.example/clip.webm", "Video file")]
    public void Known_video_addresses_are_recognised(string url, string provider)
    {
        Assert.True(VideoEmbed.TryParse(url, out var embed));
        Assert.Equal(provider, embed!.Provider);
        Assert.StartsWith("https://", embed.EmbedUrl);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com/watch?v=aqz-KE-bpKQ%22onload")]
    [InlineData("https://evilyoutube.com.example/watch?v=aqz-KE-bpKQ")]
    [InlineData("https://evilyoutube.com/watch?v=aqz-KE-bpKQ")]
    [InlineData("javascript:alert(1)//.mp4")]
    [InlineData("https://example.com/article")]
    [InlineData("http://peertube.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d")]
    [InlineData("not a url")]
    public void Other_addresses_are_not_videos(string url) => Assert.False(VideoEmbed.TryParse(url, out _));
}
