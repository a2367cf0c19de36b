using Parley.Core.Posts;

namespace Parley.Core.Tests.Posts;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Russia’s foreign policy: ‘back in the big league’?", "russias-foreign-policy-back-in-the-big-league")]
    [InlineData("  Hello,   World!  ", "hello-world")]
    [InlineData("Café crème à la carte", "cafe-creme-a-la-carte")]
    [InlineData("C# and .NET 10", "c-and-net-10")]
    [InlineData("Внешняя политика России", "vneshnyaya-politika-rossii")]
    [InlineData("Ελληνικά νέα", "ellinika-nea")]
    public void Titles_become_readable_ascii_slugs(string title, string expected) => Assert.Equal(expected, Slugs.FromText(title));

    [Theory]
    [InlineData("日本とロシアの外相会談")]
    [InlineData("北方領土")]
    [InlineData("ロシア")]
    [InlineData("中文标题")]
    [InlineData("العربية")]
    public void Non_latin_titles_never_give_an_empty_or_escaped_slug(string title)
    {
        var slug = Slugs.FromText(title);
        Assert.True(Slugs.IsWellFormed(slug), $"'{slug}' is not a well-formed slug");
        Assert.NotEqual("untitled", slug);
        Assert.True(slug.Length >= 3);
    }

    [Fact]
    public void Japanese_kana_is_romanised()
    {
        Assert.Equal("roshia", Slugs.FromText("ロシア"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ...")]
    [InlineData("   ")]
    public void Titles_without_letters_fall_back_to_a_word(string title) => Assert.Equal("untitled", Slugs.FromText(title));

    [Fact]
    public void Long_titles_are_cut_at_a_word()
    {
        var slug = Slugs.FromText(string.Join(' ', Enumerable.Repeat("commentary", 20)));
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("commentary", slug);
        Assert.True(Slugs.IsWellFormed(slug));
    }
}
