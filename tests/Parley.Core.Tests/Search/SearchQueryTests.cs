using Parley.Core.Search;

namespace Parley.Core.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("\"unbalanced", new[] { "unbalanced" })]
    [InlineData("OR OR", new string[0])]
    [InlineData("river NEAR clean*", new[] { "river", "clean" })]
    [InlineData("-minus (paren", new[] { "minus", "paren" })]
    [InlineData("Café CRÈME", new[] { "café", "crème" })]
    [InlineData("Россия Япония", new[] { "россия", "япония" })]
    [InlineData("a'; DROP TABLE Posts;--", new[] { "a", "drop", "table", "posts" })]
    public void Only_words_survive(string input, string[] expected) => Assert.Equal(expected, SearchQuery.Parse(input).Terms);

    [Fact]
    public void Queries_are_bounded()
    {
        Assert.Equal(SearchQuery.MaxTerms, SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i))).Terms.Count);
        Assert.Equal(SearchQuery.MaxTermLength, SearchQuery.Parse(new string('x', 300)).Terms.Single().Length);
        // Past the input limit nothing more is read: a 10 KB query costs no more than a short one.
        Assert.Single(SearchQuery.Parse("first " + new string(' ', SearchQuery.MaxInputLength) + "second").Terms);
    }

    [Fact]
    public void Database_syntax_quotes_every_term()
    {
        var query = SearchQuery.Parse("river clean");
        Assert.Equal("\"river\" \"clean\"*", query.ToFts5());
        Assert.Equal("'river' & 'clean':*", query.ToTsQuery());
        Assert.Equal("\"river\" AND (\"clean\" OR \"cleaner\")", query.ToFts5(["clean", "cleaner"]));
    }

    [Fact]
    public void Highlighting_encodes_text_and_marks_matches()
    {
        Assert.Equal("a <mark>&lt;b&gt;</mark> c", SearchService.Highlight("a \u0002<b>\u0003 c"));
        Assert.Equal("<mark>open</mark>", SearchService.Highlight("\u0002open"));
    }
}
