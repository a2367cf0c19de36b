using Parley.Core.Comments;

namespace Parley.Core.Tests.Comments;

public sealed class CommentFieldsTests
{
    private static CommentInput Input(string? name = "Ann", string? email = "ann@example.org", string? website = null, string? body = "Hello") =>
        new() { Name = name, Email = email, Website = website, Body = body };

    [Theory]
    [InlineData("example.com", "https://example.com/")]
    [InlineData("http://example.com/blog", "http://example.com/blog")]
    [InlineData("https://例え.jp/", "https://xn--r8jz45g.jp/")]
    public void Websites_are_normalised_to_http_or_https(string input, string expected) =>
        Assert.Equal(expected, CommentFields.NormalizeWebsite(input));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.com")]
    [InlineData("localhost")]
    [InlineData("https://user:pass@example.com")]
    [InlineData("\"><script>alert(1)</script>")]
    public void Other_addresses_are_refused(string input) => Assert.Null(CommentFields.NormalizeWebsite(input));

    [Fact]
    public void Missing_and_oversized_fields_get_one_message_each()
    {
        var error = Assert.Throws<ValidationFailedException>(() => CommentFields.Validate(
            Input(name: " ", email: "not-an-email", website: "javascript:alert(1)", body: "   \n  "), requireNameAndEmail: true));
        Assert.Equal(["Body", "Name", "Email", "Website"], error.Errors.Keys);

        var big = Assert.Throws<ValidationFailedException>(() => CommentFields.Validate(
            Input(name: new string('n', 246), email: new string('e', 95) + "@x.org", website: "https://example.com/" + new string('w', 200), body: new string('b', 65_526)), true));
        Assert.Contains("245", big.Errors["Name"][0]);
        Assert.Contains("100", big.Errors["Email"][0]);
        Assert.Contains("200", big.Errors["Website"][0]);
        Assert.Contains("65,525", big.Errors["Body"][0]);
    }

    [Fact]
    public void Name_and_email_may_be_optional_when_the_owner_says_so()
    {
        var clean = CommentFields.Validate(Input(name: "", email: ""), requireNameAndEmail: false);
        Assert.Equal("Anonymous", clean.Name);
        Assert.Null(clean.Email);
    }

    [Fact]
    public void Emails_are_stored_lower_case_and_text_trimmed()
    {
        var clean = CommentFields.Validate(Input(email: " Ann@Example.ORG ", body: "  hi  "), true);
        Assert.Equal("ann@example.org", clean.Email);
        Assert.Equal("hi", clean.Body);
    }

    [Theory]
    [InlineData("viagra", "buy VIAGRA now", "ok@example.org", null, true)]
    [InlineData("spam@example.com", "hello", "spam@example.com", null, true)]
    [InlineData("spam@example.com", "hello", "ok@example.org", null, false)]
    [InlineData("203.0.113.", "hello", "ok@example.org", "203.0.113.7", true)]
    [InlineData("203.0.113.", "hello", "ok@example.org", "198.51.100.7", false)]
    [InlineData("2001:db8:", "hello", "ok@example.org", "2001:db8::1", true)]
    [InlineData("203.0.113.0/24", "hello", "ok@example.org", "203.0.113.200", true)]
    [InlineData("203.0.113.0/24", "hello", "ok@example.org", "203.0.114.1", false)]
    [InlineData("2001:db8::/32", "hello", "ok@example.org", "2001:db8:1::5", true)]
    [InlineData("# a comment line\n\n", "anything", "ok@example.org", null, false)]
    public void Moderation_lists_match_words_emails_and_address_prefixes(string list, string body, string email, string? ip, bool expected) =>
        Assert.Equal(expected, ModerationRules.Matches(list, "Name", email, null, body, ip));
}
