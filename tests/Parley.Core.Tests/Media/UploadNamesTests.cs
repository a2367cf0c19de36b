using Parley.Core.Media;

namespace Parley.Core.Tests.Media;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("  Holiday   at the sea.jpeg ", "Holiday at the sea.jpeg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ada\\Pictures\\cat.png", "cat.png")]
    [InlineData("a\0b\r\nc.gif", "abc.gif")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("dir/", null)]
    [InlineData("...", null)]
    [InlineData("\0\0", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_name_is_cut_to_its_last_segment_without_invisible_characters(string? name, string? expected) =>
        Assert.Equal(expected, UploadNames.Clean(name));

    [Fact]
    public void A_long_name_is_cut_to_200_characters_between_whole_characters()
    {
        Assert.Equal(new string('x', 200), UploadNames.Clean(new string('x', 500)));
        var emoji = string.Concat(Enumerable.Repeat("👍🏽", 100)); // 4 UTF-16 units each
        var cut = UploadNames.Clean(emoji)!;
        Assert.Equal(200, cut.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat("👍🏽", 50)), cut);
    }
}
